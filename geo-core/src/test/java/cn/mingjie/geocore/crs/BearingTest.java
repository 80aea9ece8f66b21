package cn.mingjie.geocore.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

class BearingTest {

    @Test
    void trueAzimuthIsClockwiseFromNorthInZeroTo360() {
        LonLat jiefangbei = new LonLat(106.577, 29.557);
        assertThat(Bearing.trueAzimuth(jiefangbei, new LonLat(106.577, 29.8))).isCloseTo(0, within(1e-9));
        assertThat(Bearing.trueAzimuth(jiefangbei, new LonLat(106.577, 29.3))).isCloseTo(180, within(1e-9));
        assertThat(Bearing.trueAzimuth(new LonLat(0, 0), new LonLat(1, 0))).isCloseTo(90, within(1e-9));
        assertThat(Bearing.trueAzimuth(new LonLat(0, 0), new LonLat(-1, 0))).isCloseTo(270, within(1e-9));
        // A geodesic heading east at 30°N starts slightly north of east (it is not the parallel).
        assertThat(Bearing.trueAzimuth(new LonLat(106, 30), new LonLat(107, 30)))
                .isCloseTo(89.75, within(0.01));
        assertThatThrownBy(() -> Bearing.trueAzimuth(jiefangbei, jiefangbei))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0, N, 北",
        "11.24, N, 北",
        "11.25, NNE, 北东北",
        "22.5, NNE, 北东北",
        "45, NE, 东北",
        "67.5, ENE, 东东北",
        "90, E, 东",
        "112.5, ESE, 东东南",
        "135, SE, 东南",
        "157.5, SSE, 南东南",
        "180, S, 南",
        "202.5, SSW, 南西南",
        "225, SW, 西南",
        "247.5, WSW, 西西南",
        "270, W, 西",
        "292.5, WNW, 西西北",
        "315, NW, 西北",
        "337.5, NNW, 北西北",
        "348.74, NNW, 北西北",
        "348.75, N, 北",
        "359.99, N, 北",
        "-10, N, 北",
        "-90, W, 西",
        "720, N, 北"
    })
    void sixteenPointCompassInEnglishAndChinese(double azimuth, String english, String chinese) {
        CompassPoint point = CompassPoint.of(azimuth);
        assertThat(point.english()).isEqualTo(english);
        assertThat(point.chinese()).isEqualTo(chinese);
    }

    @Test
    void compassPointsAreEvery22AndAHalfDegrees() {
        assertThat(CompassPoint.values()).hasSize(16);
        for (CompassPoint p : CompassPoint.values()) {
            assertThat(CompassPoint.of(p.azimuth())).isEqualTo(p);
        }
    }

    @Test
    void normalizeBringsAnglesIntoZeroTo360() {
        assertThat(Bearing.normalize(-0.0)).isEqualTo(0.0);
        assertThat(Bearing.normalize(360)).isEqualTo(0.0);
        assertThat(Bearing.normalize(-1e-20)).isEqualTo(0.0);
        assertThat(Bearing.normalize(-30)).isEqualTo(330.0);
        assertThat(Bearing.normalize(725)).isEqualTo(5.0);
    }

    @Test
    void gridBearingPlusConvergenceIsTheTrueBearing() {
        // 1.4° east of 108°E, so the convergence is about 0.7°.
        LonLat from = new LonLat(109.4, 30.5);
        LonLat to = new LonLat(109.41, 30.51);
        Coordinate a = GaussKrugerZone.ZONE_36.project(from, Easting.PLAIN);
        Coordinate b = GaussKrugerZone.ZONE_36.project(to, Easting.PLAIN);
        double grid = Bearing.normalize(Math.toDegrees(Math.atan2(b.getX() - a.getX(), b.getY() - a.getY())));

        double trueBearing = Bearing.gridToTrue(grid, from, GaussKrugerZone.ZONE_36);
        assertThat(trueBearing - grid).isCloseTo(0.7, within(0.02));
        // Over 1.4 km the arc-to-chord correction is far below 0.001°.
        assertThat(trueBearing).isCloseTo(Bearing.trueAzimuth(from, to), within(0.001));
        assertThat(Bearing.gridToTrue(grid, from)).isEqualTo(trueBearing);
        assertThat(Bearing.trueToGrid(trueBearing, from, GaussKrugerZone.ZONE_36))
                .isCloseTo(grid, within(1e-12));
    }

    @Test
    void westOfTheCentralMeridianTrueBearingIsLessThanGrid() {
        assertThat(Bearing.gridToTrue(0.2, new LonLat(104, 29.8), GaussKrugerZone.ZONE_35))
                .isCloseTo(359.7, within(0.02));
    }
}
