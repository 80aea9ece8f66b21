package cn.mingjie.geocore.division;

/**
 * The 12-digit division code: GB/T 2260 (2+2+2 digits) then 3 township and 3 village digits. The
 * level follows from which digit groups are zero.
 */
public final class DivisionCodes {

    private DivisionCodes() {}

    public static boolean isValid(String code) {
        return code != null && code.matches("[0-9]{12}");
    }

    /** Pads a short code (2, 4, 6 or 9 digits) to 12 digits. */
    public static String toTwelveDigits(String code) {
        if (code == null || !code.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}")) {
            throw new IllegalArgumentException("not a division code: " + code);
        }
        return (code + "000000000000").substring(0, 12);
    }
}
