package cn.mingjie.geocore.datum;

import cn.mingjie.geocore.crs.ChineseCrs;
import cn.mingjie.geocore.crs.LonLat;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * GCJ-02 ↔ WGS84 by the well-known public reconstruction of the official algorithm (Krasovsky
 * ellipsoid constants; the same as eviltransform and most map SDKs). The shift is a few hundred
 * metres and varies smoothly; it is applied only inside the rough rectangle the algorithm defines
 * for China. CGCS2000 input is treated as WGS84: they differ by well under the algorithm's own
 * reproducibility (about a metre).
 */
public final class Gcj02 {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    /** The inverse stops when re-encoding the result hits the GCJ-02 input to this many degrees (≈ 1 mm). */
    private static final double INVERSE_TOLERANCE = 1e-8;

    private static final int MAX_ITERATIONS = 30;

    private Gcj02() {}

    /** The algorithm's own extent test; outside it GCJ-02 equals WGS84. */
    public static boolean isOutsideChina(LonLat p) {
        return p.lon() < 72.004 || p.lon() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }

    public static LonLat toGcj02(LonLat wgs84) {
        if (isOutsideChina(wgs84)) {
            return wgs84;
        }
        double[] d = shift(wgs84.lon(), wgs84.lat());
        return new LonLat(wgs84.lon() + d[0], wgs84.lat() + d[1]);
    }

    /**
     * The inverse has no closed form; the common one-step approximation (subtract the shift at the
     * GCJ point) is off by one to two metres, so we iterate x ← x − (gcj(x) − target) until the forward
     * transform reproduces the input.
     */
    public static LonLat toWgs84(LonLat gcj02) {
        if (isOutsideChina(gcj02)) {
            return gcj02;
        }
        double lon = gcj02.lon();
        double lat = gcj02.lat();
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] d = shift(lon, lat);
            double errLon = lon + d[0] - gcj02.lon();
            double errLat = lat + d[1] - gcj02.lat();
            if (Math.abs(errLon) < INVERSE_TOLERANCE && Math.abs(errLat) < INVERSE_TOLERANCE) {
                break;
            }
            lon -= errLon;
            lat -= errLat;
        }
        return new LonLat(lon, lat);
    }

    /** A copy of a WGS84/CGCS2000 geometry in GCJ-02; SRID 0, as GCJ-02 has no EPSG code. */
    public static Geometry toGcj02(Geometry wgs84) {
        Geometry copy = wgs84.copy();
        copy.apply(new Filter(true));
        copy.setSRID(0);
        return copy;
    }

    /** A copy of a GCJ-02 geometry in CGCS2000 (SRID 4490). */
    public static Geometry toWgs84(Geometry gcj02) {
        Geometry copy = gcj02.copy();
        copy.apply(new Filter(false));
        copy.setSRID(ChineseCrs.CGCS2000);
        return copy;
    }

    /** The GCJ-02 offset (Δlon, Δlat) in degrees at a WGS84 position inside China. */
    private static double[] shift(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = shiftLat(x, y);
        double dLon = shiftLon(x, y);
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double shiftLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double shiftLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }

    private static final class Filter implements CoordinateSequenceFilter {

        private final boolean toGcj02;

        Filter(boolean toGcj02) {
            this.toGcj02 = toGcj02;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            LonLat in = new LonLat(seq.getX(i), seq.getY(i));
            LonLat out = toGcj02 ? toGcj02(in) : toWgs84(in);
            seq.setOrdinate(i, CoordinateSequence.X, out.lon());
            seq.setOrdinate(i, CoordinateSequence.Y, out.lat());
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
