package cn.mingjie.facility.walking;

import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.shapes.GHPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The fallback where no road network is loaded: great-circle distance times {@link
 * WalkingPace#DETOUR_FACTOR}, walked at {@link WalkingPace#METRES_PER_MINUTE}. Its service areas are
 * circles of radius minutes × speed / detour.
 */
public final class StraightLineWalking implements WalkingNetwork {

    private static final int CIRCLE_VERTICES = 64;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);
    private final WalkingMethod method = WalkingMethod.straightLine();

    @Override
    public WalkingMethod method() {
        return method;
    }

    @Override
    public boolean covers(Point point) {
        return true;
    }

    public static double metres(Point a, Point b) {
        return DistanceCalcEarth.DIST_EARTH.calcDist(a.getY(), a.getX(), b.getY(), b.getX());
    }

    public double minutes(Point a, Point b) {
        return metres(a, b) * WalkingPace.DETOUR_FACTOR / WalkingPace.METRES_PER_MINUTE;
    }

    @Override
    public double[] minutesTo(Point origin, List<Point> targets, double limitMinutes) {
        double[] result = new double[targets.size()];
        for (int i = 0; i < result.length; i++) {
            double m = minutes(origin, targets.get(i));
            result[i] = m <= limitMinutes ? m : Double.POSITIVE_INFINITY;
        }
        return result;
    }

    @Override
    public List<ServiceArea> serviceAreas(Point origin, List<Integer> minutes) {
        List<ServiceArea> areas = new ArrayList<>();
        for (int m : minutes.stream().sorted().toList()) {
            double radius = m * WalkingPace.METRES_PER_MINUTE / WalkingPace.DETOUR_FACTOR;
            Coordinate[] ring = new Coordinate[CIRCLE_VERTICES + 1];
            for (int i = 0; i < CIRCLE_VERTICES; i++) {
                GHPoint p = DistanceCalcEarth.DIST_EARTH.projectCoordinate(
                        origin.getY(), origin.getX(), radius, 360.0 * i / CIRCLE_VERTICES);
                ring[i] = new Coordinate(p.lon, p.lat);
            }
            ring[CIRCLE_VERTICES] = ring[0];
            areas.add(new ServiceArea(m, FACTORY.createPolygon(ring), method));
        }
        return areas;
    }

    @Override
    public Optional<WalkingRoute> route(Point from, Point to) {
        double metres = metres(from, to) * WalkingPace.DETOUR_FACTOR;
        return Optional.of(new WalkingRoute(
                FACTORY.createLineString(new Coordinate[] {from.getCoordinate(), to.getCoordinate()}),
                metres,
                metres / WalkingPace.METRES_PER_MINUTE,
                method));
    }
}
