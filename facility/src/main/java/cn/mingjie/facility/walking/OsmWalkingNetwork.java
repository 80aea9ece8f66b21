package cn.mingjie.facility.walking;

import com.carrotsearch.hppc.IntLongHashMap;
import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.ResponsePath;
import com.graphhopper.config.Profile;
import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.PMap;
import com.graphhopper.util.shapes.BBox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A walking network imported from an OpenStreetMap extract (.osm.pbf) with GraphHopper. Ways are
 * walkable where GraphHopper's foot rules allow (foot_access) and are walked at {@link
 * WalkingPace#KM_PER_HOUR} or slower where OSM tags make GraphHopper slower. Service areas are
 * GraphHopper's own isochrone contours (shortest-path tree → triangulation → contour), the method of
 * its /isochrone endpoint. The short way between a point and the nearest road is counted as walked
 * in a straight line.
 */
public final class OsmWalkingNetwork implements WalkingNetwork, AutoCloseable {

    static final String PROFILE = "elder_foot";
    private static final double METRES_PER_DEGREE = 111_320;
    /** Contour tolerance as in GraphHopper's isochrone resource. */
    private static final double TOLERANCE_METRES = 10;

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);

    private final GraphHopper hopper;
    private final WalkingMethod method;
    private final BBox bounds;
    /** Communities are the same points report after report: their snaps are kept (snapping dominates otherwise). */
    private final Map<Coordinate, TargetSnap> targetSnaps = new ConcurrentHashMap<>();

    private static final int MAX_CACHED_TARGETS = 200_000;

    private OsmWalkingNetwork(GraphHopper hopper, String name) {
        this.hopper = hopper;
        this.method = WalkingMethod.network(name);
        this.bounds = hopper.getBaseGraph().getBounds();
    }

    /**
     * Imports {@code osmPbf} into {@code graphDirectory}, or loads the graph already there (the
     * directory must belong to this extract: GraphHopper does not notice a changed file).
     */
    public static OsmWalkingNetwork load(String name, Path osmPbf, Path graphDirectory) {
        CustomModel model = new CustomModel()
                .addToPriority(Statement.If("!foot_access", Statement.Op.MULTIPLY, "0"))
                .addToPriority(Statement.Else(Statement.Op.MULTIPLY, "foot_priority"))
                .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "foot_average_speed"))
                .addToSpeed(Statement.If("true", Statement.Op.LIMIT, String.valueOf(WalkingPace.KM_PER_HOUR)));
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(osmPbf.toString());
        hopper.setGraphHopperLocation(graphDirectory.toString());
        hopper.setEncodedValuesString("foot_access, foot_average_speed, foot_priority");
        hopper.setProfiles(new Profile(PROFILE).setCustomModel(model));
        hopper.importOrLoad();
        return new OsmWalkingNetwork(hopper, name);
    }

    public String name() {
        return method.id().substring("network:".length());
    }

    @Override
    public WalkingMethod method() {
        return method;
    }

    @Override
    public boolean covers(Point point) {
        return bounds.contains(point.getY(), point.getX());
    }

    /** The network's extent as minLon, maxLon, minLat, maxLat. */
    public double[] bounds() {
        return new double[] {bounds.minLon, bounds.maxLon, bounds.minLat, bounds.maxLat};
    }

    public int nodeCount() {
        return hopper.getBaseGraph().getNodes();
    }

    @Override
    public double[] minutesTo(Point origin, List<Point> targets, double limitMinutes) {
        double[] result = new double[targets.size()];
        java.util.Arrays.fill(result, Double.POSITIVE_INFINITY);
        Weighting weighting = weighting();
        Snap start = snap(origin, weighting);
        if (!start.isValid()) {
            return result;
        }
        QueryGraph graph = QueryGraph.create(hopper.getBaseGraph(), start);
        double accessMinutes = walkMinutes(start.getQueryDistance());
        IntLongHashMap millisByNode = new IntLongHashMap();
        ShortestPathTree tree =
                new ShortestPathTree(graph, graph.wrapWeighting(weighting), false, TraversalMode.NODE_BASED);
        tree.setTimeLimit(Math.max(0, limitMinutes - accessMinutes) * 60_000);
        tree.search(start.getClosestNode(), label -> millisByNode.put(label.node, label.time));
        NodeAccess nodes = hopper.getBaseGraph().getNodeAccess();
        for (int i = 0; i < targets.size(); i++) {
            TargetSnap t = targetSnaps.computeIfAbsent(targets.get(i).getCoordinate(), c -> target(c, weighting));
            if (t == null) {
                continue;
            }
            // Reach the target's road at either end of its edge, then walk along it and off it.
            double best = Double.POSITIVE_INFINITY;
            for (int node : new int[] {t.baseNode(), t.adjNode()}) {
                if (millisByNode.containsKey(node)) {
                    double along = DistanceCalcEarth.DIST_EARTH.calcDist(
                            t.snappedLat(), t.snappedLon(), nodes.getLat(node), nodes.getLon(node));
                    best = Math.min(best, millisByNode.get(node) / 60_000.0 + walkMinutes(along));
                }
            }
            double minutes = accessMinutes + best + walkMinutes(t.offRoadMetres());
            if (minutes <= limitMinutes) {
                result[i] = minutes;
            }
        }
        return result;
    }

    /** Where a target point meets the network: its edge's end nodes, the snapped point, the distance off road. */
    private record TargetSnap(int baseNode, int adjNode, double snappedLat, double snappedLon, double offRoadMetres) {}

    private TargetSnap target(Coordinate c, Weighting weighting) {
        if (targetSnaps.size() > MAX_CACHED_TARGETS) {
            targetSnaps.clear();
        }
        Snap s = snap(FACTORY.createPoint(c), weighting);
        if (!s.isValid()) {
            return null;
        }
        return new TargetSnap(
                s.getClosestEdge().getBaseNode(),
                s.getClosestEdge().getAdjNode(),
                s.getSnappedPoint().lat,
                s.getSnappedPoint().lon,
                s.getQueryDistance());
    }

    @Override
    public List<ServiceArea> serviceAreas(Point origin, List<Integer> minutes) {
        List<Integer> sorted = minutes.stream().sorted().toList();
        Weighting weighting = weighting();
        Snap start = snap(origin, weighting);
        if (!start.isValid() || sorted.isEmpty()) {
            return List.of();
        }
        QueryGraph graph = QueryGraph.create(hopper.getBaseGraph(), start);
        ShortestPathTree tree =
                new ShortestPathTree(graph, graph.wrapWeighting(weighting), false, TraversalMode.NODE_BASED);
        double limit = sorted.get(sorted.size() - 1) * 60_000.0;
        // Explore beyond the limit so that the contour at the limit is closed, as GraphHopper does.
        tree.setTimeLimit(limit + Math.max(limit * 0.14, 200_000));
        Triangulator.Result triangulation;
        try {
            triangulation = new JTSTriangulator(hopper.getRouterConfig())
                    .triangulate(start, graph, tree, label -> label.time, TOLERANCE_METRES / METRES_PER_DEGREE);
        } catch (IllegalArgumentException tooFewNodes) {
            // GraphHopper cannot contour a reach of one or two nodes (an isolated stub of road): no area.
            return List.of();
        }
        ContourBuilder contours = new ContourBuilder(triangulation.triangulation);
        List<ServiceArea> areas = new ArrayList<>();
        for (int m : sorted) {
            MultiPolygon isoline = contours.computeIsoline(m * 60_000.0, triangulation.seedEdges);
            Geometry area = mainComponent(isoline, origin);
            area.setSRID(4490);
            areas.add(new ServiceArea(m, area, method));
        }
        return areas;
    }

    @Override
    public Optional<WalkingRoute> route(Point from, Point to) {
        GHResponse response =
                hopper.route(new GHRequest(from.getY(), from.getX(), to.getY(), to.getX()).setProfile(PROFILE));
        if (response.hasErrors()) {
            return Optional.empty();
        }
        ResponsePath path = response.getBest();
        LineString line =
                FACTORY.createLineString(path.getPoints().toLineString(false).getCoordinates());
        return Optional.of(new WalkingRoute(line, path.getDistance(), path.getTime() / 60_000.0, method));
    }

    /** The underlying graph, for benchmarks that compare it with other routers. */
    GraphHopper hopper() {
        return hopper;
    }

    @Override
    public void close() {
        hopper.close();
    }

    private Weighting weighting() {
        return hopper.createWeighting(hopper.getProfile(PROFILE), new PMap());
    }

    private Snap snap(Point p, Weighting weighting) {
        return hopper.getLocationIndex()
                .findClosest(
                        p.getY(),
                        p.getX(),
                        new DefaultSnapFilter(
                                weighting,
                                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(PROFILE))));
    }

    private static double walkMinutes(double metres) {
        return metres / WalkingPace.METRES_PER_MINUTE;
    }

    /** The part of a contour where the origin is (else the largest part), like GraphHopper's default. */
    private static Geometry mainComponent(MultiPolygon isoline, Point origin) {
        Polygon largest = null;
        for (int i = 0; i < isoline.getNumGeometries(); i++) {
            Polygon p = (Polygon) isoline.getGeometryN(i);
            if (p.contains(origin)) {
                return FACTORY.createPolygon(p.getExteriorRing().getCoordinates());
            }
            if (largest == null || p.getArea() > largest.getArea()) {
                largest = p;
            }
        }
        return largest == null
                ? FACTORY.createPolygon()
                : FACTORY.createPolygon(largest.getExteriorRing().getCoordinates());
    }
}
