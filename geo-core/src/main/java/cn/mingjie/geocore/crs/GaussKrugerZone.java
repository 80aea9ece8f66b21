package cn.mingjie.geocore.crs;

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
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A CGCS2000 3-degree Gauss-Krüger zone (3度带): transverse Mercator with scale 1 on the central
 * meridian {@code 3° × number}, false easting 500 km, optionally prefixed by the zone number
 * (35 500 000 m). Zones 25–45 (75°E–135°E) are those the EPSG registry defines for CGCS2000; zones
 * 35, 36 and 37 (105°E, 108°E, 111°E) cover Chongqing.
 */
public record GaussKrugerZone(int number) {

    public static final int FIRST = 25;
    public static final int LAST = 45;

    public static final GaussKrugerZone ZONE_35 = new GaussKrugerZone(35);
    public static final GaussKrugerZone ZONE_36 = new GaussKrugerZone(36);
    public static final GaussKrugerZone ZONE_37 = new GaussKrugerZone(37);

    /** The zones that Chongqing municipality (105.3°E–110.2°E) touches, west to east. */
    public static final List<GaussKrugerZone> CHONGQING = List.of(ZONE_35, ZONE_36, ZONE_37);

    // EPSG numbers the CGCS2000 3-degree systems consecutively by zone in two series.
    private static final int EPSG_PREFIXED_ZONE_25 = 4513;
    private static final int EPSG_PLAIN_CM_75E = 4534;

    // The CGCS2000 flattening; the series below need only the eccentricity.
    private static final double F = 1 / 298.257222101;
    private static final double E2 = F * (2 - F);
    private static final double EP2 = E2 / (1 - E2);

    private static final Map<String, MathTransform> TRANSFORMS = new ConcurrentHashMap<>();

    /** How eastings are written: with the zone number in front (35 500 000) or without (500 000). */
    public enum Easting {
        ZONE_PREFIXED,
        PLAIN
    }

    /** The zone chosen for a geometry, and every zone its longitude range touches. */
    public record Selection(GaussKrugerZone zone, List<GaussKrugerZone> touched) {

        public Selection {
            touched = List.copyOf(touched);
        }

        /**
         * Planar figures of a geometry across a zone border carry more scale error on the far side;
         * the caller may want to warn or split.
         */
        public boolean spansSeveralZones() {
            return touched.size() > 1;
        }
    }

    public GaussKrugerZone {
        if (number < FIRST || number > LAST) {
            throw new IllegalArgumentException(
                    "CGCS2000 3-degree zone " + number + " is outside China (" + FIRST + "–" + LAST + ")");
        }
    }

    /**
     * The zone whose central meridian is nearest: {@code round(lon / 3)}. A longitude exactly on a
     * border (e.g. 106.5°) goes to the eastern zone.
     */
    public static GaussKrugerZone ofLongitude(double lon) {
        return new GaussKrugerZone((int) Math.round(lon / 3));
    }

    /** The zone encoded in the millions of a zone-prefixed easting (35 512 345.6 → zone 35). */
    public static GaussKrugerZone ofPrefixedEasting(double easting) {
        return new GaussKrugerZone((int) Math.floor(easting / 1_000_000));
    }

    /**
     * Chooses the zone of the centre of a lon/lat geometry's bounding box and lists all zones between
     * its western and eastern extremes.
     */
    public static Selection select(Geometry lonLat) {
        Envelope env = lonLat.getEnvelopeInternal();
        if (env.isNull()) {
            throw new IllegalArgumentException("an empty geometry has no zone");
        }
        List<GaussKrugerZone> touched = new ArrayList<>();
        for (int n = ofLongitude(env.getMinX()).number; n <= ofLongitude(env.getMaxX()).number; n++) {
            touched.add(new GaussKrugerZone(n));
        }
        return new Selection(ofLongitude(env.centre().getX()), touched);
    }

    public double centralMeridian() {
        return 3.0 * number;
    }

    public double falseEasting(Easting easting) {
        return easting == Easting.ZONE_PREFIXED ? number * 1_000_000.0 + 500_000.0 : 500_000.0;
    }

    /** EPSG:4513–4533 with zone prefix ("zone 35"), EPSG:4534–4554 without ("CM 105E"). */
    public int epsgCode(Easting easting) {
        return easting == Easting.ZONE_PREFIXED
                ? EPSG_PREFIXED_ZONE_25 + number - FIRST
                : EPSG_PLAIN_CM_75E + number - FIRST;
    }

    /** The projected CRS, easting first. */
    public CoordinateReferenceSystem crs(Easting easting) {
        return ChineseCrs.decode(epsgCode(easting));
    }

    /** Projects a CGCS2000 lon/lat geometry; the result has x = easting, y = northing and this SRID. */
    public Geometry project(Geometry lonLat, Easting easting) {
        Geometry projected = transform(lonLat, forward(easting));
        projected.setSRID(epsgCode(easting));
        return projected;
    }

    /** The inverse of {@link #project}: back to CGCS2000 lon/lat with SRID 4490. */
    public Geometry unproject(Geometry projected, Easting easting) {
        Geometry lonLat = transform(projected, inverse(easting));
        lonLat.setSRID(ChineseCrs.CGCS2000);
        return lonLat;
    }

    /** Projects one point; x = easting, y = northing. */
    public Coordinate project(LonLat point, Easting easting) {
        return transform(point.toCoordinate(), forward(easting));
    }

    public LonLat unproject(double easting, double northing, Easting form) {
        return LonLat.of(transform(new Coordinate(easting, northing), inverse(form)));
    }

    /**
     * Meridian convergence γ in degrees (子午线收敛角): the angle from grid north to true north,
     * positive east of the central meridian, so that true bearing = grid bearing + γ.
     */
    public double convergence(LonLat point) {
        double phi = Math.toRadians(point.lat());
        double l = Math.toRadians(point.lon() - centralMeridian());
        double cos2 = Math.cos(phi) * Math.cos(phi);
        double eta2 = EP2 * cos2;
        double t2 = Math.tan(phi) * Math.tan(phi);
        double l2c2 = l * l * cos2;
        double gamma =
                l * Math.sin(phi) * (1 + l2c2 / 3 * (1 + 3 * eta2 + 2 * eta2 * eta2) + l2c2 * l2c2 / 15 * (2 - t2));
        return Math.toDegrees(gamma);
    }

    /**
     * Point scale factor k (长度变形比): grid distance / ellipsoid distance at the point; 1 on the
     * central meridian, about 1.00026 at the zone edge 1.5° away at Chongqing's latitude.
     */
    public double scaleFactor(LonLat point) {
        // Snyder, Map Projections — A Working Manual (1987), eq. 8-11 with k0 = 1.
        double phi = Math.toRadians(point.lat());
        double a = Math.toRadians(point.lon() - centralMeridian()) * Math.cos(phi);
        double c = EP2 * Math.cos(phi) * Math.cos(phi);
        double t = Math.tan(phi) * Math.tan(phi);
        double a2 = a * a;
        return 1
                + (1 + c) * a2 / 2
                + (5 - 4 * t + 42 * c + 13 * c * c - 28 * EP2) * a2 * a2 / 24
                + (61 - 148 * t + 16 * t * t) * a2 * a2 * a2 / 720;
    }

    private MathTransform forward(Easting easting) {
        return TRANSFORMS.computeIfAbsent(number + "/" + easting, key -> {
            try {
                return CRS.findMathTransform(ChineseCrs.cgcs2000(), crs(easting));
            } catch (FactoryException e) {
                throw new IllegalStateException("GeoTools cannot project to EPSG:" + epsgCode(easting), e);
            }
        });
    }

    private MathTransform inverse(Easting easting) {
        try {
            return forward(easting).inverse();
        } catch (TransformException e) {
            throw new IllegalStateException("transverse Mercator is invertible", e);
        }
    }

    private static Geometry transform(Geometry geometry, MathTransform transform) {
        try {
            return JTS.transform(geometry, transform);
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform " + geometry.getGeometryType(), e);
        }
    }

    private static Coordinate transform(Coordinate c, MathTransform transform) {
        try {
            return JTS.transform(c, null, transform);
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform " + c, e);
        }
    }
}
