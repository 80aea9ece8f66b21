package cn.mingjie.data.boundary;

import cn.mingjie.boundary.BoundaryLine;
import cn.mingjie.boundary.BoundaryLines;
import cn.mingjie.boundary.Junction;
import cn.mingjie.boundary.Junctions;
import cn.mingjie.boundary.LegalStatus;
import cn.mingjie.boundary.Marker;
import cn.mingjie.boundary.MarkerChange;
import cn.mingjie.boundary.MarkerRegister;
import cn.mingjie.boundary.NewJunction;
import cn.mingjie.boundary.NewLine;
import cn.mingjie.geocore.edit.ChangeContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Derives boundary lines from the division polygons (county lines from the 天地图 districts, township
 * lines from the derived townships of the sample districts) and places the SYNTHETIC marker plan of
 * {@code data/sample/boundary/tongnan_markers_synthetic.csv} on the 潼南区 lines; then the junction of
 * 大足区, 铜梁区 and 潼南区 where their polygons meet, with the SYNTHETIC triple marker group of
 * {@code junction_markers_synthetic.csv}. See the README there.
 */
@Component
public class BoundarySampleLoader {

    public static final String COUNTY_SOURCE = "derived:shared-edge:tianditu";
    public static final String TOWNSHIP_SOURCE = "derived:shared-edge:voronoi-of-seats";
    public static final String JUNCTION_SOURCE = "derived:shared-vertex:tianditu";
    static final String DECISION = "样例合成数据（非真实批复）";
    private static final List<String> SAMPLE_DISTRICTS = List.of("500152000000", "500112000000", "500229000000");
    private static final Logger log = LoggerFactory.getLogger(BoundarySampleLoader.class);

    private final JdbcTemplate jdbc;
    private final BoundaryLines lines;
    private final MarkerRegister markers;
    private final Junctions junctions;
    private final ChangeContext loader = new ChangeContext("sample-loader", "样例数据：由区划面公共边派生 / derived sample");

    public BoundarySampleLoader(JdbcTemplate jdbc, BoundaryLines lines, MarkerRegister markers, Junctions junctions) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.markers = markers;
        this.junctions = junctions;
    }

    /** Loads the lines and the synthetic markers; returns how many lines and markers were created. */
    public int load(Resource syntheticMarkers) {
        int created = deriveCountyLines() + deriveTownshipLines();
        int placed = placeMarkers(syntheticMarkers);
        log.info("界线样例 / boundary sample: {} derived lines, {} synthetic markers", created, placed);
        return created + placed;
    }

    /**
     * For each junction in the CSV (three 6-digit codes), the point where the three districts' polygons
     * meet, linked to the lines between them, and its synthetic triple markers placed {@code distance_m}
     * from the point into the unit each stands in. Returns how many junctions and markers were created.
     */
    public int loadJunctions(Resource syntheticTriples) {
        int n = 0;
        Map<String, Junction> byCode = new java.util.HashMap<>();
        for (String[] c : rows(syntheticTriples)) {
            Junction junction = byCode.computeIfAbsent(c[0], this::deriveJunction);
            BoundaryLine line =
                    lines.findByCode(c[1]).orElseThrow(() -> new IllegalStateException("no derived line " + c[1]));
            Coordinate at = intoUnit(junction.position(), c[4] + "000000", Double.parseDouble(c[5]));
            addApproved(line, Integer.parseInt(c[2]), c[3].charAt(0), at, c[6], LocalDate.parse(c[7]), c[4] + "000000");
            n++;
        }
        for (String[] c : rows(syntheticTriples)) {
            Junction junction = byCode.get(c[0]);
            if (junction.markerNumbers().isEmpty()) {
                byCode.put(
                        c[0],
                        junctions.linkTriple(
                                junction.id(),
                                lines.findByCode(c[1]).orElseThrow().id(),
                                Integer.parseInt(c[2]),
                                junction.versionTag(),
                                loader));
            }
        }
        log.info("三交点样例 / junction sample: {} junctions, {} synthetic triple markers", byCode.size(), n);
        return byCode.size() + n;
    }

    private Junction deriveJunction(String threeCodes) {
        List<String> parties = List.of(
                threeCodes.substring(0, 6) + "000000",
                threeCodes.substring(6, 12) + "000000",
                threeCodes.substring(12, 18) + "000000");
        List<Point> meeting = junctions.meetingPoints(parties.get(0), parties.get(1), parties.get(2));
        if (meeting.size() != 1) {
            throw new IllegalStateException(threeCodes + " meet at " + meeting.size() + " points, not one");
        }
        List<Long> lineIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                lines.findByCode(parties.get(i).substring(0, 6) + parties.get(j).substring(0, 6))
                        .ifPresent(l -> lineIds.add(l.id()));
            }
        }
        List<String> names = parties.stream()
                .map(code -> jdbc.queryForObject(
                        "select name from geo.division_version where code = ? and valid_to is null",
                        String.class,
                        code))
                .toList();
        return junctions.create(
                new NewJunction(
                        threeCodes,
                        String.join("—", names) + "三交点",
                        3,
                        parties,
                        meeting.get(0),
                        lineIds,
                        JUNCTION_SOURCE,
                        "派生示意：三区划面的公共顶点，非协议书三交点 / derived: the vertex the three polygons share,"
                                + " not an agreed junction"),
                loader);
    }

    /**
     * A point {@code metres} from the junction towards the middle of the unit's corner there (the
     * centroid of the unit within about 50 m of the junction). Degrees from metres by a local
     * approximation: good enough for a synthetic marker a few metres from the point.
     */
    private Coordinate intoUnit(Point junction, String unitCode, double metres) {
        Coordinate corner = jdbc.queryForObject(
                "select st_x(c), st_y(c) from (select st_centroid(st_intersection(geom,"
                        + " st_buffer(st_setsrid(st_makepoint(?, ?), 4490), 0.0005))) c"
                        + " from geo.division_version where code = ? and valid_to is null) s",
                (rs, i) -> new Coordinate(rs.getDouble(1), rs.getDouble(2)),
                junction.getX(),
                junction.getY(),
                unitCode);
        double metresPerDegreeLon = 111_320.0 * Math.cos(Math.toRadians(junction.getY()));
        double metresPerDegreeLat = 110_574.0;
        double east = (corner.x - junction.getX()) * metresPerDegreeLon;
        double north = (corner.y - junction.getY()) * metresPerDegreeLat;
        double scale = metres / Math.hypot(east, north);
        return new Coordinate(
                junction.getX() + east * scale / metresPerDegreeLon,
                junction.getY() + north * scale / metresPerDegreeLat);
    }

    private int deriveCountyLines() {
        List<Map<String, Object>> pairs =
                jdbc.queryForList("select a.code a, a.name an, b.code b, b.name bn from geo.division_version a"
                        + " join geo.division_version b on a.code < b.code and st_intersects(a.geom, b.geom)"
                        + " where a.level = 3 and b.level = 3 and a.valid_to is null and b.valid_to is null"
                        + " and a.geom_source = 'tianditu' and b.geom_source = 'tianditu' order by a.code, b.code");
        int n = 0;
        for (Map<String, Object> p : pairs) {
            n += derive(p, 6, 3, COUNTY_SOURCE);
        }
        return n;
    }

    private int deriveTownshipLines() {
        int n = 0;
        for (String district : SAMPLE_DISTRICTS) {
            List<Map<String, Object>> pairs = jdbc.queryForList(
                    "select a.code a, a.name an, b.code b, b.name bn from geo.division_version a"
                            + " join geo.division_version b on a.code < b.code and st_intersects(a.geom, b.geom)"
                            + " where a.parent_code = ? and b.parent_code = ? and a.level = 4 and b.level = 4"
                            + " and a.valid_to is null and b.valid_to is null"
                            + " and a.geom_source = 'derived:voronoi-of-seats'"
                            + " and b.geom_source = 'derived:voronoi-of-seats' order by a.code, b.code",
                    district,
                    district);
            for (Map<String, Object> p : pairs) {
                n += derive(p, 9, 4, TOWNSHIP_SOURCE);
            }
        }
        return n;
    }

    private int derive(Map<String, Object> pair, int digits, int level, String source) {
        String a = (String) pair.get("a");
        String b = (String) pair.get("b");
        Optional<LineString> edge = lines.sharedEdge(a, b);
        if (edge.isEmpty()) {
            return 0; // touching at a point, or an edge in several pieces: no single line to derive
        }
        lines.create(
                new NewLine(
                        a.substring(0, digits) + b.substring(0, digits),
                        pair.get("an") + "—" + pair.get("bn"),
                        level,
                        List.of(a, b),
                        null,
                        LegalStatus.AGREED,
                        edge.get(),
                        source,
                        "派生示意：由区划面公共边派生，非协议书界线 / derived from shared polygon edges, not an agreed line"),
                loader);
        return 1;
    }

    private int placeMarkers(Resource csv) {
        int n = 0;
        for (String[] c : rows(csv)) {
            BoundaryLine line = lines.findByCode(c[0] + c[1])
                    .orElseThrow(() -> new IllegalStateException("no derived line " + c[0] + c[1]));
            Coordinate at = positionAlong(line.geometry(), Double.parseDouble(c[4]), Double.parseDouble(c[5]));
            Marker m = addApproved(
                    line,
                    Integer.parseInt(c[2]),
                    c[3].charAt(0),
                    at,
                    c[6],
                    LocalDate.parse(c[7]),
                    line.parties().get(1));
            if (!c[8].isEmpty()) {
                Coordinate shifted = offsetEast(at, Double.parseDouble(c[8]));
                markers.addSurvey(
                        m.id(),
                        LocalDate.of(2024, 5, 10),
                        shifted.x,
                        shifted.y,
                        null,
                        0.05,
                        "synthetic",
                        "样例合成",
                        loader);
            }
            n++;
        }
        return n;
    }

    /** A synthetic marker through a joint application of all the line's sides, approved, with its installation survey. */
    private Marker addApproved(
            BoundaryLine line,
            int sequence,
            char type,
            Coordinate at,
            String material,
            LocalDate installed,
            String responsible) {
        List<MarkerChange.Applicant> all = line.parties().stream()
                .map(code -> new MarkerChange.Applicant(code, "样例合成签署人"))
                .toList();
        MarkerChange change = markers.apply(
                line.id(),
                null,
                "add",
                new MarkerChange.Proposal(sequence, type, at.x, at.y, null, material, installed, responsible, null),
                all,
                loader);
        Marker m = markers.approve(change.id(), DECISION, change.versionTag(), loader);
        markers.addSurvey(m.id(), installed, at.x, at.y, null, 0.05, "synthetic", "样例合成", loader);
        return m;
    }

    private static List<String[]> rows(Resource csv) {
        try (InputStream in = csv.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .lines()
                    .skip(1)
                    .map(row -> row.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A point at a fraction of the line's length, offset to the left (+) or right (−) by metres. */
    static Coordinate positionAlong(LineString line, double fraction, double offsetMetres) {
        LengthIndexedLine indexed = new LengthIndexedLine(line);
        double index = line.getLength() * fraction;
        if (offsetMetres == 0) {
            return indexed.extractPoint(index);
        }
        // Offsets in degrees of latitude; good enough for a synthetic pair a few tens of metres apart.
        return indexed.extractPoint(index, offsetMetres / 111_000.0);
    }

    private static Coordinate offsetEast(Coordinate c, double metres) {
        return new Coordinate(c.x + metres / (111_320.0 * Math.cos(Math.toRadians(c.y))), c.y);
    }
}
