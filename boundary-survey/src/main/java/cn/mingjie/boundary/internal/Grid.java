package cn.mingjie.boundary.internal;

import cn.mingjie.geocore.crs.Bearing;
import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import cn.mingjie.geocore.crs.LonLat;
import org.locationtech.jts.geom.Coordinate;

/** Grid figures between two lon/lat points on the Gauss-Krüger plane of the first point's zone. */
public final class Grid {

    private Grid() {}

    /** Straight distance on the plane, metres: what a surveyor's coordinates give. */
    public static double distance(Coordinate fromLonLat, Coordinate toLonLat) {
        GaussKrugerZone zone = GaussKrugerZone.ofLongitude(fromLonLat.x);
        return zone.project(LonLat.of(fromLonLat), Easting.PLAIN)
                .distance(zone.project(LonLat.of(toLonLat), Easting.PLAIN));
    }

    /** Grid bearing (坐标方位角), degrees clockwise from grid north in [0, 360). */
    public static double bearing(Coordinate fromLonLat, Coordinate toLonLat) {
        GaussKrugerZone zone = GaussKrugerZone.ofLongitude(fromLonLat.x);
        Coordinate a = zone.project(LonLat.of(fromLonLat), Easting.PLAIN);
        Coordinate b = zone.project(LonLat.of(toLonLat), Easting.PLAIN);
        return Bearing.normalize(Math.toDegrees(Math.atan2(b.x - a.x, b.y - a.y)));
    }
}
