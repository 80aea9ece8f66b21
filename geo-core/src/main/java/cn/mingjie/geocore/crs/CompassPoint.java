package cn.mingjie.geocore.crs;

/** The 16 points of the compass, clockwise from north, with their Chinese names (北东北 = NNE). */
public enum CompassPoint {
    N("北"),
    NNE("北东北"),
    NE("东北"),
    ENE("东东北"),
    E("东"),
    ESE("东东南"),
    SE("东南"),
    SSE("南东南"),
    S("南"),
    SSW("南西南"),
    SW("西南"),
    WSW("西西南"),
    W("西"),
    WNW("西西北"),
    NW("西北"),
    NNW("北西北");

    private static final double SECTOR = 360.0 / 16;

    private final String chinese;

    CompassPoint(String chinese) {
        this.chinese = chinese;
    }

    /** The point whose 22.5° sector contains the azimuth (degrees, any range; N is 348.75°–11.25°). */
    public static CompassPoint of(double azimuth) {
        double normalized = Bearing.normalize(azimuth);
        return values()[(int) Math.floor((normalized + SECTOR / 2) / SECTOR) % 16];
    }

    public String chinese() {
        return chinese;
    }

    /** The English abbreviation (N, NNE, …). */
    public String english() {
        return name();
    }

    /** The azimuth at the middle of the sector, in degrees. */
    public double azimuth() {
        return ordinal() * SECTOR;
    }
}
