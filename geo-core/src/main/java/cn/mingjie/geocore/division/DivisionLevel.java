package cn.mingjie.geocore.division;

import java.util.Arrays;

/** The five levels of the 12-digit statistical division code (统计用区划代码). */
public enum DivisionLevel {
    PROVINCE(1, "省级"),
    PREFECTURE(2, "地级"),
    COUNTY(3, "县级"),
    TOWNSHIP(4, "乡级"),
    VILLAGE(5, "村级");

    private final int number;
    private final String chineseName;

    DivisionLevel(int number, String chineseName) {
        this.number = number;
        this.chineseName = chineseName;
    }

    public int number() {
        return number;
    }

    public String chineseName() {
        return chineseName;
    }

    public static DivisionLevel of(int number) {
        return Arrays.stream(values())
                .filter(l -> l.number == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no division level " + number));
    }
}
