package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.GaussKruger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * A point's CGCS2000 3° Gauss-Krüger plane coordinates in its own zone: northing (X) and easting (Y)
 * with the zone prefix as on Chinese survey sheets (EPSG 4513–4533), and without it (4534–4554).
 */
public record PlaneCoordinates(
        int zone, int epsgWithPrefix, int epsgWithoutPrefix, double northing, double easting, double prefixedEasting) {

    public static PlaneCoordinates of(Point lonLat) {
        int zone = GaussKruger.zoneOf(lonLat.getX());
        Coordinate p = GaussKruger.toPlane(lonLat.getCoordinate(), zone);
        return new PlaneCoordinates(
                zone,
                GaussKruger.epsgWithPrefix(zone),
                GaussKruger.epsgWithoutPrefix(zone),
                p.y,
                p.x,
                zone * 1_000_000.0 + p.x);
    }
}
