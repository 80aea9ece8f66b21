package cn.mingjie.geocore.crs;

import org.geotools.referencing.GeodeticCalculator;

/**
 * Bearings in degrees clockwise from north in [0, 360): true azimuths (真方位角) on the CGCS2000
 * ellipsoid, and grid bearings (坐标方位角) of a Gauss-Krüger zone, related by true = grid + γ, γ the
 * meridian convergence.
 */
public final class Bearing {

    private Bearing() {}

    /** The azimuth of the geodesic from one point towards the other, at its start. */
    public static double trueAzimuth(LonLat from, LonLat to) {
        if (from.equals(to)) {
            throw new IllegalArgumentException("no bearing from a point to itself: " + from);
        }
        GeodeticCalculator calc = new GeodeticCalculator(ChineseCrs.cgcs2000Ellipsoid());
        calc.setStartingGeographicPoint(from.lon(), from.lat());
        calc.setDestinationGeographicPoint(to.lon(), to.lat());
        return normalize(calc.getAzimuth());
    }

    /** The true bearing for a grid bearing measured at a point of the given zone. */
    public static double gridToTrue(double gridBearing, LonLat at, GaussKrugerZone zone) {
        return normalize(gridBearing + zone.convergence(at));
    }

    /** As {@link #gridToTrue(double, LonLat, GaussKrugerZone)} in the zone of the point's longitude. */
    public static double gridToTrue(double gridBearing, LonLat at) {
        return gridToTrue(gridBearing, at, GaussKrugerZone.ofLongitude(at.lon()));
    }

    public static double trueToGrid(double trueBearing, LonLat at, GaussKrugerZone zone) {
        return normalize(trueBearing - zone.convergence(at));
    }

    /** Brings any angle in degrees into [0, 360). */
    public static double normalize(double degrees) {
        double r = degrees % 360;
        // −0.0 and values rounding up to 360 both belong at 0.
        return r < 0 ? (r + 360 == 360 ? 0 : r + 360) : r + 0.0;
    }
}
