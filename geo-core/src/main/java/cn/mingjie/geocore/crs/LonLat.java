package cn.mingjie.geocore.crs;

import org.locationtech.jts.geom.Coordinate;

/** A geographic position in degrees, longitude first (as JTS x, y and GeoJSON store it). */
public record LonLat(double lon, double lat) {

    public LonLat {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lat) > 90) {
            throw new IllegalArgumentException("not a longitude/latitude: " + lon + ", " + lat);
        }
    }

    /** Reads a JTS coordinate whose x is the longitude and y the latitude. */
    public static LonLat of(Coordinate c) {
        return new LonLat(c.getX(), c.getY());
    }

    public Coordinate toCoordinate() {
        return new Coordinate(lon, lat);
    }
}
