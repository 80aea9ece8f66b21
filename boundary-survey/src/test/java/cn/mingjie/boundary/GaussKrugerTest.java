package cn.mingjie.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.boundary.internal.Compass16;
import cn.mingjie.boundary.internal.GaussKruger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;

/** Golden cases for the GK zone arithmetic that geo-core's crs package will take over. */
class GaussKrugerTest {

    @Test
    void picksTheThreeDegreeZonesAcrossChongqing() throws Exception {
        assertThat(GaussKruger.zoneOf(105.0)).isEqualTo(35);
        assertThat(GaussKruger.zoneOf(106.4999)).isEqualTo(35);
        assertThat(GaussKruger.zoneOf(106.5)).isEqualTo(36);
        assertThat(GaussKruger.zoneOf(109.4)).isEqualTo(36);
        assertThat(GaussKruger.zoneOf(110.2)).isEqualTo(37);
        assertThat(GaussKruger.epsgWithPrefix(35)).isEqualTo(4523);
        assertThat(GaussKruger.epsgWithPrefix(37)).isEqualTo(4525);
        // EPSG:4534 is CM 75°E, so CM 105/108/111°E are 4544/4545/4546 (4543 is CM 102°E).
        assertThat(GaussKruger.epsgWithoutPrefix(35)).isEqualTo(4544);
        assertThat(GaussKruger.epsgWithoutPrefix(37)).isEqualTo(4546);
        assertThat(GaussKruger.zoneOfEpsg(4524)).isEqualTo(36);
        assertThat(GaussKruger.zoneOfEpsg(4545)).isEqualTo(36);
        assertThat(org.geotools.referencing.CRS.decode("EPSG:4544").getName().getCode())
                .contains("CM 105E");
        assertThat(org.geotools.referencing.CRS.decode("EPSG:4543").getName().getCode())
                .contains("CM 102E");
        assertThat(org.geotools.referencing.CRS.decode("EPSG:4523").getName().getCode())
                .contains("zone 35");
        assertThat(GaussKruger.zoneOfEpsg(4490)).isEqualTo(-1);
    }

    @Test
    void projectsOntoTheCentralMeridianAsTheMeridianArc() {
        // On the central meridian the northing is the GRS80/CGCS2000 meridian arc: 3 320 113.4 m at 30°N.
        Coordinate p = GaussKruger.toPlane(new Coordinate(105.0, 30.0), 35);
        assertThat(p.x).isCloseTo(500_000.0, within(0.001));
        assertThat(p.y).isCloseTo(3_320_113.4, within(0.5));
        Coordinate back = GaussKruger.toLonLat(p, 35);
        assertThat(back.x).isCloseTo(105.0, within(1e-9));
        assertThat(back.y).isCloseTo(30.0, within(1e-9));
        PlaneCoordinates prefixed = PlaneCoordinates.of(Wkb().createPoint(new Coordinate(105.0, 30.0)));
        assertThat(prefixed.prefixedEasting()).isCloseTo(35_500_000.0, within(0.001));
        assertThat(prefixed.epsgWithPrefix()).isEqualTo(4523);
    }

    @Test
    void convergenceIsDeltaLambdaTimesSinPhiToFirstOrder() {
        // γ ≈ Δλ·sinφ·(1 + Δλ²cos²φ/3): 1° east of CM 105° at 30°N → 0.50004°; west → negative.
        assertThat(GaussKruger.convergence(new Coordinate(106.0, 30.0))).isCloseTo(0.50004, within(0.0002));
        assertThat(GaussKruger.convergence(new Coordinate(104.0, 30.0))).isCloseTo(-0.50004, within(0.0002));
        assertThat(GaussKruger.convergence(new Coordinate(105.0, 30.0))).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void trueBearingFromGridBearingAgreesWithTheGeodesicAzimuth() {
        // 1.2 km leg near the zone edge, where grid and true north differ by γ ≈ 0.72°.
        Coordinate a = new Coordinate(106.45, 29.9);
        Coordinate b = new Coordinate(106.46, 29.908);
        int zone = GaussKruger.zoneOf(a.x);
        double grid = GaussKruger.gridBearing(GaussKruger.toPlane(a, zone), GaussKruger.toPlane(b, zone));
        double trueBearing = GaussKruger.trueBearing(a, b);
        assertThat(GaussKruger.convergence(a)).isCloseTo(0.7233, within(0.001));
        assertThat(trueBearing - grid).isCloseTo(GaussKruger.convergence(a), within(1e-9));
        assertThat(trueBearing).isCloseTo(GaussKruger.geodesicAzimuth(a, b), within(0.0003)); // 1″
        assertThat(Compass16.chinese(trueBearing)).isEqualTo("东北");
        assertThat(Compass16.chinese(0)).isEqualTo("北");
        assertThat(Compass16.chinese(11.2)).isEqualTo("北");
        assertThat(Compass16.chinese(11.3)).isEqualTo("北东北");
        assertThat(Compass16.english(200)).isEqualTo("SSW");
        assertThat(Compass16.chinese(348.8)).isEqualTo("北");
    }

    @Test
    void splitsALineAtTheZoneEdgeAndMeasuresEachPartInItsOwnZone() throws Exception {
        LineString line = (LineString) new WKTReader(Wkb()).read("LINESTRING (106.4 30, 106.6 30)");
        LineMeasure m = BoundaryLines.measure(line);
        assertThat(m.segments()).extracting(LineMeasure.Segment::zone).containsExactly(35, 36);
        assertThat(m.segments()).extracting(LineMeasure.Segment::epsgWithPrefix).containsExactly(4523, 4524);
        assertThat(m.segments().get(0).geometry().toText()).isEqualTo("LINESTRING (106.4 30, 106.5 30)");
        // Each half lies at the edge of its zone, where the GK scale is about 1 + y²/2R² ≈ 1.00026.
        assertThat(m.geodesicLength()).isCloseTo(19_290.0, within(15.0));
        assertThat(m.planeLength() / m.geodesicLength()).isBetween(1.0001, 1.0004);
        LineMeasure oneZone =
                BoundaryLines.measure((LineString) new WKTReader(Wkb()).read("LINESTRING (105 30, 105 30.1)"));
        assertThat(oneZone.segments()).hasSize(1);
        assertThat(oneZone.planeLength()).isCloseTo(oneZone.geodesicLength(), within(0.01));
    }

    private static org.locationtech.jts.geom.GeometryFactory Wkb() {
        return cn.mingjie.boundary.internal.Wkb.FACTORY;
    }
}
