package cn.mingjie.geocore.datum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.geocore.crs.ChineseCrs;
import cn.mingjie.geocore.crs.LonLat;
import cn.mingjie.geocore.crs.Measure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class Gcj02Test {

    // Published test vectors of eviltransform (wgsLat, wgsLng → gcjLat, gcjLng), here lon first.
    @ParameterizedTest
    @CsvSource({
        "121.5272106, 31.1774276, 121.531541859215, 31.17530398364597", // Shanghai
        "113.912316, 22.543847, 113.9171764808363, 22.540796131694766", // Shenzhen
        "116.377817, 39.911954, 116.38404722455657, 39.91334545536069" // Beijing
    })
    void forwardMatchesThePublishedVectors(double lon, double lat, double gcjLon, double gcjLat) {
        LonLat gcj = Gcj02.toGcj02(new LonLat(lon, lat));
        assertThat(gcj.lon()).isCloseTo(gcjLon, within(1e-9));
        assertThat(gcj.lat()).isCloseTo(gcjLat, within(1e-9));
    }

    @Test
    void inverseRecoversThePublishedWgs84Point() {
        LonLat wgs = Gcj02.toWgs84(new LonLat(121.531541859215, 31.17530398364597));
        assertThat(wgs.lon()).isCloseTo(121.5272106, within(1e-7));
        assertThat(wgs.lat()).isCloseTo(31.1774276, within(1e-7));
    }

    @ParameterizedTest
    @CsvSource({
        "106.55, 29.56", // 渝中区
        "105.3, 30.2", // 潼南
        "108.8, 32.0", // 城口
        "110.2, 31.1" // 巫山
    })
    void inverseIsExactWhereTheOneStepApproximationIsAMetreOff(double gcjLon, double gcjLat) {
        LonLat gcj = new LonLat(gcjLon, gcjLat);
        LonLat wgs = Gcj02.toWgs84(gcj);
        LonLat again = Gcj02.toGcj02(wgs);
        assertThat(again.lon()).isCloseTo(gcjLon, within(1e-8));
        assertThat(again.lat()).isCloseTo(gcjLat, within(1e-8));
        // The shift itself is a few hundred metres …
        assertThat(distance(wgs, gcj)).isBetween(300.0, 700.0);
        // … and subtracting the shift found at the GCJ-02 point leaves about 1–2 m.
        LonLat shiftAtGcj = Gcj02.toGcj02(gcj);
        LonLat oneStep = new LonLat(2 * gcjLon - shiftAtGcj.lon(), 2 * gcjLat - shiftAtGcj.lat());
        assertThat(distance(oneStep, wgs)).isBetween(0.5, 3.0);
    }

    @Test
    void outsideChinaNothingMoves() {
        LonLat tokyo = new LonLat(139.69, 35.69);
        LonLat paris = new LonLat(2.35, 48.86);
        assertThat(Gcj02.isOutsideChina(tokyo)).isTrue();
        assertThat(Gcj02.toGcj02(tokyo)).isEqualTo(tokyo);
        assertThat(Gcj02.toWgs84(paris)).isEqualTo(paris);
        assertThat(Gcj02.isOutsideChina(new LonLat(106.55, 29.56))).isFalse();
    }

    @Test
    void geometriesAreConvertedVertexByVertexAsCopies() throws Exception {
        Geometry wgs = new WKTReader().read("POLYGON ((106.5 29.5, 106.6 29.5, 106.6 29.6, 106.5 29.5))");
        wgs.setSRID(ChineseCrs.CGCS2000);
        Geometry gcj = Gcj02.toGcj02(wgs);
        assertThat(gcj.getSRID()).isZero();
        assertThat(wgs.getCoordinates()[0]).isEqualTo(new Coordinate(106.5, 29.5));
        LonLat expected = Gcj02.toGcj02(new LonLat(106.6, 29.6));
        assertThat(gcj.getCoordinates()[2]).isEqualTo(expected.toCoordinate());

        Geometry back = Gcj02.toWgs84(gcj);
        assertThat(back.getSRID()).isEqualTo(ChineseCrs.CGCS2000);
        for (int i = 0; i < 4; i++) {
            assertThat(back.getCoordinates()[i].distance(wgs.getCoordinates()[i]))
                    .isLessThan(1e-8);
        }
        assertThat(back.isValid()).isTrue();
    }

    private static double distance(LonLat a, LonLat b) {
        return Measure.geodesicLength(
                new GeometryFactory().createLineString(new Coordinate[] {a.toCoordinate(), b.toCoordinate()}));
    }
}
