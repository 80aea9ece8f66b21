package cn.mingjie.boundary.internal;

/** The 16-point compass (十六方位) of a true bearing. */
public final class Compass16 {

    private static final String[] ZH = {
        "北", "北东北", "东北", "东东北", "东", "东东南", "东南", "南东南",
        "南", "南西南", "西南", "西西南", "西", "西西北", "西北", "北西北"
    };
    private static final String[] EN = {
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"
    };

    private Compass16() {}

    public static int point(double bearingDegrees) {
        double b = ((bearingDegrees % 360) + 360) % 360;
        return (int) Math.floor((b + 11.25) / 22.5) % 16;
    }

    public static String chinese(double bearingDegrees) {
        return ZH[point(bearingDegrees)];
    }

    public static String english(double bearingDegrees) {
        return EN[point(bearingDegrees)];
    }
}
