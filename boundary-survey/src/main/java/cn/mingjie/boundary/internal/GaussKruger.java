package cn.mingjie.boundary.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.geotools.referencing.GeodeticCalculator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * CGCS2000 3-degree Gauss-Krüger zones through GeoTools: zone picking, plane coordinates, meridian
 * convergence, grid and true bearings, lengths split where a line crosses a zone edge. Plane
 * coordinates here are (easting, northing) without the zone prefix (EPSG 4534–4554, CM 75°E–135°E); the prefixed
 * easting of EPSG 4513–4533 is {@code zone × 1 000 000 + easting}.
 */
public final class GaussKruger {

    /** EPSG:4490, longitude first. */
    public static final CoordinateReferenceSystem CGCS2000 = decode(4490);

    private static final Map<Integer, MathTransform[]> transforms = new ConcurrentHashMap<>();

    private GaussKruger() {}

    /** The 3° zone whose central meridian (zone × 3°E) is nearest to {@code lon}. */
    public static int zoneOf(double lon) {
        return (int) Math.floor((lon + 1.5) / 3.0);
    }

    public static double centralMeridian(int zone) {
        return zone * 3.0;
    }

    /** EPSG code with the zone number prefixed to the easting (4523 = zone 35). */
    public static int epsgWithPrefix(int zone) {
        checkZone(zone);
        return 4488 + zone;
    }

    /**
     * EPSG code without the prefix, named by central meridian: 4534 = CM 75°E, so CM 105°E (zone 35) is
     * 4544 — not 4543, which is CM 102°E.
     */
    public static int epsgWithoutPrefix(int zone) {
        checkZone(zone);
        return 4509 + zone;
    }

    /** The zone of a GK EPSG code of either family, or -1 if it is not one. */
    public static int zoneOfEpsg(int epsg) {
        if (epsg >= 4513 && epsg <= 4533) {
            return epsg - 4488;
        }
        if (epsg >= 4534 && epsg <= 4554) {
            return epsg - 4509;
        }
        return -1;
    }

    public static boolean prefixed(int epsg) {
        return epsg >= 4513 && epsg <= 4533;
    }

    /** (lon, lat) → (easting without prefix, northing) in {@code zone}. */
    public static Coordinate toPlane(Coordinate lonLat, int zone) {
        return transform(lonLat, forward(zone));
    }

    /** A lon/lat geometry on the plane of {@code zone}. */
    public static Geometry toPlane(Geometry lonLat, int zone) {
        try {
            return JTS.transform(lonLat, forward(zone));
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot project into GK zone " + zone, e);
        }
    }

    /** (easting without prefix, northing) in {@code zone} → (lon, lat). */
    public static Coordinate toLonLat(Coordinate plane, int zone) {
        return transform(plane, inverse(zone));
    }

    /**
     * Meridian convergence γ in degrees at a point, in its own zone: the angle from true north to grid
     * north, positive east of the central meridian. Measured on the projection itself rather than by
     * series, so it is exact to the projection GeoTools implements.
     */
    public static double convergence(Coordinate lonLat) {
        int zone = zoneOf(lonLat.x);
        Coordinate here = toPlane(lonLat, zone);
        Coordinate north = toPlane(new Coordinate(lonLat.x, lonLat.y + 1e-4), zone);
        return -Math.toDegrees(Math.atan2(north.x - here.x, north.y - here.y));
    }

    /** Grid bearing (坐标方位角) in degrees 0–360 from one plane point to another. */
    public static double gridBearing(Coordinate fromPlane, Coordinate toPlane) {
        return normalise(Math.toDegrees(Math.atan2(toPlane.x - fromPlane.x, toPlane.y - fromPlane.y)));
    }

    /**
     * True bearing (真方位角) at the start point towards the end point: the grid bearing plus the
     * convergence at the start (A = α + γ). The arc-to-chord correction is left out: under 1″ for
     * legs of a few kilometres.
     */
    public static double trueBearing(Coordinate fromLonLat, Coordinate toLonLat) {
        int zone = zoneOf(fromLonLat.x);
        double grid = gridBearing(toPlane(fromLonLat, zone), toPlane(toLonLat, zone));
        return normalise(grid + convergence(fromLonLat));
    }

    /** Distance on the GK plane of the start point's zone, metres. */
    public static double planeDistance(Coordinate fromLonLat, Coordinate toLonLat) {
        int zone = zoneOf(fromLonLat.x);
        return toPlane(fromLonLat, zone).distance(toPlane(toLonLat, zone));
    }

    /** Geodesic distance on the CGCS2000 ellipsoid, metres. */
    public static double geodesicDistance(Coordinate fromLonLat, Coordinate toLonLat) {
        GeodeticCalculator calc = new GeodeticCalculator(CGCS2000);
        calc.setStartingGeographicPoint(fromLonLat.x, fromLonLat.y);
        calc.setDestinationGeographicPoint(toLonLat.x, toLonLat.y);
        return calc.getOrthodromicDistance();
    }

    /** Geodesic azimuth on the ellipsoid, degrees 0–360 (a check on {@link #trueBearing}). */
    public static double geodesicAzimuth(Coordinate fromLonLat, Coordinate toLonLat) {
        GeodeticCalculator calc = new GeodeticCalculator(CGCS2000);
        calc.setStartingGeographicPoint(fromLonLat.x, fromLonLat.y);
        calc.setDestinationGeographicPoint(toLonLat.x, toLonLat.y);
        return normalise(calc.getAzimuth());
    }

    public static double geodesicLength(LineString lonLat) {
        double sum = 0;
        Coordinate[] c = lonLat.getCoordinates();
        for (int i = 1; i < c.length; i++) {
            sum += geodesicDistance(c[i - 1], c[i]);
        }
        return sum;
    }

    /** The part of a line inside one zone and its length on that zone's plane. */
    public record ZonePiece(int zone, int epsg, Geometry lonLat, double planeLength) {}

    /** Splits a lon/lat line at the zone edges (x.5 × 3°) and measures each part in its own zone. */
    public static List<ZonePiece> splitByZone(LineString lonLat) {
        Envelope env = lonLat.getEnvelopeInternal();
        GeometryFactory factory = lonLat.getFactory();
        List<ZonePiece> pieces = new ArrayList<>();
        for (int zone = zoneOf(env.getMinX()); zone <= zoneOf(env.getMaxX()); zone++) {
            double west = centralMeridian(zone) - 1.5;
            Geometry strip = factory.toGeometry(new Envelope(west, west + 3.0, -90, 90));
            Geometry part = lonLat.intersection(strip);
            if (part.isEmpty() || part.getLength() == 0) {
                continue;
            }
            pieces.add(new ZonePiece(zone, epsgWithPrefix(zone), part, planeLength(part, zone)));
        }
        return pieces;
    }

    private static double planeLength(Geometry lonLat, int zone) {
        return toPlane(lonLat, zone).getLength();
    }

    private static double normalise(double degrees) {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    private static Coordinate transform(Coordinate c, MathTransform t) {
        try {
            return JTS.transform(c, new Coordinate(), t);
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform " + c, e);
        }
    }

    private static MathTransform forward(int zone) {
        return transformsOf(zone)[0];
    }

    private static MathTransform inverse(int zone) {
        return transformsOf(zone)[1];
    }

    private static MathTransform[] transformsOf(int zone) {
        return transforms.computeIfAbsent(zone, z -> {
            try {
                MathTransform t = CRS.findMathTransform(CGCS2000, decode(epsgWithoutPrefix(z)), true);
                return new MathTransform[] {t, t.inverse()};
            } catch (FactoryException | org.geotools.api.referencing.operation.NoninvertibleTransformException e) {
                throw new IllegalStateException("no GK transform for zone " + z, e);
            }
        });
    }

    private static CoordinateReferenceSystem decode(int epsg) {
        try {
            return CRS.decode("EPSG:" + epsg, true);
        } catch (FactoryException e) {
            throw new IllegalStateException("EPSG:" + epsg + " not in the GeoTools EPSG database", e);
        }
    }

    private static void checkZone(int zone) {
        if (zone < 25 || zone > 45) {
            throw new IllegalArgumentException("CGCS2000 3° GK zones run 25–45, not " + zone);
        }
    }
}
