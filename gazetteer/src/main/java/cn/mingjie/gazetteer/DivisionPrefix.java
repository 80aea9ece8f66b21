package cn.mingjie.gazetteer;

import cn.mingjie.geocore.division.DivisionCodes;

/** The significant prefix of a division code: 500152000000 → 500152, so "under 潼南区" is a prefix match. */
public final class DivisionPrefix {

    private DivisionPrefix() {}

    public static String of(String code) {
        String twelve = DivisionCodes.toTwelveDigits(code);
        for (int length : new int[] {2, 4, 6, 9}) {
            if (twelve.substring(length).chars().allMatch(c -> c == '0')) {
                return twelve.substring(0, length);
            }
        }
        return twelve;
    }

    /** The county (区县) part of a code, 6 digits. */
    public static String county(String code) {
        return DivisionCodes.toTwelveDigits(code).substring(0, 6);
    }

    /** The province (here: the municipality 重庆市) part of a code, 2 digits. */
    public static String province(String code) {
        return DivisionCodes.toTwelveDigits(code).substring(0, 2);
    }
}
