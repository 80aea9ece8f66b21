package cn.mingjie.facility.walking;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Point;

/** Walking on one network (or the straight-line fallback). Points are EPSG:4490 [lon, lat]. */
public interface WalkingNetwork {

    WalkingMethod method();

    /** Whether this network's extent includes the point. */
    boolean covers(Point point);

    /**
     * Walking minutes from {@code origin} to each target; {@link Double#POSITIVE_INFINITY} where a
     * target is not reachable within {@code limitMinutes}.
     */
    double[] minutesTo(Point origin, List<Point> targets, double limitMinutes);

    /**
     * Areas reachable within each of {@code minutes}, smallest first; empty where the network reach
     * of the origin is too small to draw (an isolated piece of road).
     */
    List<ServiceArea> serviceAreas(Point origin, List<Integer> minutes);

    Optional<WalkingRoute> route(Point from, Point to);
}
