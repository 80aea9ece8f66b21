package cn.mingjie.geocore.crs;

/**
 * Reference figures of the CGCS2000 ellipsoid computed here from first principles (numerical
 * integration), independent of GeoTools, so tests compare two different computations.
 */
final class Ellipsoid {

    static final double A = 6_378_137.0;
    static final double F = 1 / 298.257222101;
    static final double E2 = F * (2 - F);

    private Ellipsoid() {}

    /** Distance along the meridian from the equator to a latitude, in metres. */
    static double meridianArc(double latDegrees) {
        return simpson(
                phi -> A * (1 - E2) / Math.pow(1 - E2 * Math.sin(phi) * Math.sin(phi), 1.5),
                0,
                Math.toRadians(latDegrees));
    }

    /** Area of the cell between two parallels and two meridians, in m². */
    static double cellArea(double lat1, double lat2, double deltaLonDegrees) {
        // dA = N(φ)·cos φ · M(φ) dφ dλ, with N the prime-vertical and M the meridian radius of curvature.
        double band = simpson(
                phi -> {
                    double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
                    return A / Math.sqrt(w) * Math.cos(phi) * A * (1 - E2) / Math.pow(w, 1.5);
                },
                Math.toRadians(lat1),
                Math.toRadians(lat2));
        return band * Math.toRadians(deltaLonDegrees);
    }

    private static double simpson(java.util.function.DoubleUnaryOperator f, double from, double to) {
        int n = 20_000;
        double h = (to - from) / n;
        double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
        for (int i = 1; i < n; i++) {
            sum += f.applyAsDouble(from + i * h) * (i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }
}
