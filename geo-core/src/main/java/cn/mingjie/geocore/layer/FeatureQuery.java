package cn.mingjie.geocore.layer;

import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which features of a layer: an optional lon/lat bounding box (EPSG:4490), an optional ECQL filter,
 * a page (limit, offset) and a simplification tolerance in degrees (0 = exact geometry).
 */
public record FeatureQuery(double[] bbox, String filter, int limit, int offset, double tolerance) {

    public static final int MAX_LIMIT = 1000;
    /** Wider than China (62° × 35°) with room; anything larger is a dump, not a map view. */
    public static final double MAX_BBOX_WIDTH = 90;

    public static final double MAX_BBOX_HEIGHT = 60;

    public FeatureQuery {
        List<FieldProblem> problems = new ArrayList<>();
        if (bbox != null) {
            bbox = bbox.clone();
            checkBbox(bbox, problems);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "error.limit.range", MAX_LIMIT));
        }
        if (offset < 0) {
            problems.add(new FieldProblem("offset", "error.offset.range"));
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            problems.add(new FieldProblem("tolerance", "error.tolerance.range"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void checkBbox(double[] b, List<FieldProblem> problems) {
        if (b.length != 4) {
            problems.add(new FieldProblem("bbox", "error.bbox.format"));
            return;
        }
        for (double v : b) {
            if (!Double.isFinite(v)) {
                problems.add(new FieldProblem("bbox", "error.bbox.format"));
                return;
            }
        }
        if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 || b[0] >= b[2] || b[1] >= b[3]) {
            problems.add(new FieldProblem("bbox", "error.bbox.order"));
        } else if (b[2] - b[0] > MAX_BBOX_WIDTH || b[3] - b[1] > MAX_BBOX_HEIGHT) {
            problems.add(new FieldProblem("bbox", "error.bbox.too-large", MAX_BBOX_WIDTH, MAX_BBOX_HEIGHT));
        }
    }

    @Override
    public double[] bbox() {
        return bbox == null ? null : bbox.clone();
    }
}
