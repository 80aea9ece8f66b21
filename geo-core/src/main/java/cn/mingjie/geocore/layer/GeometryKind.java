package cn.mingjie.geocore.layer;

/** The geometry type of a layer, with its GeoServer / OGC names. */
public enum GeometryKind {
    POINT("Point", "MultiPoint"),
    LINE("MultiLineString", "MultiLineString"),
    POLYGON("MultiPolygon", "MultiPolygon");

    private final String postgisType;
    private final String ogcType;

    GeometryKind(String postgisType, String ogcType) {
        this.postgisType = postgisType;
        this.ogcType = ogcType;
    }

    /** The type name GeoServer's SQL views and PostGIS typmods use. */
    public String postgisType() {
        return postgisType;
    }

    public String ogcType() {
        return ogcType;
    }
}
