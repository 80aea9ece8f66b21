package cn.mingjie.facility;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facility register in PostGIS: explicit SQL, geometry as WKB (EPSG:4490). Every write is
 * validated as a whole, audited in the same transaction, and updates are guarded by the version tag.
 */
@Repository
public class FacilityRegistry {

    public static final String ENTITY = "facility";

    /** How far (in degrees, ≈1 km) a point may lie outside its district's polygon: edge tolerance. */
    private static final double DISTRICT_TOLERANCE_DEGREES = 0.01;

    private static final String COLUMNS = "id, type, name, place_ref, division_code, st_asbinary(geom), operator,"
            + " beds, nursing_beds, floor_area_m2, land_area_m2, grave_capacity, niche_capacity, opened_on, status,"
            + " published, source, row_version";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final DivisionRegister divisions;

    public FacilityRegistry(JdbcTemplate jdbc, AuditLog audit, DivisionRegister divisions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.divisions = divisions;
    }

    public Optional<Facility> find(long id) {
        return jdbc.query("select " + COLUMNS + " from facility.facility where id = ?", this::map, id).stream()
                .findFirst();
    }

    /** A facility; an unpublished one only for callers allowed to see drafts. */
    public Facility get(long id, boolean includeUnpublished) {
        return find(id).filter(f -> includeUnpublished || f.published())
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    public List<Facility> list(FacilityQuery q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from facility.facility where true");
        List<Object> args = new ArrayList<>();
        if (!q.includeUnpublished()) {
            sql.append(" and published");
        }
        if (q.divisionPrefix() != null && !q.divisionPrefix().isBlank()) {
            sql.append(" and division_code like ?");
            args.add(q.divisionPrefix().strip() + "%");
        }
        if (q.types() != null && !q.types().isEmpty()) {
            sql.append(" and type = any(?)");
            args.add(q.types().stream().map(Enum::name).toArray(String[]::new));
        }
        sql.append(" order by division_code, type, id");
        return jdbc.query(
                con -> {
                    var ps = con.prepareStatement(sql.toString());
                    for (int i = 0; i < args.size(); i++) {
                        Object a = args.get(i);
                        if (a instanceof String[] array) {
                            ps.setArray(i + 1, con.createArrayOf("text", array));
                        } else {
                            ps.setObject(i + 1, a);
                        }
                    }
                    return ps;
                },
                this::map);
    }

    @Transactional
    public Facility create(FacilityDraft draft, ChangeContext who) {
        FacilityDraft clean = validated(draft, "");
        Facility created = insert(clean, "manual");
        audit.record(who, ENTITY, String.valueOf(created.id()), "create", null, snapshot(created));
        return created;
    }

    @Transactional
    public Facility update(long id, FacilityDraft draft, String expectedTag, ChangeContext who) {
        Facility current = lock(id);
        if (!current.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, String.valueOf(id), expectedTag, current.versionTag());
        }
        FacilityDraft clean = validated(draft, "");
        jdbc.update(
                "update facility.facility set type = ?, name = ?, place_ref = ?, division_code = ?,"
                        + " geom = st_setsrid(st_geomfromwkb(?), 4490), operator = ?, beds = ?, nursing_beds = ?,"
                        + " floor_area_m2 = ?, land_area_m2 = ?, grave_capacity = ?, niche_capacity = ?,"
                        + " opened_on = ?, status = ?, published = ?, row_version = row_version + 1 where id = ?",
                values(clean, id));
        Facility updated = find(id).orElseThrow();
        audit.record(who, ENTITY, String.valueOf(id), "update", snapshot(current), snapshot(updated));
        return updated;
    }

    @Transactional
    public void delete(long id, String expectedTag, ChangeContext who) {
        Facility current = lock(id);
        if (!current.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, String.valueOf(id), expectedTag, current.versionTag());
        }
        jdbc.update("delete from facility.facility where id = ?", id);
        audit.record(who, ENTITY, String.valueOf(id), "delete", snapshot(current), null);
    }

    /**
     * Stores every row of an import or none: all rows are parsed and validated first, and every
     * problem is reported with its location (e.g. "第3行.beds" or "features[2].geometry").
     */
    @Transactional
    public List<Facility> importAll(FacilityImport.Parsed parsed, String source, ChangeContext who) {
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        List<FacilityDraft> clean = new ArrayList<>();
        for (FacilityImport.Row row : parsed.rows()) {
            try {
                clean.add(validated(row.draft(), row.location() + "."));
            } catch (ValidationException e) {
                problems.addAll(e.problems());
            }
        }
        if (parsed.rows().isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("file", "error.import.empty"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<Facility> created = new ArrayList<>();
        for (FacilityDraft d : clean) {
            Facility f = insert(d, source);
            audit.record(who, ENTITY, String.valueOf(f.id()), "import", null, snapshot(f));
            created.add(f);
        }
        return created;
    }

    public List<cn.mingjie.geocore.audit.AuditEvent> history(long id) {
        return audit.history(ENTITY, String.valueOf(id));
    }

    private Facility insert(FacilityDraft d, String source) {
        Object[] v = values(d, null);
        Object[] args = new Object[v.length];
        System.arraycopy(v, 0, args, 0, v.length - 1);
        args[v.length - 1] = source;
        Long id = jdbc.queryForObject(
                "insert into facility.facility (type, name, place_ref, division_code, geom, operator, beds,"
                        + " nursing_beds, floor_area_m2, land_area_m2, grave_capacity, niche_capacity, opened_on,"
                        + " status, published, source) values (?, ?, ?, ?, st_setsrid(st_geomfromwkb(?), 4490),"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class,
                args);
        return find(id).orElseThrow();
    }

    /** The column values in statement order, followed by {@code last} (the id of an update). */
    private static Object[] values(FacilityDraft d, Object last) {
        return new Object[] {
            d.type().name(),
            d.name(),
            d.placeRef(),
            d.divisionCode(),
            new WKBWriter().write(d.geometry()),
            d.operator(),
            d.beds(),
            d.nursingBeds(),
            d.floorAreaM2(),
            d.landAreaM2(),
            d.graveCapacity(),
            d.nicheCapacity(),
            d.openedOn(),
            d.status().name(),
            d.published(),
            last
        };
    }

    /** Checks a draft and returns it normalised (NFC text, defaults); {@code at} prefixes field names. */
    FacilityDraft validated(FacilityDraft d, String at) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.type() == null) {
            problems.add(new FieldProblem(at + "type", "error.facility.type.required"));
        }
        String name = d.name() == null ? "" : Text.nfc(d.name().strip());
        if (name.isEmpty()) {
            problems.add(new FieldProblem(at + "name", "error.name.required"));
        }
        String code = d.divisionCode() == null ? "" : d.divisionCode().strip();
        Optional<Division> division = Optional.empty();
        if (!code.matches("[0-9]{12}")) {
            problems.add(new FieldProblem(at + "divisionCode", "error.facility.division.format", code));
        } else {
            division = divisions.find(code, null);
            if (division.isEmpty()) {
                problems.add(new FieldProblem(at + "divisionCode", "error.facility.division.unknown", code));
            }
        }
        Geometry g = d.geometry();
        if (g == null || g.isEmpty()) {
            problems.add(new FieldProblem(at + "geometry", "error.facility.geometry.required"));
        } else if (!(g instanceof Point) && !(g instanceof Polygon || g instanceof MultiPolygon)) {
            problems.add(new FieldProblem(at + "geometry", "error.facility.geometry.kind", g.getGeometryType()));
        } else if (!(g instanceof Point) && d.type() != null && !d.type().allowsArea()) {
            problems.add(new FieldProblem(
                    at + "geometry",
                    "error.facility.geometry.point-only",
                    d.type().chineseName()));
        } else if (!g.isValid()) {
            problems.add(new FieldProblem(at + "geometry", "error.facility.geometry.invalid"));
        } else if (division.isPresent()) {
            outsideDistrict(g, code)
                    .ifPresent(district -> problems.add(
                            new FieldProblem(at + "geometry", "error.facility.geometry.outside", district)));
        }
        nonNegative(problems, at + "beds", d.beds());
        nonNegative(problems, at + "nursingBeds", d.nursingBeds());
        nonNegative(problems, at + "floorAreaM2", d.floorAreaM2());
        nonNegative(problems, at + "landAreaM2", d.landAreaM2());
        nonNegative(problems, at + "graveCapacity", d.graveCapacity());
        nonNegative(problems, at + "nicheCapacity", d.nicheCapacity());
        if (d.beds() != null && d.nursingBeds() != null && d.nursingBeds() > d.beds()) {
            problems.add(
                    new FieldProblem(at + "nursingBeds", "error.facility.nursing-beds", d.nursingBeds(), d.beds()));
        }
        if (d.type() != null && !d.type().isCemetery() && (d.graveCapacity() != null || d.nicheCapacity() != null)) {
            problems.add(new FieldProblem(at + "graveCapacity", "error.facility.capacity.cemetery-only"));
        }
        if (d.openedOn() != null && d.openedOn().isAfter(LocalDate.now().plusYears(10))) {
            problems.add(new FieldProblem(at + "openedOn", "error.facility.opened.far-future", d.openedOn()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        g.setSRID(4490);
        return new FacilityDraft(
                d.type(),
                name,
                blankToNull(d.placeRef()),
                code,
                g,
                blankToNull(d.operator()),
                d.beds(),
                d.nursingBeds(),
                d.floorAreaM2(),
                d.landAreaM2(),
                d.graveCapacity(),
                d.nicheCapacity(),
                d.openedOn(),
                d.status() == null ? FacilityStatus.OPERATING : d.status(),
                d.published() == null ? Boolean.TRUE : d.published());
    }

    /** The district's name when the geometry lies clearly outside it (often swapped lon/lat). */
    private Optional<String> outsideDistrict(Geometry g, String code) {
        String districtCode = code.substring(0, 6) + "000000";
        return divisions
                .find(districtCode, null)
                .filter(district -> district.geometry() != null
                        && !district.geometry().isWithinDistance(g, DISTRICT_TOLERANCE_DEGREES))
                .map(Division::name);
    }

    private static void nonNegative(List<FieldProblem> problems, String field, Number value) {
        if (value != null && value.doubleValue() < 0) {
            problems.add(new FieldProblem(field, "error.facility.negative", value));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : Text.nfc(s.strip());
    }

    private Facility lock(long id) {
        return jdbc
                .query("select " + COLUMNS + " from facility.facility where id = ? for update", this::map, id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    /** The audit record: all attributes, geometry as WKT. */
    static Map<String, Object> snapshot(Facility f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("type", f.type().name());
        m.put("name", f.name());
        m.put("placeRef", f.placeRef());
        m.put("divisionCode", f.divisionCode());
        m.put("geometry", f.geometry().toText());
        m.put("operator", f.operator());
        m.put("beds", f.beds());
        m.put("nursingBeds", f.nursingBeds());
        m.put("floorAreaM2", f.floorAreaM2());
        m.put("landAreaM2", f.landAreaM2());
        m.put("graveCapacity", f.graveCapacity());
        m.put("nicheCapacity", f.nicheCapacity());
        m.put("openedOn", f.openedOn());
        m.put("status", f.status().name());
        m.put("published", f.published());
        m.put("source", f.source());
        m.put("rowVersion", f.rowVersion());
        return m;
    }

    private Facility map(ResultSet rs, int row) throws SQLException {
        Geometry g;
        try {
            g = new WKBReader().read(rs.getBytes(6));
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        g.setSRID(4490);
        return new Facility(
                rs.getLong(1),
                FacilityType.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                g,
                rs.getString(7),
                (Integer) rs.getObject(8),
                (Integer) rs.getObject(9),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11),
                (Integer) rs.getObject(12),
                (Integer) rs.getObject(13),
                rs.getObject(14, LocalDate.class),
                FacilityStatus.valueOf(rs.getString(15)),
                rs.getBoolean(16),
                rs.getString(17),
                rs.getInt(18));
    }
}
