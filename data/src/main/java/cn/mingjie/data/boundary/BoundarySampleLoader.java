package cn.mingjie.data.boundary;

import cn.mingjie.boundary.BoundaryLine;
import cn.mingjie.boundary.BoundaryLines;
import cn.mingjie.boundary.LegalStatus;
import cn.mingjie.boundary.Marker;
import cn.mingjie.boundary.MarkerChange;
import cn.mingjie.boundary.MarkerRegister;
import cn.mingjie.boundary.NewLine;
import cn.mingjie.geocore.edit.ChangeContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Derives boundary lines from the division polygons (county lines from the 天地图 districts, township
 * lines from the derived townships of the sample districts) and places the SYNTHETIC marker plan of
 * {@code data/sample/boundary/tongnan_markers_synthetic.csv} on the 潼南区 lines. See the README there.
 */
@Component
public class BoundarySampleLoader {

    public static final String COUNTY_SOURCE = "derived:shared-edge:tianditu";
    public static final String TOWNSHIP_SOURCE = "derived:shared-edge:voronoi-of-seats";
    static final String DECISION = "样例合成数据（非真实批复）";
    private static final List<String> SAMPLE_DISTRICTS = List.of("500152000000", "500112000000", "500229000000");
    private static final Logger log = LoggerFactory.getLogger(BoundarySampleLoader.class);

    private final JdbcTemplate jdbc;
    private final BoundaryLines lines;
    private final MarkerRegister markers;
    private final ChangeContext loader = new ChangeContext("sample-loader", "样例数据：由区划面公共边派生 / derived sample");

    public BoundarySampleLoader(JdbcTemplate jdbc, BoundaryLines lines, MarkerRegister markers) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.markers = markers;
    }

    /** Loads the lines and the synthetic markers; returns how many lines and markers were created. */
    public int load(Resource syntheticMarkers) {
        int created = deriveCountyLines() + deriveTownshipLines();
        int placed = placeMarkers(syntheticMarkers);
        log.info("界线样例 / boundary sample: {} derived lines, {} synthetic markers", created, placed);
        return created + placed;
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
        List<String> rows;
        try (InputStream in = csv.getInputStream()) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .lines()
                    .skip(1)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        for (String row : rows) {
            String[] c = row.split(",", -1);
            BoundaryLine line = lines.findByCode(c[0] + c[1])
                    .orElseThrow(() -> new IllegalStateException("no derived line " + c[0] + c[1]));
            Coordinate at = positionAlong(line.geometry(), Double.parseDouble(c[4]), Double.parseDouble(c[5]));
            LocalDate installed = LocalDate.parse(c[7]);
            List<MarkerChange.Applicant> both = line.parties().stream()
                    .map(code -> new MarkerChange.Applicant(code, "样例合成签署人"))
                    .toList();
            MarkerChange change = markers.apply(
                    line.id(),
                    null,
                    "add",
                    new MarkerChange.Proposal(
                            Integer.parseInt(c[2]),
                            c[3].charAt(0),
                            at.x,
                            at.y,
                            null,
                            c[6],
                            installed,
                            line.parties().get(1),
                            null),
                    both,
                    loader);
            Marker m = markers.approve(change.id(), DECISION, change.versionTag(), loader);
            markers.addSurvey(m.id(), installed, at.x, at.y, null, 0.05, "synthetic", "样例合成", loader);
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
