package cn.mingjie.facility.walking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Walking service areas on the real OSM network of Andorra (GraphHopper's own test extract). The
 * places: origin in central Andorra la Vella near Plaça del Poble; Casa de la Vall (≈150 m west);
 * the Caldea spa in Escaldes-Engordany (≈1.5 km east, across the town centre); Encamp (≈6 km up the
 * valley).
 */
class OsmWalkingNetworkTest {

    private static final GeometryFactory gf = new GeometryFactory();

    static final Point ORIGIN = lonLat(1.5218, 42.5075);
    static final Point CASA_DE_LA_VALL = lonLat(1.5206, 42.5065);
    static final Point CALDEA = lonLat(1.5376, 42.5116);
    static final Point ENCAMP = lonLat(1.5830, 42.5350);

    static Point lonLat(double lon, double lat) {
        return gf.createPoint(new Coordinate(lon, lat));
    }

    @Test
    void theFifteenMinuteAreaContainsNearbyNodesAndExcludesFarOnes() {
        OsmWalkingNetwork net = AndorraNetwork.get();
        List<ServiceArea> areas = net.serviceAreas(ORIGIN, List.of(15, 5, 10));

        assertThat(areas).extracting(ServiceArea::minutes).containsExactly(5, 10, 15);
        assertThat(areas).allSatisfy(a -> assertThat(a.method().fallback()).isFalse());
        Geometry fifteen = areas.get(2).area();
        assertThat(fifteen.contains(ORIGIN)).isTrue();
        assertThat(fifteen.contains(CASA_DE_LA_VALL)).isTrue();
        assertThat(fifteen.contains(CALDEA)).isFalse();
        assertThat(fifteen.contains(ENCAMP)).isFalse();
        // Nested: what is reachable in 5 minutes is reachable in 15.
        assertThat(fifteen.buffer(1e-6).contains(areas.get(0).area())).isTrue();
        assertThat(areas.get(0).area().getArea()).isLessThan(areas.get(1).area().getArea());
    }

    @Test
    void walkingTimesFollowTheRoadsNotTheCrowFlies() {
        OsmWalkingNetwork net = AndorraNetwork.get();
        double[] minutes = net.minutesTo(ORIGIN, List.of(CASA_DE_LA_VALL, CALDEA, ENCAMP), 60);

        assertThat(minutes[0]).isLessThan(15);
        // Caldea: ≈1.5 km straight, ≈1.8 km by road at 75 m/min.
        assertThat(minutes[1]).isBetween(20.0, 30.0);
        assertThat(minutes[1] * WalkingPace.METRES_PER_MINUTE)
                .isGreaterThan(StraightLineWalking.metres(ORIGIN, CALDEA));
        assertThat(minutes[2]).isInfinite();
        // Beyond the limit counts as unreachable.
        assertThat(net.minutesTo(ORIGIN, List.of(CALDEA), 15)[0]).isInfinite();
    }

    @Test
    void aRouteFollowsTheNetworkAndAgreesWithTheTree() {
        OsmWalkingNetwork net = AndorraNetwork.get();
        WalkingRoute route = net.route(ORIGIN, CALDEA).orElseThrow();

        assertThat(route.method().id()).isEqualTo("network:andorra");
        assertThat(route.line().getNumPoints()).isGreaterThan(10);
        assertThat(route.metres()).isGreaterThan(StraightLineWalking.metres(ORIGIN, CALDEA));
        assertThat(route.minutes()).isCloseTo(route.metres() / WalkingPace.METRES_PER_MINUTE, within(0.5));
        assertThat(route.minutes()).isCloseTo(net.minutesTo(ORIGIN, List.of(CALDEA), 60)[0], within(1.5));
    }

    @Test
    void pointsOutsideAnyLoadedNetworkFallBackToALabelledStraightLine() {
        WalkingNetworks networks = new WalkingNetworks();
        networks.register(AndorraNetwork.get());
        Point tongnan = lonLat(105.84, 30.19);

        assertThat(networks.at(ORIGIN).method().id()).isEqualTo("network:andorra");
        WalkingNetwork fallback = networks.between(ORIGIN, tongnan);
        assertThat(fallback.method().fallback()).isTrue();
        assertThat(fallback.method().label()).contains("估算").contains("1.3");
        assertThat(networks.at(tongnan)
                        .serviceAreas(tongnan, List.of(15))
                        .get(0)
                        .method()
                        .fallback())
                .isTrue();
    }
}
