package cn.mingjie.geocore.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import cn.mingjie.geocore.geojson.TestBoundaries;
import cn.mingjie.geocore.postgis.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.JdbcTemplate;

class MeasureTest {

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void geodesicLengthOfAMeridianSegmentIsTheMeridianArc() throws Exception {
        double expected = Ellipsoid.meridianArc(30.5) - Ellipsoid.meridianArc(29.5);
        assertThat(Measure.geodesicLength(wkt("LINESTRING (108 29.5, 108 30.5)")))
                .isCloseTo(expected, within(0.001));
        // One degree along the equator is a·π/180.
        assertThat(Measure.geodesicLength(wkt("LINESTRING (0 0, 1 0)"))).isCloseTo(111_319.4908, within(0.001));
    }

    @Test
    void polygonLengthIsThePerimeterHolesIncludedAndPointsHaveNone() throws Exception {
        Geometry line = wkt("LINESTRING (106 29, 106.1 29, 106.1 29.1, 106 29.1, 106 29)");
        Geometry polygon = wkt("POLYGON ((106 29, 106.1 29, 106.1 29.1, 106 29.1, 106 29))");
        Geometry withHole = wkt("POLYGON ((106 29, 106.1 29, 106.1 29.1, 106 29.1, 106 29),"
                + " (106.04 29.04, 106.04 29.06, 106.06 29.06, 106.06 29.04, 106.04 29.04))");
        double perimeter = Measure.geodesicLength(polygon);
        assertThat(perimeter).isEqualTo(Measure.geodesicLength(line)).isBetween(41_000.0, 42_000.0);
        assertThat(Measure.geodesicLength(withHole) - perimeter).isBetween(8_000.0, 8_400.0);
        assertThat(Measure.geodesicLength(wkt("POINT (106 29)"))).isZero();
        assertThat(Measure.geodesicArea(line)).isZero();
    }

    @Test
    void geodesicAreaOfACellMatchesTheEllipsoidalIntegral() throws Exception {
        double expected = Ellipsoid.cellArea(29.5, 29.6, 0.1);
        Geometry ccw = wkt("POLYGON ((106.5 29.5, 106.6 29.5, 106.6 29.6, 106.5 29.6, 106.5 29.5))");
        Geometry cw = ccw.reverse();
        assertThat(Measure.geodesicArea(ccw)).isCloseTo(expected, withinPercentage(1e-4));
        assertThat(Measure.geodesicArea(cw)).isCloseTo(expected, withinPercentage(1e-4));

        // A 1° cell: edges of ~100 km are densified along the geodesic; the parallels bow slightly.
        assertThat(Measure.geodesicArea(wkt("POLYGON ((106 29, 107 29, 107 30, 106 30, 106 29))")))
                .isCloseTo(Ellipsoid.cellArea(29, 30, 1), withinPercentage(0.01));
    }

    @Test
    void holesAreSubtractedAndPartsAdded() throws Exception {
        double outer = Measure.geodesicArea(wkt("POLYGON ((106 29, 106.1 29, 106.1 29.1, 106 29.1, 106 29))"));
        double hole = Measure.geodesicArea(
                wkt("POLYGON ((106.04 29.04, 106.06 29.04, 106.06 29.06, 106.04 29.06, 106.04 29.04))"));
        assertThat(Measure.geodesicArea(wkt("POLYGON ((106 29, 106.1 29, 106.1 29.1, 106 29.1, 106 29),"
                        + " (106.04 29.04, 106.04 29.06, 106.06 29.06, 106.06 29.04, 106.04 29.04))")))
                .isCloseTo(outer - hole, within(0.01));
        assertThat(Measure.geodesicArea(wkt("MULTIPOLYGON (((106 29, 106.1 29, 106.1 29.1, 106 29.1, 106 29)),"
                        + " ((106.04 29.44, 106.06 29.44, 106.06 29.46, 106.04 29.46, 106.04 29.44)))")))
                .isGreaterThan(outer + hole * 0.99)
                .isLessThan(outer + hole * 1.01);
    }

    @Test
    void onTheCentralMeridianPlanarAndGeodesicAgree() throws Exception {
        Measure.Report r =
                Measure.report(wkt("POLYGON ((107.99 29.5, 108.01 29.5, 108.01 29.52, 107.99 29.52, 107.99 29.5))"));
        assertThat(r.zone()).isEqualTo(GaussKrugerZone.ZONE_36);
        assertThat(r.spansSeveralZones()).isFalse();
        assertThat(r.planarArea()).isCloseTo(r.geodesicArea(), withinPercentage(1e-4));
        assertThat(Math.abs(r.areaScaleError())).isLessThan(1e-6);
        assertThat(Math.abs(r.lengthScaleError())).isLessThan(1e-6);
    }

    @Test
    void atTheZoneEdgePlanarFiguresGrowByTheScaleFactor() throws Exception {
        Geometry cell = wkt("POLYGON ((109.39 30.49, 109.41 30.49, 109.41 30.51, 109.39 30.51, 109.39 30.49))");
        double k = GaussKrugerZone.ZONE_36.scaleFactor(new LonLat(109.4, 30.5));
        Measure measure = new Measure(cell);
        Measure.Report r = measure.report();
        assertThat(r.zone()).isEqualTo(GaussKrugerZone.ZONE_36);
        assertThat(r.lengthScaleError()).isCloseTo(k - 1, within(1e-6));
        assertThat(r.areaScaleError()).isCloseTo(k * k - 1, within(2e-6));

        // The same cell measured in the neighbouring zone 37 (CM 111°E) is farther from its meridian.
        measure.setZone(GaussKrugerZone.ZONE_37);
        double k37 = GaussKrugerZone.ZONE_37.scaleFactor(new LonLat(109.4, 30.5));
        assertThat(measure.report().zone()).isEqualTo(GaussKrugerZone.ZONE_37);
        assertThat(measure.planarArea() / measure.geodesicArea() - 1).isCloseTo(k37 * k37 - 1, within(2e-6));
        assertThat(Measure.planarArea(cell, GaussKrugerZone.ZONE_37)).isEqualTo(measure.planarArea());
        assertThat(Measure.planarLength(cell, GaussKrugerZone.ZONE_36)).isEqualTo(r.planarLength());
    }

    @Test
    void districtAreaAndPerimeterAgreeWithPostgisGeography() {
        Geometry tongnan = TestBoundaries.tianditu().get("500152");
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.freshDatabase(List.of()));
        String sql = "select st_area(g), st_perimeter(g) from (select st_geomfromtext(?, 4490)::geography g) t";
        double[] postgis = jdbc.queryForObject(
                sql, (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, new WKTWriter().write(tongnan));

        assertThat(Measure.geodesicArea(tongnan)).isCloseTo(postgis[0], withinPercentage(1e-4));
        assertThat(Measure.geodesicLength(tongnan)).isCloseTo(postgis[1], within(0.01));
        // 潼南区 is officially 1 583 km²; the simplified outline lands near it.
        assertThat(postgis[0] / 1e6).isBetween(1_500.0, 1_660.0);
    }

    @Test
    void chongqingAsAWholeMeasuresItsOfficialArea() {
        double total = TestBoundaries.tianditu().values().stream()
                .mapToDouble(Measure::geodesicArea)
                .sum();
        // 82 402 km² officially.
        assertThat(total / 1e6).isCloseTo(82_402, withinPercentage(1));
        Measure.Report whole = Measure.report(TestBoundaries.tianditu()
                .values()
                .iterator()
                .next()
                .getFactory()
                .buildGeometry(TestBoundaries.tianditu().values()));
        assertThat(whole.spansSeveralZones()).isTrue();
    }
}
