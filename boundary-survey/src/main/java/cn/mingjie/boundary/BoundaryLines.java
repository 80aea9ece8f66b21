package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Wkb;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import cn.mingjie.geocore.crs.Measure;
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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of boundary lines in PostGIS. Every write is audited in the same transaction. */
@Service
public class BoundaryLines {

    static final String ENTITY = "boundary-line";
    private static final String COLUMNS = "l.id, l.code, l.name, l.level, l.agreement_ref, l.legal_status,"
            + " st_asbinary(l.geom), l.geom_source, l.notes, l.row_version,"
            + " (select array_agg(p.division_code order by p.ordinal) from boundary.line_party p where p.line_id = l.id)";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public BoundaryLines(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<BoundaryLine> find(long id) {
        return jdbc.query("select " + COLUMNS + " from boundary.line l where l.id = ?", BoundaryLines::map, id).stream()
                .findFirst();
    }

    public BoundaryLine get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    public Optional<BoundaryLine> findByCode(String code) {
        return jdbc
                .query("select " + COLUMNS + " from boundary.line l where l.code = ?", BoundaryLines::map, code)
                .stream()
                .findFirst();
    }

    /** Lines, optionally only those one unit is a party to. */
    public List<BoundaryLine> list(String divisionCode) {
        if (divisionCode == null) {
            return jdbc.query("select " + COLUMNS + " from boundary.line l order by l.code", BoundaryLines::map);
        }
        return jdbc.query(
                "select " + COLUMNS + " from boundary.line l where exists (select 1 from boundary.line_party p"
                        + " where p.line_id = l.id and p.division_code = ?) order by l.code",
                BoundaryLines::map,
                divisionCode);
    }

    @Transactional
    public BoundaryLine create(NewLine line, ChangeContext who) {
        List<FieldProblem> problems = new ArrayList<>();
        if (line.code() == null || !line.code().matches("[0-9A-Z-]{4,40}")) {
            problems.add(new FieldProblem("code", "error.boundary.line-code", line.code()));
        }
        if (line.name() == null || line.name().isBlank()) {
            problems.add(new FieldProblem("name", "error.name.required"));
        }
        if (line.level() < 2 || line.level() > 4) {
            problems.add(new FieldProblem("level", "error.boundary.line-level", line.level()));
        }
        checkParties(line.parties(), problems);
        checkGeometry(line.geometry(), problems);
        if (line.legalStatus() == null) {
            problems.add(new FieldProblem("legalStatus", "error.boundary.legal-status"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (findByCode(line.code()).isPresent()) {
            throw ValidationException.of("code", "error.boundary.line-code-taken", line.code());
        }
        Long id = jdbc.queryForObject(
                "insert into boundary.line (code, name, level, agreement_ref, legal_status, geom, geom_source, notes)"
                        + " values (?, ?, ?, ?, ?, st_setsrid(st_geomfromwkb(?), 4490), ?, ?) returning id",
                Long.class,
                line.code(),
                Text.nfc(line.name().strip()),
                line.level(),
                Text.nfc(line.agreementRef()),
                line.legalStatus().dbValue(),
                Wkb.write(numberingDirection(line.geometry())),
                line.geometrySource() == null ? "manual" : line.geometrySource(),
                Text.nfc(line.notes()));
        for (int i = 0; i < line.parties().size(); i++) {
            jdbc.update(
                    "insert into boundary.line_party (line_id, division_code, ordinal) values (?, ?, ?)",
                    id,
                    line.parties().get(i),
                    i + 1);
        }
        BoundaryLine created = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "create", null, snapshot(created));
        return created;
    }

    /**
     * Changes a line. While a dispute on it is open, the agreed geometry is frozen (行政区域边界争议处理条例:
     * neither side changes the state of a disputed area until it is settled).
     */
    @Transactional
    public BoundaryLine update(long id, LineUpdate change, String expectedTag, ChangeContext who) {
        BoundaryLine current = lock(id);
        if (!current.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, String.valueOf(id), expectedTag, current.versionTag());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (change.name() != null && change.name().isBlank()) {
            problems.add(new FieldProblem("name", "error.name.required"));
        }
        if (change.geometry() != null) {
            checkGeometry(change.geometry(), problems);
            if (openDisputes(id) > 0) {
                problems.add(new FieldProblem("geometry", "error.boundary.frozen-by-dispute", current.code()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.update(
                "update boundary.line set name = coalesce(?, name), agreement_ref = coalesce(?, agreement_ref),"
                        + " legal_status = coalesce(?, legal_status),"
                        + " geom = coalesce(st_setsrid(st_geomfromwkb(?), 4490), geom), notes = coalesce(?, notes),"
                        + " geom_source = case when ? then 'manual' else geom_source end,"
                        + " row_version = row_version + 1 where id = ?",
                change.name() == null ? null : Text.nfc(change.name().strip()),
                Text.nfc(change.agreementRef()),
                change.legalStatus() == null ? null : change.legalStatus().dbValue(),
                change.geometry() == null ? null : Wkb.write(numberingDirection(change.geometry())),
                Text.nfc(change.notes()),
                change.geometry() != null,
                id);
        BoundaryLine updated = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "update", snapshot(current), snapshot(updated));
        return updated;
    }

    /**
     * The shared edge of two units' current polygons (ST_SharedPaths of their boundaries, merged), or
     * empty when they do not share an edge or the edge is not one piece.
     */
    public Optional<LineString> sharedEdge(String codeA, String codeB) {
        return jdbc
                .query(
                        "select st_asbinary(e) from (select st_linemerge(st_collectionextract(st_sharedpaths("
                                + "st_boundary(a.geom), st_boundary(b.geom)), 2)) e"
                                + " from geo.division_version a, geo.division_version b"
                                + " where a.code = ? and b.code = ? and a.valid_to is null and b.valid_to is null"
                                + " and a.geom is not null and b.geom is not null) s"
                                + " where st_geometrytype(e) = 'ST_LineString'",
                        (rs, i) -> Wkb.<LineString>read(rs, 1),
                        codeA,
                        codeB)
                .stream()
                .findFirst()
                .map(BoundaryLines::numberingDirection);
    }

    public static LineMeasure measure(LineString lonLat) {
        List<LineMeasure.Segment> segments = new ArrayList<>();
        for (GaussKrugerZone zone : GaussKrugerZone.select(lonLat).touched()) {
            // Each zone owns the strip within 1.5° of its central meridian; measure each part there.
            double west = zone.centralMeridian() - 1.5;
            Geometry strip = lonLat.getFactory().toGeometry(new Envelope(west, west + 3.0, -90, 90));
            Geometry part = lonLat.intersection(strip);
            if (part.getLength() > 0) {
                segments.add(new LineMeasure.Segment(
                        zone.number(),
                        zone.centralMeridian(),
                        zone.epsgCode(Easting.ZONE_PREFIXED),
                        zone.epsgCode(Easting.PLAIN),
                        Measure.planarLength(part, zone),
                        part));
            }
        }
        double plane =
                segments.stream().mapToDouble(LineMeasure.Segment::planeLength).sum();
        return new LineMeasure(plane, Measure.geodesicLength(lonLat), segments);
    }

    /**
     * Orients a line the way markers are numbered (GB/T 17796): west→east when it runs more east–west
     * than north–south, else north→south.
     */
    public static LineString numberingDirection(LineString line) {
        Coordinate start = line.getCoordinateN(0);
        Coordinate end = line.getCoordinateN(line.getNumPoints() - 1);
        Envelope env = line.getEnvelopeInternal();
        // Degrees of longitude are shorter than degrees of latitude by cos(latitude).
        double width = env.getWidth() * Math.cos(Math.toRadians(env.centre().y));
        boolean eastWest = width >= env.getHeight();
        boolean reverse = eastWest ? start.x > end.x : start.y < end.y;
        LineString oriented = reverse ? line.reverse() : line;
        oriented.setSRID(4490);
        return oriented;
    }

    int openDisputes(long lineId) {
        Integer n = jdbc.queryForObject(
                "select count(*) from boundary.dispute where line_id = ? and status <> 'closed'",
                Integer.class,
                lineId);
        return n == null ? 0 : n;
    }

    private BoundaryLine lock(long id) {
        jdbc.query("select id from boundary.line where id = ? for update", (rs, i) -> rs.getLong(1), id);
        return get(id);
    }

    private static void checkParties(List<String> parties, List<FieldProblem> problems) {
        if (parties == null || parties.size() < 2 || parties.size() > 3) {
            problems.add(new FieldProblem("parties", "error.boundary.parties"));
            return;
        }
        for (int i = 0; i < parties.size(); i++) {
            if (parties.get(i) == null || !parties.get(i).matches("[0-9]{12}")) {
                problems.add(new FieldProblem("parties/" + i, "error.code.format", parties.get(i)));
            }
        }
        if (new HashSet<>(parties).size() != parties.size()) {
            problems.add(new FieldProblem("parties", "error.boundary.parties"));
        }
    }

    static void checkGeometry(LineString g, List<FieldProblem> problems) {
        if (g == null || g.isEmpty() || g.getNumPoints() < 2) {
            problems.add(new FieldProblem("geometry", "error.boundary.geometry-required"));
            return;
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getMinX() < 73 || e.getMaxX() > 136 || e.getMinY() < 3 || e.getMaxY() > 54) {
            problems.add(new FieldProblem("geometry", "error.boundary.geometry-outside-china", e.toString()));
        } else if (!g.isSimple()) {
            problems.add(new FieldProblem("geometry", "error.boundary.geometry-self-intersects"));
        }
    }

    static Map<String, Object> snapshot(BoundaryLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", l.code());
        m.put("name", l.name());
        m.put("level", l.level());
        m.put("parties", l.parties());
        m.put("agreementRef", l.agreementRef());
        m.put("legalStatus", l.legalStatus());
        m.put("geometry", l.geometry().toText());
        m.put("geometrySource", l.geometrySource());
        m.put("notes", l.notes());
        return m;
    }

    private static BoundaryLine map(ResultSet rs, int row) throws SQLException {
        java.sql.Array parties = rs.getArray(11);
        return new BoundaryLine(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                parties == null ? List.of() : List.of((String[]) parties.getArray()),
                rs.getString(5),
                LegalStatus.ofDb(rs.getString(6)),
                Wkb.read(rs, 7),
                rs.getString(8),
                rs.getString(9),
                rs.getInt(10));
    }
}
