package cn.mingjie.facility.walking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class StraightLineWalkingTest {

    private static final GeometryFactory gf = new GeometryFactory();
    private final StraightLineWalking walking = new StraightLineWalking();

    @Test
    void oneKilometreNorthTakesSeventeenMinutesAndAThirdWithTheDetour() {
        Point a = gf.createPoint(new Coordinate(106.5, 29.5));
        // 1 km north: 1/111.195 degrees of latitude on the GraphHopper sphere (R = 6371 km).
        Point b = gf.createPoint(new Coordinate(106.5, 29.5 + 1 / 111.19492664));

        assertThat(StraightLineWalking.metres(a, b)).isCloseTo(1000, within(0.5));
        // 1000 m × 1.3 / 75 m/min = 17.33 min
        assertThat(walking.minutes(a, b)).isCloseTo(17.333, within(0.01));
        assertThat(walking.minutesTo(a, List.of(b), 15)[0]).isInfinite();
        assertThat(walking.minutesTo(a, List.of(b), 20)[0]).isCloseTo(17.333, within(0.01));
        assertThat(walking.route(a, b).orElseThrow().method().fallback()).isTrue();
    }

    @Test
    void theFallbackAreaIsACircleOfTheWalkableStraightLineRadius() {
        Point a = gf.createPoint(new Coordinate(106.5, 29.5));
        ServiceArea area = walking.serviceAreas(a, List.of(15)).get(0);
        // 15 min × 75 m/min / 1.3 = 865 m
        Point inside = gf.createPoint(new Coordinate(106.5, 29.5 + 850 / 111_194.93));
        Point outside = gf.createPoint(new Coordinate(106.5, 29.5 + 880 / 111_194.93));

        assertThat(area.method().fallback()).isTrue();
        assertThat(area.area().contains(inside)).isTrue();
        assertThat(area.area().contains(outside)).isFalse();
    }
}
