package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Grid;
import cn.mingjie.geocore.crs.Bearing;
import cn.mingjie.geocore.crs.CompassPoint;
import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.LonLat;
import cn.mingjie.geocore.crs.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.springframework.stereotype.Service;

/** Generates the 界线走向说明 of a line from its geometry and markers. */
@Service
public class LineDescriptions {

    /** A marker group closer than this to a line end stands for that end. */
    private static final double SAME_POINT_METRES = 1.0;

    private final BoundaryLines lines;
    private final MarkerRegister markers;

    public LineDescriptions(BoundaryLines lines, MarkerRegister markers) {
        this.lines = lines;
        this.markers = markers;
    }

    public DirectionDescription describe(long lineId) {
        BoundaryLine line = lines.get(lineId);
        return describe(
                line.geometry(),
                markers.list(lineId).stream().filter(m -> !m.retired()).toList());
    }

    /**
     * Leg by leg from the line's start through each marker group (in sequence order) to its end: true
     * bearing at the leg's start (grid bearing + meridian convergence) on the 16-point compass, the
     * straight distance on the GK plane and the length along the line.
     */
    public static DirectionDescription describe(LineString line, List<Marker> markers) {
        Map<Integer, List<Marker>> groups = new TreeMap<>();
        for (Marker m : markers) {
            groups.computeIfAbsent(m.sequence(), s -> new ArrayList<>()).add(m);
        }
        List<String> labels = new ArrayList<>();
        List<Coordinate> points = new ArrayList<>();
        Coordinate start = line.getCoordinateN(0);
        Coordinate end = line.getCoordinateN(line.getNumPoints() - 1);
        labels.add("起点");
        points.add(start);
        for (List<Marker> group : groups.values()) {
            Coordinate p = MarkerRegister.groupPosition(group);
            String label = groupLabel(group);
            if (points.size() == 1 && Grid.distance(start, p) < SAME_POINT_METRES) {
                labels.set(0, label);
                points.set(0, p);
            } else {
                labels.add(label);
                points.add(p);
            }
        }
        if (Grid.distance(points.get(points.size() - 1), end) >= SAME_POINT_METRES) {
            labels.add("终点");
            points.add(end);
        }
        LengthIndexedLine indexed = new LengthIndexedLine(line);
        List<DirectionDescription.Leg> legs = new ArrayList<>();
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (int i = 1; i < points.size(); i++) {
            Coordinate a = points.get(i - 1);
            Coordinate b = points.get(i);
            LonLat at = LonLat.of(a);
            double grid = Grid.bearing(a, b);
            double gamma = GaussKrugerZone.ofLongitude(a.x).convergence(at);
            double trueBearing = Bearing.gridToTrue(grid, at);
            CompassPoint compass = CompassPoint.of(trueBearing);
            double along =
                    Measure.geodesicLength((LineString) indexed.extractLine(indexed.project(a), indexed.project(b)));
            DirectionDescription.Leg leg = new DirectionDescription.Leg(
                    labels.get(i - 1),
                    labels.get(i),
                    grid,
                    gamma,
                    trueBearing,
                    compass.chinese(),
                    compass.english(),
                    Grid.distance(a, b),
                    along);
            legs.add(leg);
            zh.append(String.format(
                    Locale.ROOT,
                    "自%s起，界线向%s（真方位角%.1f°）延伸，直线距离%.0f米，沿界线%.0f米，至%s。",
                    zhLabel(leg.from()),
                    leg.compassZh(),
                    leg.trueBearing(),
                    leg.distance(),
                    leg.alongLine(),
                    zhLabel(leg.to())));
            en.append(String.format(
                    Locale.ROOT,
                    "From %s the line runs %s (true bearing %.1f°), %.0f m in a straight line and %.0f m along the"
                            + " line, to %s. ",
                    enLabel(leg.from()),
                    leg.compassEn(),
                    leg.trueBearing(),
                    leg.distance(),
                    leg.alongLine(),
                    enLabel(leg.to())));
        }
        return new DirectionDescription(legs, zh.toString(), en.toString().strip());
    }

    private static String groupLabel(List<Marker> group) {
        Marker first = group.get(0);
        if (group.size() == 1) {
            return first.number();
        }
        StringBuilder types = new StringBuilder();
        group.forEach(m -> types.append(types.isEmpty() ? "" : "/").append(m.type()));
        return first.number().substring(0, first.number().length() - 1) + types;
    }

    private static String zhLabel(String label) {
        return switch (label) {
            case "起点" -> "界线起点";
            case "终点" -> "界线终点";
            default -> label + "号界桩";
        };
    }

    private static String enLabel(String label) {
        return switch (label) {
            case "起点" -> "the start of the line";
            case "终点" -> "the end of the line";
            default -> "marker " + label;
        };
    }
}
