package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Grid;
import cn.mingjie.boundary.internal.Wkb;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of junctions of three units (三交点) and of the same-number triple markers (C/D/E) at
 * them. Every write is audited in the same transaction.
 */
@Service
public class Junctions {

    static final String ENTITY = "boundary-junction";

    /**
     * How far a line's end may lie from the junction it meets at, on the Gauss-Krüger plane. Lines
     * derived from one polygon set share the vertex exactly; 1 m allows for surveyed coordinates
     * rounded to the centimetre in two separate agreements.
     */
    static final double LINE_END_TOLERANCE_METRES = 1.0;

    private static final String COLUMNS = "j.id, j.code, j.name, j.level, st_asbinary(j.geom), j.geom_source, j.notes,"
            + " j.row_version,"
            + " (select array_agg(p.division_code order by p.ordinal) from boundary.junction_party p"
            + " where p.junction_id = j.id),"
            + " (select array_agg(l.line_id order by l.line_id) from boundary.junction_line l where l.junction_id = j.id),"
            + " (select array_agg(m.number order by m.number) from boundary.marker m where m.junction_id = j.id)";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final BoundaryLines lines;
    private final MarkerRegister markers;

    public Junctions(JdbcTemplate jdbc, AuditLog audit, BoundaryLines lines, MarkerRegister markers) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lines = lines;
        this.markers = markers;
    }

    public Optional<Junction> find(long id) {
        return jdbc.query("select " + COLUMNS + " from boundary.junction j where j.id = ?", Junctions::map, id).stream()
                .findFirst();
    }

    public Junction get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    public Optional<Junction> findByCode(String code) {
        return jdbc
                .query("select " + COLUMNS + " from boundary.junction j where j.code = ?", Junctions::map, code)
                .stream()
                .findFirst();
    }

    /** Junctions, optionally only those one unit is a party to. */
    public List<Junction> list(String divisionCode) {
        if (divisionCode == null) {
            return jdbc.query("select " + COLUMNS + " from boundary.junction j order by j.code", Junctions::map);
        }
        return jdbc.query(
                "select " + COLUMNS + " from boundary.junction j where exists (select 1 from boundary.junction_party p"
                        + " where p.junction_id = j.id and p.division_code = ?) order by j.code",
                Junctions::map,
                divisionCode);
    }

    /**
     * The points where the current polygons of three divisions meet: the vertices all three share.
     * Usually one; none when the polygons do not touch all together, two if they meet twice.
     */
    public List<Point> meetingPoints(String codeA, String codeB, String codeC) {
        return jdbc.query(
                "with u as (select code, geom from geo.division_version where valid_to is null and geom is not null)"
                        + " select distinct st_asbinary(v.geom)"
                        + " from u a, u b, u c, st_dumppoints(a.geom) v"
                        + " where a.code = ? and b.code = ? and c.code = ?"
                        + " and st_intersects(v.geom, b.geom) and st_intersects(v.geom, c.geom)",
                (rs, i) -> Wkb.<Point>read(rs, 1),
                codeA,
                codeB,
                codeC);
    }

    @Transactional
    public Junction create(NewJunction junction, ChangeContext who) {
        List<FieldProblem> problems = new ArrayList<>();
        if (junction.code() == null || !junction.code().matches("[0-9A-Z-]{4,40}")) {
            problems.add(new FieldProblem("code", "error.boundary.line-code", junction.code()));
        }
        if (junction.name() == null || junction.name().isBlank()) {
            problems.add(new FieldProblem("name", "error.name.required"));
        }
        if (junction.level() < 2 || junction.level() > 4) {
            problems.add(new FieldProblem("level", "error.boundary.line-level", junction.level()));
        }
        List<String> parties = junction.parties() == null ? List.of() : junction.parties();
        if (parties.size() != 3
                || new HashSet<>(parties).size() != 3
                || !parties.stream().allMatch(p -> p != null && p.matches("[0-9]{12}"))) {
            problems.add(new FieldProblem("parties", "error.boundary.junction-parties"));
        }
        if (junction.position() == null || junction.position().isEmpty()) {
            problems.add(new FieldProblem("position", "error.boundary.geometry-required"));
        }
        List<Long> lineIds = junction.lineIds() == null ? List.of() : junction.lineIds();
        if (lineIds.size() < 2 || lineIds.size() > 3 || new HashSet<>(lineIds).size() != lineIds.size()) {
            problems.add(new FieldProblem("lineIds", "error.boundary.junction-lines"));
        }
        for (int i = 0; i < lineIds.size(); i++) {
            String field = "lineIds/" + i;
            Long lineId = lineIds.get(i);
            lines.find(lineId)
                    .ifPresentOrElse(
                            line -> checkLine(line, parties, junction.position(), field, problems),
                            () -> problems.add(new FieldProblem(field, "error.boundary.no-such-line", lineId)));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (findByCode(junction.code()).isPresent()) {
            throw ValidationException.of("code", "error.boundary.line-code-taken", junction.code());
        }
        Long id = jdbc.queryForObject(
                "insert into boundary.junction (code, name, level, geom, geom_source, notes)"
                        + " values (?, ?, ?, st_setsrid(st_geomfromwkb(?), 4490), ?, ?) returning id",
                Long.class,
                junction.code(),
                Text.nfc(junction.name().strip()),
                junction.level(),
                Wkb.write(junction.position()),
                junction.geometrySource() == null ? "manual" : junction.geometrySource(),
                Text.nfc(junction.notes()));
        for (int i = 0; i < parties.size(); i++) {
            jdbc.update(
                    "insert into boundary.junction_party (junction_id, division_code, ordinal) values (?, ?, ?)",
                    id,
                    parties.get(i),
                    i + 1);
        }
        for (Long lineId : lineIds) {
            jdbc.update("insert into boundary.junction_line (junction_id, line_id) values (?, ?)", id, lineId);
        }
        Junction created = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "create", null, snapshot(created));
        return created;
    }

    /**
     * Adds a line that ends at the junction (within {@link #LINE_END_TOLERANCE_METRES}) and separates
     * two of its units, e.g. the third line once its agreement is registered.
     */
    @Transactional
    public Junction linkLine(long junctionId, long lineId, String expectedTag, ChangeContext who) {
        Junction junction = lockAndCheck(junctionId, expectedTag);
        if (junction.lineIds().contains(lineId)) {
            return junction;
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (junction.lineIds().size() >= 3) {
            problems.add(new FieldProblem("lineId", "error.boundary.junction-lines"));
        }
        BoundaryLine line = lines.find(lineId)
                .orElseThrow(() -> ValidationException.of("lineId", "error.boundary.no-such-line", lineId));
        checkLine(line, junction.parties(), junction.position(), "lineId", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<String, Object> before = snapshot(junction);
        jdbc.update("insert into boundary.junction_line (junction_id, line_id) values (?, ?)", junctionId, lineId);
        bump(junctionId);
        Junction after = get(junctionId);
        audit.record(who, ENTITY, String.valueOf(junctionId), "link-line", before, snapshot(after));
        return after;
    }

    /**
     * Records that the marker group of one sequence number on one of the junction's lines is its
     * same-number triple: exactly three active markers typed C, D and E, one in each unit.
     */
    @Transactional
    public Junction linkTriple(long junctionId, long lineId, int sequence, String expectedTag, ChangeContext who) {
        Junction junction = lockAndCheck(junctionId, expectedTag);
        if (!junction.lineIds().contains(lineId)) {
            throw ValidationException.of(
                    "lineId", "error.boundary.junction-line-not-linked", String.valueOf(lineId), junction.code());
        }
        List<Marker> group = markers.list(lineId).stream()
                .filter(m -> m.sequence() == sequence && !m.retired())
                .toList();
        String types =
                group.stream().map(m -> String.valueOf(m.type())).sorted().reduce("", String::concat);
        if (!types.equals("CDE")) {
            throw ValidationException.of("sequence", "error.boundary.junction-triple", sequence, types);
        }
        Map<String, Object> before = snapshot(junction);
        for (Marker m : group) {
            jdbc.update(
                    "update boundary.marker set junction_id = ?, row_version = row_version + 1 where id = ?",
                    junctionId,
                    m.id());
        }
        bump(junctionId);
        Junction after = get(junctionId);
        audit.record(who, ENTITY, String.valueOf(junctionId), "link-triple", before, snapshot(after));
        return after;
    }

    private Junction lockAndCheck(long junctionId, String expectedTag) {
        jdbc.query("select id from boundary.junction where id = ? for update", (rs, i) -> 1, junctionId);
        Junction current = get(junctionId);
        if (!current.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, String.valueOf(junctionId), expectedTag, current.versionTag());
        }
        return current;
    }

    /** A link is a change of the junction: new ETag, and the map layer's trigger fires. */
    private void bump(long junctionId) {
        jdbc.update("update boundary.junction set row_version = row_version + 1 where id = ?", junctionId);
    }

    private static void checkLine(
            BoundaryLine line, List<String> parties, Point position, String field, List<FieldProblem> problems) {
        if (!parties.containsAll(line.parties())) {
            problems.add(new FieldProblem(field, "error.boundary.junction-line-parties", line.code()));
            return;
        }
        if (position == null || position.isEmpty()) {
            return;
        }
        double toNearestEnd = Math.min(
                Grid.distance(position.getCoordinate(), start(line.geometry())),
                Grid.distance(position.getCoordinate(), end(line.geometry())));
        if (toNearestEnd > LINE_END_TOLERANCE_METRES) {
            problems.add(new FieldProblem(
                    field, "error.boundary.junction-line-far", line.code(), toNearestEnd, LINE_END_TOLERANCE_METRES));
        }
    }

    private static Coordinate start(LineString line) {
        return line.getCoordinateN(0);
    }

    private static Coordinate end(LineString line) {
        return line.getCoordinateN(line.getNumPoints() - 1);
    }

    static Map<String, Object> snapshot(Junction j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", j.code());
        m.put("name", j.name());
        m.put("level", j.level());
        m.put("parties", j.parties());
        m.put("position", j.position().toText());
        m.put("lineIds", j.lineIds());
        m.put("markerNumbers", j.markerNumbers());
        m.put("geometrySource", j.geometrySource());
        m.put("notes", j.notes());
        return m;
    }

    private static Junction map(ResultSet rs, int row) throws SQLException {
        return new Junction(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                strings(rs.getArray(9)),
                Wkb.read(rs, 5),
                longs(rs.getArray(10)),
                strings(rs.getArray(11)),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8));
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<Long> longs(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((Long[]) array.getArray());
    }
}
