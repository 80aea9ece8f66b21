package cn.mingjie.boundary;

import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import cn.mingjie.geocore.crs.LonLat;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * A point's CGCS2000 3° Gauss-Krüger plane coordinates in its own zone: northing (X) and easting (Y)
 * with the zone prefix as on Chinese survey sheets (EPSG 4513–4533), and without it (4534–4554).
 */
public record PlaneCoordinates(
        int zone, int epsgWithPrefix, int epsgWithoutPrefix, double northing, double easting, double prefixedEasting) {

    public static PlaneCoordinates of(Point lonLat) {
        GaussKrugerZone zone = GaussKrugerZone.ofLongitude(lonLat.getX());
        Coordinate p = zone.project(LonLat.of(lonLat.getCoordinate()), Easting.PLAIN);
        return new PlaneCoordinates(
                zone.number(),
                zone.epsgCode(Easting.ZONE_PREFIXED),
                zone.epsgCode(Easting.PLAIN),
                p.y,
                p.x,
                p.x - zone.falseEasting(Easting.PLAIN) + zone.falseEasting(Easting.ZONE_PREFIXED));
    }
}
