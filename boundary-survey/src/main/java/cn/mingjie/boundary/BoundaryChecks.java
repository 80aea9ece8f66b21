package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Grid;
import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import cn.mingjie.geocore.crs.Measure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.springframework.stereotype.Service;

/**
 * The checks of a line and its markers, run on demand and before sign-off. Distances are measured on
 * the Gauss-Krüger plane of the zone of the thing checked.
 */
@Service
public class BoundaryChecks {

    private final BoundaryLines lines;
    private final MarkerRegister markers;

    public BoundaryChecks(BoundaryLines lines, MarkerRegister markers) {
        this.lines = lines;
        this.markers = markers;
    }

    public List<CheckFinding> checkLine(long lineId, CheckSettings settings) {
        BoundaryLine line = lines.get(lineId);
        List<Marker> active =
                markers.list(lineId).stream().filter(m -> !m.retired()).toList();
        List<CheckFinding> findings = new ArrayList<>();
        for (Marker m : active) {
            findings.addAll(displacement(m, markers.surveys(m.id()), settings));
        }
        findings.addAll(markerPlacement(line.geometry(), active, settings));
        findings.addAll(chainage(line.geometry(), active));
        findings.addAll(numbering(line.code(), active));
        findings.addAll(sharedEdge(line, settings));
        return findings;
    }

    /**
     * Displacement between consecutive surveys of a marker, and between its recorded position and its
     * latest survey, each against limitFactor × √(σ₁² + σ₂²).
     */
    public static List<CheckFinding> displacement(Marker m, List<MarkerSurvey> surveys, CheckSettings s) {
        List<CheckFinding> out = new ArrayList<>();
        for (int i = 1; i < surveys.size(); i++) {
            MarkerSurvey a = surveys.get(i - 1);
            MarkerSurvey b = surveys.get(i);
            double d = Grid.distance(a.position().getCoordinate(), b.position().getCoordinate());
            double tol = s.displacementTolerance(a.accuracy(), b.accuracy());
            if (d > tol) {
                out.add(finding(
                        "displacement",
                        m.number() + "@" + b.surveyedOn(),
                        b.position(),
                        d,
                        tol,
                        "界桩%s在%s与%s两次测量间位移%.2f米，超过限差%.2f米"
                                .formatted(m.number(), a.surveyedOn(), b.surveyedOn(), d, tol),
                        "Marker %s moved %.2f m between the surveys of %s and %s; tolerance %.2f m"
                                .formatted(m.number(), d, a.surveyedOn(), b.surveyedOn(), tol)));
            }
        }
        if (!surveys.isEmpty()) {
            MarkerSurvey latest = surveys.get(surveys.size() - 1);
            double d = Grid.distance(
                    m.position().getCoordinate(), latest.position().getCoordinate());
            double tol = s.displacementTolerance(s.defaultAccuracy(), latest.accuracy());
            if (d > tol) {
                out.add(finding(
                        "displacement-from-record",
                        m.number(),
                        latest.position(),
                        d,
                        tol,
                        "界桩%s最新测量（%s）偏离登记位置%.2f米，超过限差%.2f米；登记位置在复测获批前不变"
                                .formatted(m.number(), latest.surveyedOn(), d, tol),
                        "Marker %s as surveyed on %s is %.2f m from its recorded position (tolerance %.2f m); the"
                                        .formatted(m.number(), latest.surveyedOn(), d, tol)
                                + " recorded position stands until a re-survey is approved"));
            }
        }
        return out;
    }

    /** A Q marker lies on the line within tolerance; the markers of a pair or triple do not all lie on one side. */
    public static List<CheckFinding> markerPlacement(LineString line, List<Marker> active, CheckSettings s) {
        List<CheckFinding> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Marker>> e : groups(active).entrySet()) {
            List<Marker> group = e.getValue();
            if (group.size() == 1 && group.get(0).type() == 'Q') {
                Marker m = group.get(0);
                GaussKrugerZone zone = GaussKrugerZone.ofLongitude(m.position().getX());
                double d = DistanceOp.distance(
                        zone.project(line, Easting.PLAIN), zone.project(m.position(), Easting.PLAIN));
                if (d > s.onLineTolerance()) {
                    out.add(finding(
                            "q-off-line",
                            m.number(),
                            m.position(),
                            d,
                            s.onLineTolerance(),
                            "单立界桩%s距界线%.2f米，超过%.2f米".formatted(m.number(), d, s.onLineTolerance()),
                            "Single marker %s is %.2f m off the line (tolerance %.2f m)"
                                    .formatted(m.number(), d, s.onLineTolerance())));
                }
            } else if (group.size() > 1) {
                int left = 0;
                int right = 0;
                for (Marker m : group) {
                    int side = side(line, m.position().getCoordinate());
                    left += side > 0 ? 1 : 0;
                    right += side < 0 ? 1 : 0;
                }
                if (left == 0 || right == 0) {
                    Marker m = group.get(0);
                    String label = m.number().substring(0, m.number().length() - 1);
                    out.add(counted(
                            "pair-one-side",
                            label,
                            m.position(),
                            group.size(),
                            0,
                            "同号界桩%s的%d个桩位于界线同一侧".formatted(label, group.size()),
                            "All %d markers numbered %s stand on the same side of the line"
                                    .formatted(group.size(), label)));
                }
            }
        }
        return out;
    }

    /** Chainage (distance along the line) must increase with the sequence number. */
    public static List<CheckFinding> chainage(LineString line, List<Marker> active) {
        List<CheckFinding> out = new ArrayList<>();
        LengthIndexedLine indexed = new LengthIndexedLine(line);
        Double previous = null;
        String previousLabel = null;
        for (List<Marker> group : groups(active).values()) {
            Coordinate p = MarkerRegister.groupPosition(group);
            double chain = Measure.geodesicLength((LineString) indexed.extractLine(0, indexed.project(p)));
            String label = group.get(0).number();
            if (previous != null && chain <= previous) {
                out.add(finding(
                        "chainage-order",
                        label,
                        line.getFactory().createPoint(p),
                        chain,
                        previous,
                        "界桩%s里程%.0f米，不大于前一号%s的%.0f米：编号与界线走向不符".formatted(label, chain, previousLabel, previous),
                        "Marker %s is at chainage %.0f m, not beyond %s at %.0f m: numbering against the line's direction"
                                .formatted(label, chain, previousLabel, previous)));
            }
            previous = chain;
            previousLabel = label;
        }
        return out;
    }

    /** Sequence from 001 without gaps; each number of one kind (Q alone, A+B, C+D+E); the line's code as prefix. */
    public static List<CheckFinding> numbering(String lineCode, List<Marker> active) {
        List<CheckFinding> out = new ArrayList<>();
        Map<Integer, List<Marker>> groups = groups(active);
        int expected = 1;
        for (Map.Entry<Integer, List<Marker>> e : groups.entrySet()) {
            int seq = e.getKey();
            if (seq > expected) {
                String missing =
                        expected == seq - 1 ? "%03d".formatted(expected) : "%03d–%03d".formatted(expected, seq - 1);
                out.add(counted(
                        "numbering-gap",
                        lineCode + missing,
                        null,
                        seq - expected,
                        0,
                        "界线%s缺少序号%s".formatted(lineCode, missing),
                        "Line %s lacks sequence number(s) %s".formatted(lineCode, missing)));
            }
            expected = seq + 1;
            String types = e.getValue().stream()
                    .map(m -> String.valueOf(m.type()))
                    .sorted()
                    .reduce("", String::concat);
            if (!List.of("Q", "AB", "CDE").contains(types)) {
                String label = lineCode + "%03d".formatted(seq);
                out.add(counted(
                        "numbering-group",
                        label,
                        e.getValue().get(0).position(),
                        types.length(),
                        0,
                        "序号%s的界桩类型为%s，应为Q、A+B或C+D+E".formatted(label, types),
                        "Number %s has types %s; expected Q, A+B or C+D+E".formatted(label, types)));
            }
        }
        for (Marker m : active) {
            if (!m.number().startsWith(lineCode)) {
                out.add(counted(
                        "numbering-prefix",
                        m.number(),
                        m.position(),
                        0,
                        0,
                        "界桩编号%s不以界线编码%s开头".formatted(m.number(), lineCode),
                        "Marker number %s does not start with the line code %s".formatted(m.number(), lineCode)));
            }
        }
        return out;
    }

    /** The line equals the shared edge of the first two parties' polygons (Hausdorff distance on the plane). */
    public List<CheckFinding> sharedEdge(BoundaryLine line, CheckSettings s) {
        Optional<LineString> edge =
                lines.sharedEdge(line.parties().get(0), line.parties().get(1));
        Point start = line.geometry().getStartPoint();
        if (edge.isEmpty()) {
            return List.of(counted(
                    "shared-edge-missing",
                    line.code(),
                    start,
                    0,
                    s.sharedEdgeTolerance(),
                    "%s与%s的区划面没有唯一的公共边"
                            .formatted(line.parties().get(0), line.parties().get(1)),
                    "The polygons of %s and %s share no single edge"
                            .formatted(line.parties().get(0), line.parties().get(1))));
        }
        double d = hausdorffMetres(line.geometry(), edge.get());
        if (d <= s.sharedEdgeTolerance()) {
            return List.of();
        }
        return List.of(finding(
                "shared-edge-differs",
                line.code(),
                start,
                d,
                s.sharedEdgeTolerance(),
                "界线%s与两区划面公共边最大相差%.1f米，超过%.1f米".formatted(line.code(), d, s.sharedEdgeTolerance()),
                "Line %s differs from the shared edge of the two units' polygons by up to %.1f m (tolerance %.1f m)"
                        .formatted(line.code(), d, s.sharedEdgeTolerance())));
    }

    static double hausdorffMetres(Geometry a, Geometry b) {
        GaussKrugerZone zone = GaussKrugerZone.ofLongitude(a.getCentroid().getX());
        DiscreteHausdorffDistance h =
                new DiscreteHausdorffDistance(zone.project(a, Easting.PLAIN), zone.project(b, Easting.PLAIN));
        h.setDensifyFraction(0.05);
        return h.distance();
    }

    /** +1 left of the line (looking along it), −1 right, 0 on it; by the nearest segment. */
    static int side(LineString line, Coordinate p) {
        Coordinate[] c = line.getCoordinates();
        LineSegment nearest = null;
        double best = Double.MAX_VALUE;
        for (int i = 1; i < c.length; i++) {
            LineSegment seg = new LineSegment(c[i - 1], c[i]);
            double d = seg.distance(p);
            if (d < best) {
                best = d;
                nearest = seg;
            }
        }
        return nearest == null ? 0 : Orientation.index(nearest.p0, nearest.p1, p);
    }

    static Map<Integer, List<Marker>> groups(List<Marker> active) {
        Map<Integer, List<Marker>> groups = new TreeMap<>();
        active.stream()
                .sorted(Comparator.comparing(Marker::sequence).thenComparing(Marker::type))
                .forEach(m -> groups.computeIfAbsent(m.sequence(), k -> new ArrayList<>())
                        .add(m));
        return groups;
    }

    /** A finding measured in a count (markers, numbers) rather than metres. */
    static CheckFinding counted(
            String check, String subject, Point where, double measured, double tolerance, String zh, String en) {
        CheckFinding f = finding(check, subject, where, measured, tolerance, zh, en);
        return new CheckFinding(f.check(), f.subject(), f.lon(), f.lat(), f.measured(), f.tolerance(), "count", zh, en);
    }

    static CheckFinding finding(
            String check, String subject, Point where, double measured, double tolerance, String zh, String en) {
        return new CheckFinding(
                check,
                subject,
                where == null ? null : where.getX(),
                where == null ? null : where.getY(),
                Math.round(measured * 1000) / 1000.0,
                Math.round(tolerance * 1000) / 1000.0,
                "m",
                zh,
                en);
    }
}
