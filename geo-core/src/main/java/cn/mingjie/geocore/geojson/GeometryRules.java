package cn.mingjie.geocore.geojson;

import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The rules a lon/lat geometry must pass before it is stored: every position inside China's extent
 * (with latitude/longitude swaps recognised as such) and valid OGC topology (no self-intersections,
 * holes inside their shells, …). Problems are located by the JSON pointer of the GeoJSON member that
 * holds them, e.g. {@code /coordinates/0/17} for the 18th position of a polygon's outer ring.
 */
public final class GeometryRules {

    /** China's extent, generously rounded (mainland, Hainan and the South China Sea islands to 3°N). */
    public static final double MIN_LON = 73;

    public static final double MAX_LON = 136;
    public static final double MIN_LAT = 3;
    public static final double MAX_LAT = 54;

    private GeometryRules() {}

    public static boolean isInsideChina(double lon, double lat) {
        return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
    }

    /** All problems of a geometry whose GeoJSON object sits at {@code path} ("" for the root). */
    public static List<FieldProblem> check(Geometry lonLat, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        visit(lonLat, path, problems);
        return problems;
    }

    /** Throws if {@link #check} finds anything, e.g. for a geometry that came as WKT. */
    public static void requireValid(Geometry lonLat) {
        List<FieldProblem> problems = check(lonLat, "");
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void visit(Geometry g, String path, List<FieldProblem> problems) {
        if (Geometry.TYPENAME_GEOMETRYCOLLECTION.equals(g.getGeometryType())) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                visit(g.getGeometryN(i), path + "/geometries/" + i, problems);
            }
        } else {
            part(g, path + "/coordinates", problems);
        }
    }

    /** One geometry whose positions are nested under {@code coordinates}. */
    private static void part(Geometry g, String coordinates, List<FieldProblem> problems) {
        if (g instanceof Point point) {
            extent(point.getCoordinateSequence(), coordinates, true, problems);
        } else if (g instanceof LineString line) {
            extent(line.getCoordinateSequence(), coordinates, false, problems);
            topology(line, coordinates, problems);
        } else if (g instanceof Polygon polygon) {
            polygon(polygon, coordinates, problems);
        } else {
            int before = problems.size();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                part(g.getGeometryN(i), coordinates + "/" + i, problems);
            }
            // Overlapping or nested polygons only show when the parts are checked together.
            if (g instanceof MultiPolygon && problems.size() == before) {
                topology(g, coordinates, problems);
            }
        }
    }

    private static void polygon(Polygon polygon, String coordinates, List<FieldProblem> problems) {
        extent(polygon.getExteriorRing().getCoordinateSequence(), coordinates + "/0", false, problems);
        for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
            extent(polygon.getInteriorRingN(r).getCoordinateSequence(), coordinates + "/" + (r + 1), false, problems);
        }
        topology(polygon, coordinates, problems);
    }

    /** Reports the first position of a point, line or ring outside China, if any. */
    private static void extent(CoordinateSequence seq, String path, boolean single, List<FieldProblem> problems) {
        for (int i = 0; i < seq.size(); i++) {
            double x = seq.getX(i);
            double y = seq.getY(i);
            if (!isInsideChina(x, y)) {
                String at = single ? path : path + "/" + i;
                // [29.8, 105.9] is nowhere in China but is Chongqing read the other way round.
                String key = isInsideChina(y, x) ? "error.geometry.lat-lon-swapped" : "error.geometry.outside-china";
                problems.add(new FieldProblem(at, key, x, y));
                return;
            }
        }
    }

    private static void topology(Geometry g, String path, List<FieldProblem> problems) {
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            var c = error.getCoordinate();
            Object[] args = c == null ? new Object[0] : new Object[] {c.getX(), c.getY()};
            problems.add(new FieldProblem(path, key(error.getErrorType()), args));
        }
    }

    private static String key(int errorType) {
        return switch (errorType) {
            case TopologyValidationError.SELF_INTERSECTION,
                    TopologyValidationError.RING_SELF_INTERSECTION -> "error.geometry.self-intersection";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "error.geometry.hole-outside-shell";
            case TopologyValidationError.NESTED_HOLES -> "error.geometry.nested-holes";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "error.geometry.disconnected-interior";
            case TopologyValidationError.NESTED_SHELLS -> "error.geometry.nested-shells";
            case TopologyValidationError.DUPLICATE_RINGS -> "error.geometry.duplicate-rings";
            case TopologyValidationError.TOO_FEW_POINTS -> "error.geometry.too-few-points";
            case TopologyValidationError.RING_NOT_CLOSED -> "error.geometry.ring-not-closed";
            case TopologyValidationError.INVALID_COORDINATE -> "error.geometry.position-invalid";
            default -> "error.geometry.invalid";
        };
    }
}
