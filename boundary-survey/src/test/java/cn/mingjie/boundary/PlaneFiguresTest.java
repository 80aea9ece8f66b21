package cn.mingjie.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.boundary.internal.Grid;
import cn.mingjie.boundary.internal.Wkb;
import cn.mingjie.geocore.crs.Bearing;
import cn.mingjie.geocore.crs.CompassPoint;
import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.LonLat;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;

/** The module's plane figures on geo-core's Gauss-Krüger zones (golden cases kept from the stand-in). */
class PlaneFiguresTest {

    @Test
    void planeCoordinatesOnTheCentralMeridianAreTheMeridianArc() {
        // On the central meridian the northing is the CGCS2000 meridian arc: 3 320 113.4 m at 30°N.
        PlaneCoordinates p = PlaneCoordinates.of(Wkb.FACTORY.createPoint(new Coordinate(105.0, 30.0)));
        assertThat(p.zone()).isEqualTo(35);
        assertThat(p.easting()).isCloseTo(500_000.0, within(0.001));
        assertThat(p.northing()).isCloseTo(3_320_113.4, within(0.5));
        assertThat(p.prefixedEasting()).isCloseTo(35_500_000.0, within(0.001));
        assertThat(p.epsgWithPrefix()).isEqualTo(4523);
        // EPSG:4534 is CM 75°E, so CM 105°E is 4544 (4543 is CM 102°E).
        assertThat(p.epsgWithoutPrefix()).isEqualTo(4544);
        PlaneCoordinates east = PlaneCoordinates.of(Wkb.FACTORY.createPoint(new Coordinate(106.5, 30.0)));
        assertThat(east.zone()).isEqualTo(36);
        assertThat(east.epsgWithoutPrefix()).isEqualTo(4545);
    }

    @Test
    void gridBearingPlusConvergenceIsTheGeodesicAzimuth() {
        // 1.2 km leg near the zone edge, where grid and true north differ by γ ≈ 0.72°.
        Coordinate a = new Coordinate(106.45, 29.9);
        Coordinate b = new Coordinate(106.46, 29.908);
        double grid = Grid.bearing(a, b);
        double gamma = GaussKrugerZone.ofLongitude(a.x).convergence(LonLat.of(a));
        double trueBearing = Bearing.gridToTrue(grid, LonLat.of(a));
        assertThat(gamma).isCloseTo(0.7233, within(0.001));
        assertThat(trueBearing - grid).isCloseTo(gamma, within(1e-9));
        assertThat(trueBearing).isCloseTo(Bearing.trueAzimuth(LonLat.of(a), LonLat.of(b)), within(0.0003)); // 1″
        assertThat(CompassPoint.of(trueBearing).chinese()).isEqualTo("东北");
        assertThat(Grid.distance(a, b)).isCloseTo(1_311.0, within(3.0));
    }

    @Test
    void splitsALineAtTheZoneEdgeAndMeasuresEachPartInItsOwnZone() throws Exception {
        LineString line = (LineString) new WKTReader(Wkb.FACTORY).read("LINESTRING (106.4 30, 106.6 30)");
        LineMeasure m = BoundaryLines.measure(line);
        assertThat(m.segments()).extracting(LineMeasure.Segment::zone).containsExactly(35, 36);
        assertThat(m.segments()).extracting(LineMeasure.Segment::epsgWithPrefix).containsExactly(4523, 4524);
        assertThat(m.segments())
                .extracting(LineMeasure.Segment::epsgWithoutPrefix)
                .containsExactly(4544, 4545);
        assertThat(m.segments().get(0).geometry().toText()).isEqualTo("LINESTRING (106.4 30, 106.5 30)");
        // Each half lies at the edge of its zone, where the GK scale is about 1 + y²/2R² ≈ 1.00026.
        assertThat(m.geodesicLength()).isCloseTo(19_290.0, within(15.0));
        assertThat(m.planeLength() / m.geodesicLength()).isBetween(1.0001, 1.0004);
        LineMeasure oneZone =
                BoundaryLines.measure((LineString) new WKTReader(Wkb.FACTORY).read("LINESTRING (105 30, 105 30.1)"));
        assertThat(oneZone.segments()).hasSize(1);
        assertThat(oneZone.planeLength()).isCloseTo(oneZone.geodesicLength(), within(0.01));
    }
}
