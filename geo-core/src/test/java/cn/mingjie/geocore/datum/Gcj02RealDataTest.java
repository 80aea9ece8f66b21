package cn.mingjie.geocore.datum;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.geocore.crs.Bearing;
import cn.mingjie.geocore.crs.CompassPoint;
import cn.mingjie.geocore.crs.LonLat;
import cn.mingjie.geocore.crs.Measure;
import cn.mingjie.geocore.geojson.TestBoundaries;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The same districts published in two datums: DataV (GCJ-02) and Tianditu (CGCS2000). Converting
 * DataV to WGS84 must bring it onto Tianditu. What remains (tens to a few hundred metres) is the
 * two sources' different generalisation: Tianditu keeps ~135 vertices per district, and even the
 * detailed DataV file leaves the centroids where the simplified one does.
 *
 * <p>Figures measured on these files (centroid offset raw → converted; IoU raw → converted):
 * 潼南区 533 → 162 m, 0.932 → 0.956; 渝北区 484 → 60 m, 0.942 → 0.977; 城口县 630 → 328 m, 0.962 →
 * 0.970. Over all 38 districts the raw offsets are 407–650 m and every one shrinks.
 */
class Gcj02RealDataTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    @ParameterizedTest
    @ValueSource(strings = {"500152", "500112", "500229"}) // 潼南区, 渝北区, 城口县
    void convertingDatavToWgs84MovesItOntoTianditu(String adcode) {
        Geometry datav = TestBoundaries.datav().get(adcode);
        Geometry tianditu = TestBoundaries.tianditu().get(adcode);
        Geometry converted = Gcj02.toWgs84(datav);

        double raw = distance(
                datav.getCentroid().getCoordinate(), tianditu.getCentroid().getCoordinate());
        double after = distance(
                converted.getCentroid().getCoordinate(), tianditu.getCentroid().getCoordinate());
        // The GCJ-02 obfuscation is a few hundred metres; conversion removes at least 40 % of it
        // (the rest is generalisation, see the class comment).
        assertThat(raw).isBetween(400.0, 700.0);
        assertThat(after).isLessThan(0.6 * raw);

        // Tianditu's vertices are points of the true boundary: their median distance to the DataV
        // outline drops by more than 100 m (300–340 m → 60–185 m).
        double vertexRaw = medianVertexDistance(tianditu, datav);
        double vertexAfter = medianVertexDistance(tianditu, converted);
        assertThat(vertexRaw).isGreaterThan(290.0);
        assertThat(vertexAfter).isLessThan(vertexRaw - 100);

        // The overlap improves, and the areas agree within 1 % either way (area hardly moves with
        // a shift of a few hundred metres; it measures the generalisation only).
        assertThat(iou(converted, tianditu)).isGreaterThan(iou(datav, tianditu) + 0.005);
        assertThat(Measure.geodesicArea(converted) / Measure.geodesicArea(tianditu))
                .isBetween(0.99, 1.01);

        // In Chongqing GCJ-02 lies south-east of WGS84.
        CompassPoint shift = CompassPoint.of(Bearing.trueAzimuth(
                LonLat.of(converted.getCentroid().getCoordinate()),
                LonLat.of(datav.getCentroid().getCoordinate())));
        assertThat(shift).isIn(CompassPoint.ESE, CompassPoint.SE);
    }

    @Test
    void everyDistrictMovesCloserAndTheTypicalOffsetDropsFromAbout530To75Metres() {
        Map<String, Geometry> tianditu = TestBoundaries.tianditu();
        assertThat(TestBoundaries.datav().keySet()).isEqualTo(tianditu.keySet()).hasSize(38);
        double[] raw = new double[38];
        double[] after = new double[38];
        int i = 0;
        for (var e : TestBoundaries.datav().entrySet()) {
            Coordinate target = tianditu.get(e.getKey()).getCentroid().getCoordinate();
            raw[i] = distance(e.getValue().getCentroid().getCoordinate(), target);
            after[i] = distance(Gcj02.toWgs84(e.getValue()).getCentroid().getCoordinate(), target);
            assertThat(after[i]).as(e.getKey()).isLessThan(0.8 * raw[i]);
            i++;
        }
        assertThat(median(raw)).isBetween(450.0, 600.0);
        assertThat(median(after)).isLessThan(120.0);
    }

    private static double distance(Coordinate a, Coordinate b) {
        return Measure.geodesicLength(FACTORY.createLineString(new Coordinate[] {a, b}));
    }

    private static double medianVertexDistance(Geometry from, Geometry to) {
        Geometry boundary = to.getBoundary();
        return median(Arrays.stream(from.getCoordinates())
                .mapToDouble(c -> {
                    Coordinate[] nearest = DistanceOp.nearestPoints(FACTORY.createPoint(c), boundary);
                    return distance(nearest[0], nearest[1]);
                })
                .toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Intersection over union; DataV self-intersects in places, so both are made valid first. */
    private static double iou(Geometry a, Geometry b) {
        Geometry fa = GeometryFixer.fix(a);
        Geometry fb = GeometryFixer.fix(b);
        return fa.intersection(fb).getArea() / fa.union(fb).getArea();
    }
}
