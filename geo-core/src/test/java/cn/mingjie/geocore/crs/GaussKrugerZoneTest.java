package cn.mingjie.geocore.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import org.geotools.referencing.GeodeticCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GaussKrugerZoneTest {

    private static Geometry wkt(String text) throws Exception {
        Geometry g = new WKTReader().read(text);
        g.setSRID(ChineseCrs.CGCS2000);
        return g;
    }

    @ParameterizedTest
    @CsvSource({
        "105.3, 35", // 潼南, western edge of Chongqing
        "106.49, 35",
        "106.5, 36", // exactly on the border: the eastern zone
        "106.55, 36", // 渝中区
        "108.0, 36",
        "109.49, 36",
        "109.6, 37",
        "110.2, 37" // 巫山, eastern edge
    })
    void zoneOfALongitudeIsTheNearestCentralMeridian(double lon, int zone) {
        assertThat(GaussKrugerZone.ofLongitude(lon).number()).isEqualTo(zone);
    }

    @Test
    void zonesOutsideChinaAreRejected() {
        assertThatThrownBy(() -> new GaussKrugerZone(24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GaussKrugerZone.ofLongitude(2.35)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGeometryAcrossAZoneBorderReportsEveryZoneItTouches() throws Exception {
        var within = GaussKrugerZone.select(wkt("POLYGON ((107 29, 108 29, 108 30, 107 30, 107 29))"));
        assertThat(within.zone()).isEqualTo(GaussKrugerZone.ZONE_36);
        assertThat(within.spansSeveralZones()).isFalse();

        var across = GaussKrugerZone.select(wkt("LINESTRING (106.2 29.5, 106.9 29.6, 110 30)"));
        assertThat(across.zone()).isEqualTo(GaussKrugerZone.ZONE_36); // centre 108.1
        assertThat(across.touched()).containsExactlyElementsOf(GaussKrugerZone.CHONGQING);
        assertThat(across.spansSeveralZones()).isTrue();
    }

    @Test
    void aPointOnTheCentralMeridianProjectsToFalseEastingAndTheMeridianArc() {
        LonLat onCm = new LonLat(108, 30);
        Coordinate plain = GaussKrugerZone.ZONE_36.project(onCm, Easting.PLAIN);
        Coordinate prefixed = GaussKrugerZone.ZONE_36.project(onCm, Easting.ZONE_PREFIXED);

        assertThat(plain.getX()).isCloseTo(500_000, within(1e-6));
        assertThat(prefixed.getX()).isCloseTo(36_500_000, within(1e-6));
        // Scale 1 on the central meridian: northing is the meridian arc, 3 320 113.398 m at 30°N.
        assertThat(plain.getY()).isCloseTo(Ellipsoid.meridianArc(30), within(0.001));
        assertThat(plain.getY()).isCloseTo(3_320_113.398, within(0.001));
        assertThat(prefixed.getY()).isEqualTo(plain.getY());
    }

    @Test
    void eastOfTheCentralMeridianEastingsGrowAndThePrefixIsTheZoneNumber() {
        Coordinate p = GaussKrugerZone.ZONE_35.project(new LonLat(106, 29.5), Easting.ZONE_PREFIXED);
        assertThat(p.getX()).isBetween(35_596_000.0, 35_598_000.0); // 1° east at 29.5°N ≈ 96.9 km
        assertThat(GaussKrugerZone.ofPrefixedEasting(p.getX())).isEqualTo(GaussKrugerZone.ZONE_35);
    }

    @Test
    void geometriesRoundTripThroughEitherEastingForm() throws Exception {
        Geometry district = wkt("POLYGON ((106.1 29.6, 106.9 29.55, 107.2 30.1, 106.3 30.2, 106.1 29.6))");
        for (Easting easting : Easting.values()) {
            Geometry projected = GaussKrugerZone.ZONE_36.project(district, easting);
            assertThat(projected.getSRID()).isEqualTo(GaussKrugerZone.ZONE_36.epsgCode(easting));
            // 106.1°E is 1.9° west of the central meridian: 1.9 × 96.9 km at 29.6°N.
            assertThat(projected.getCoordinates()[0].getX())
                    .isCloseTo(GaussKrugerZone.ZONE_36.falseEasting(easting) - 184_100, within(300.0));

            Geometry back = GaussKrugerZone.ZONE_36.unproject(projected, easting);
            assertThat(back.getSRID()).isEqualTo(ChineseCrs.CGCS2000);
            Coordinate[] in = district.getCoordinates();
            Coordinate[] out = back.getCoordinates();
            for (int i = 0; i < in.length; i++) {
                assertThat(out[i].distance(in[i])).isLessThan(1e-9);
            }
        }
        LonLat p = GaussKrugerZone.ZONE_37.unproject(37_400_000, 3_300_000, Easting.ZONE_PREFIXED);
        Coordinate again = GaussKrugerZone.ZONE_37.project(p, Easting.ZONE_PREFIXED);
        assertThat(again.getX()).isCloseTo(37_400_000, within(1e-6));
        assertThat(again.getY()).isCloseTo(3_300_000, within(1e-6));
    }

    @Test
    void convergenceIsZeroOnTheMeridianPositiveEastAndAboutDeltaLonTimesSinLat() {
        assertThat(GaussKrugerZone.ZONE_36.convergence(new LonLat(108, 29.5))).isZero();
        assertThat(GaussKrugerZone.ZONE_35.convergence(new LonLat(106.5, 30))).isCloseTo(0.75, within(0.001));
        assertThat(GaussKrugerZone.ZONE_35.convergence(new LonLat(103.5, 30))).isCloseTo(-0.75, within(0.001));
    }

    @ParameterizedTest
    @CsvSource({"35, 105.3, 30.2", "35, 106.49, 29.0", "36, 106.6, 28.2", "36, 109.4, 31.9", "37, 110.2, 31.1"})
    void convergenceMatchesTheDirectionOfTheProjectedMeridian(int zone, double lon, double lat) {
        GaussKrugerZone z = new GaussKrugerZone(zone);
        Coordinate p = z.project(new LonLat(lon, lat), Easting.PLAIN);
        Coordinate north = z.project(new LonLat(lon, lat + 1e-5), Easting.PLAIN);
        // True north points to grid azimuth −γ.
        double gridAzimuthOfNorth = Math.toDegrees(Math.atan2(north.getX() - p.getX(), north.getY() - p.getY()));
        assertThat(z.convergence(new LonLat(lon, lat))).isCloseTo(-gridAzimuthOfNorth, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"35, 105.3, 30.2", "35, 106.49, 29.0", "36, 106.6, 28.2", "36, 109.4, 31.9", "37, 110.2, 31.1"})
    void scaleFactorMatchesGridOverGeodesicDistance(int zone, double lon, double lat) {
        GaussKrugerZone z = new GaussKrugerZone(zone);
        LonLat a = new LonLat(lon - 0.0005, lat + 0.0003);
        LonLat b = new LonLat(lon + 0.0005, lat - 0.0003);
        double grid = z.project(a, Easting.PLAIN).distance(z.project(b, Easting.PLAIN));
        GeodeticCalculator calc = new GeodeticCalculator(ChineseCrs.cgcs2000Ellipsoid());
        calc.setStartingGeographicPoint(a.lon(), a.lat());
        calc.setDestinationGeographicPoint(b.lon(), b.lat());
        assertThat(z.scaleFactor(new LonLat(lon, lat))).isCloseTo(grid / calc.getOrthodromicDistance(), within(2e-8));
    }

    @Test
    void scaleErrorGrowsFromZeroOnTheMeridianToAboutOneIn4000AtTheZoneEdge() {
        assertThat(GaussKrugerZone.ZONE_36.scaleFactor(new LonLat(108, 30))).isEqualTo(1.0);
        assertThat(GaussKrugerZone.ZONE_36.scaleFactor(new LonLat(109.5, 30)) - 1)
                .isBetween(2.5e-4, 2.7e-4);
    }
}
