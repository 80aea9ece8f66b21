package cn.mingjie.boundary;

/**
 * Tolerances of the checks. Defaults and where they come from (docs/boundary-survey.md has the same):
 *
 * <ul>
 *   <li>{@code limitFactor} 2: a difference is significant beyond twice its mean square error — the
 *       limit error (极限误差) of Chinese survey specifications (e.g. GB 50026 工程测量标准, GB/T 17796
 *       行政区域界线测绘规范 take 2× 中误差 as 限差).
 *   <li>{@code defaultAccuracy} 1.0 m: the plane mean square error assumed for a position with no stated
 *       accuracy (a recorded position from a 1:10 000 boundary map: 0.1 mm on the map). An assumption
 *       to replace with the stated accuracy of each survey.
 *   <li>{@code onLineTolerance} 2.0 m: a single (Q) marker's distance from the line, = limitFactor ×
 *       defaultAccuracy.
 *   <li>{@code sharedEdgeTolerance} 1.0 m: Hausdorff distance between a line and the shared edge of the
 *       two units' polygons; the sample polygons share vertices exactly, so any difference is an edit.
 *   <li>{@code gapWidth} 50 m: gaps and overlaps narrower than this between units of one level are
 *       slivers (JTS CoverageGapFinder's gap width); wider ones are reported as gaps.
 *   <li>{@code maxImportDistance} 5 m: an imported survey point further from its marker's recorded
 *       position is refused as probably the wrong point or CRS.
 * </ul>
 */
public record CheckSettings(
        double limitFactor,
        double defaultAccuracy,
        double onLineTolerance,
        double sharedEdgeTolerance,
        double gapWidth,
        double maxImportDistance) {

    public static final CheckSettings DEFAULTS = new CheckSettings(2.0, 1.0, 2.0, 1.0, 50.0, 5.0);

    /** The tolerance for the distance between two positions with stated accuracies σ₁ and σ₂. */
    public double displacementTolerance(double sigma1, double sigma2) {
        return limitFactor * Math.sqrt(sigma1 * sigma1 + sigma2 * sigma2);
    }
}
