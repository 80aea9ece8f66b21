package cn.mingjie.geocore.division;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
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
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The division register in PostGIS: explicit SQL, geometry as WKB through JTS. */
@Repository
public class DivisionRegister {

    static final String ENTITY = "division";
    private static final String COLUMNS = "version_id, code, name, level, parent_code, valid_from, valid_to,"
            + " st_asbinary(geom), geom_source, st_asbinary(seat), seat_source, source, change_reason, row_version";
    private static final String NO_GEOMETRY_COLUMNS =
            "version_id, code, name, level, parent_code, valid_from, valid_to,"
                    + " null::bytea, geom_source, st_asbinary(seat), seat_source, source, change_reason, row_version";
    private static final String VALID_AT = " valid_from <= ? and (valid_to is null or valid_to > ?) ";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public DivisionRegister(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<Division> find(String code, LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        return jdbc
                .query(
                        "select " + COLUMNS + " from geo.division_version where code = ? and" + VALID_AT,
                        this::map,
                        code,
                        date,
                        date)
                .stream()
                .findFirst();
    }

    public Division get(String code, LocalDate asOf) {
        return find(code, asOf).orElseThrow(() -> new NotFoundException("division", code));
    }

    public List<Division> list(DivisionQuery q) {
        LocalDate date = q.asOf() == null ? LocalDate.now() : q.asOf();
        StringBuilder sql = new StringBuilder("select ")
                .append(q.withGeometry() ? COLUMNS : NO_GEOMETRY_COLUMNS)
                .append(" from geo.division_version where")
                .append(VALID_AT);
        List<Object> args = new ArrayList<>(List.of(date, date));
        if (q.parentCode() != null) {
            sql.append(" and parent_code = ?");
            args.add(q.parentCode());
        }
        if (q.level() != null) {
            sql.append(" and level = ?");
            args.add(q.level().number());
        }
        if (q.name() != null && !q.name().isBlank()) {
            sql.append(" and strpos(name, ?) > 0");
            args.add(Text.nfc(q.name().strip()));
        }
        sql.append(" order by code limit ? offset ?");
        args.add(q.limit());
        args.add(q.offset());
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    /** Every version of a code, oldest first. */
    public List<Division> history(String code) {
        List<Division> versions = jdbc.query(
                "select " + NO_GEOMETRY_COLUMNS + " from geo.division_version where code = ? order by valid_from",
                this::map,
                code);
        if (versions.isEmpty()) {
            throw new NotFoundException("division", code);
        }
        return versions;
    }

    /**
     * Renames a unit from {@code effectiveFrom}: the current version closes the day before and a new
     * version opens, keeping code, level, parent and geometry. {@code expectedTag} is the version tag
     * the editor saw; if the unit changed since, nothing is written.
     */
    @Transactional
    public Division rename(
            String code, String newName, LocalDate effectiveFrom, String expectedTag, ChangeContext who) {
        String name = Text.nfc(newName == null ? "" : newName.strip());
        if (name.isEmpty()) {
            throw ValidationException.of("name", "error.name.required");
        }
        if (effectiveFrom == null) {
            throw ValidationException.of("effectiveFrom", "error.date.required");
        }
        Division current = lockCurrent(code, () -> new NotFoundException("division", code));
        if (!current.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, code, expectedTag, current.versionTag());
        }
        if (!effectiveFrom.isAfter(current.validFrom())) {
            throw ValidationException.of("effectiveFrom", "error.date.not-after", current.validFrom());
        }
        if (current.name().equals(name)) {
            throw ValidationException.of("name", "error.name.unchanged", name);
        }
        Division renamed = supersede(current, effectiveFrom, name, current.parentCode(), who.reason());
        audit.record(who, ENTITY, code, "rename", snapshot(current), snapshot(renamed));
        return renamed;
    }

    /**
     * Establishes a new unit from {@code v.validFrom()} under an existing parent one level up. A code
     * may be reused only after its previous unit ceased.
     */
    @Transactional
    public Division establish(NewDivisionVersion v, ChangeContext who) {
        if (!DivisionCodes.isValid(v.code())) {
            throw ValidationException.of("code", "error.code.format", v.code());
        }
        String name = Text.nfc(v.name() == null ? "" : v.name().strip());
        if (name.isEmpty()) {
            throw ValidationException.of("name", "error.name.required");
        }
        if (v.validFrom() == null) {
            throw ValidationException.of("validFrom", "error.date.required");
        }
        if (find(v.code(), v.validFrom()).isPresent()
                || !jdbc.queryForList(
                                "select 1 from geo.division_version where code = ? and valid_from > ?",
                                v.code(),
                                v.validFrom())
                        .isEmpty()) {
            throw ValidationException.of("code", "error.code.in-use", v.code(), v.validFrom());
        }
        requireParent(v.code(), v.parentCode(), v.level(), v.validFrom(), "parentCode");
        long id = open(new NewDivisionVersion(
                v.code(), name, v.level(), v.parentCode(), v.validFrom(), "manual", who.reason()));
        Division created = versionById(id);
        audit.record(who, ENTITY, v.code(), "establish", null, snapshot(created));
        return created;
    }

    /**
     * Moves units to another parent from {@code effectiveFrom} (the children's side of a split or
     * merger, e.g. a street office giving up communities to a new one). Each child gets a new version;
     * all or none are moved.
     */
    @Transactional
    public List<Division> transfer(
            List<String> childCodes, String newParentCode, LocalDate effectiveFrom, ChangeContext who) {
        if (effectiveFrom == null) {
            throw ValidationException.of("effectiveFrom", "error.date.required");
        }
        if (childCodes == null || childCodes.isEmpty()) {
            throw ValidationException.of("children", "error.children.required");
        }
        Division parent = find(newParentCode, effectiveFrom)
                .orElseThrow(() -> ValidationException.of("parentCode", "error.parent.missing", newParentCode));
        List<Division> moved = new ArrayList<>();
        for (int i = 0; i < childCodes.size(); i++) {
            String field = "children/" + i;
            String childCode = childCodes.get(i);
            Division child =
                    lockCurrent(childCode, () -> ValidationException.of(field, "error.child.missing", childCode));
            if (child.level().number() != parent.level().number() + 1) {
                throw ValidationException.of(field, "error.parent.level", child.code(), parent.code());
            }
            if (newParentCode.equals(child.parentCode())) {
                throw ValidationException.of(field, "error.transfer.same-parent", child.code(), newParentCode);
            }
            if (!effectiveFrom.isAfter(child.validFrom())) {
                throw ValidationException.of("effectiveFrom", "error.date.not-after", child.validFrom());
            }
            Division after = supersede(child, effectiveFrom, child.name(), newParentCode, who.reason());
            audit.record(who, ENTITY, child.code(), "transfer", snapshot(child), snapshot(after));
            moved.add(after);
        }
        return moved;
    }

    /** Abolishes a unit from {@code effectiveFrom}; its children must have been moved first. */
    @Transactional
    public Division abolish(String code, LocalDate effectiveFrom, String expectedTag, ChangeContext who) {
        if (effectiveFrom == null) {
            throw ValidationException.of("effectiveFrom", "error.date.required");
        }
        Division current = lockCurrent(code, () -> new NotFoundException("division", code));
        if (!current.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, code, expectedTag, current.versionTag());
        }
        if (!effectiveFrom.isAfter(current.validFrom())) {
            throw ValidationException.of("effectiveFrom", "error.date.not-after", current.validFrom());
        }
        Integer children = jdbc.queryForObject(
                "select count(*) from geo.division_version where parent_code = ? and" + VALID_AT,
                Integer.class,
                code,
                effectiveFrom,
                effectiveFrom);
        if (children != null && children > 0) {
            throw ValidationException.of("code", "error.abolish.has-children", code, children);
        }
        jdbc.update(
                "update geo.division_version set valid_to = ?, change_reason = ?, row_version = row_version + 1"
                        + " where version_id = ?",
                effectiveFrom,
                who.reason(),
                current.versionId());
        Division closed = versionById(current.versionId());
        audit.record(who, ENTITY, code, "abolish", snapshot(current), snapshot(closed));
        return closed;
    }

    private void requireParent(String code, String parentCode, DivisionLevel level, LocalDate at, String field) {
        if (level == DivisionLevel.PROVINCE) {
            return;
        }
        Division parent = (parentCode == null ? Optional.<Division>empty() : find(parentCode, at))
                .orElseThrow(() -> ValidationException.of(field, "error.parent.missing", parentCode));
        if (parent.level().number() != level.number() - 1) {
            throw ValidationException.of(field, "error.parent.level", code, parentCode);
        }
    }

    // ---- used by loaders ------------------------------------------------------------------

    /** The current (open) version of each code, for loaders that compare editions. */
    public Map<String, Division> currentVersions() {
        Map<String, Division> byCode = new LinkedHashMap<>();
        jdbc.query(
                        "select " + NO_GEOMETRY_COLUMNS
                                + " from geo.division_version where valid_to is null order by code",
                        this::map)
                .forEach(d -> byCode.put(d.code(), d));
        return byCode;
    }

    public boolean anyVersionExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from geo.division_version where code = ?)", Boolean.class, code));
    }

    public long open(NewDivisionVersion v) {
        return jdbc.queryForObject(
                "insert into geo.division_version (code, name, level, parent_code, valid_from, source, change_reason)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning version_id",
                Long.class,
                v.code(),
                Text.nfc(v.name()),
                v.level().number(),
                v.parentCode(),
                v.validFrom(),
                v.source(),
                v.changeReason());
    }

    /** Opens many versions in one batch (edition loads). */
    public void openAll(List<NewDivisionVersion> versions) {
        jdbc.batchUpdate(
                "insert into geo.division_version (code, name, level, parent_code, valid_from, source, change_reason)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                versions,
                1000,
                (ps, v) -> {
                    ps.setString(1, v.code());
                    ps.setString(2, Text.nfc(v.name()));
                    ps.setInt(3, v.level().number());
                    ps.setString(4, v.parentCode());
                    ps.setObject(5, v.validFrom());
                    ps.setString(6, v.source());
                    ps.setString(7, v.changeReason());
                });
    }

    /** Ends a version: the unit ceased or changed on {@code validTo}. */
    public void close(long versionId, LocalDate validTo, String reason) {
        jdbc.update(
                "update geo.division_version set valid_to = ?, change_reason = coalesce(change_reason, ?),"
                        + " row_version = row_version + 1 where version_id = ?",
                validTo,
                reason,
                versionId);
    }

    /** Sets the polygon of the current version of a code (multi-polygon, EPSG:4490). */
    public void setCurrentGeometry(String code, MultiPolygon geometry, String source) {
        setCurrentShape(code, "geom", geometry, source);
    }

    public void setCurrentSeat(String code, Point seat, String source) {
        setCurrentShape(code, "seat", seat, source);
    }

    /** {@code column} is one of the two fixed names above, never user input; its source sits in {@code <column>_source}. */
    private void setCurrentShape(String code, String column, Geometry shape, String source) {
        jdbc.update(
                "update geo.division_version set " + column + " = st_setsrid(st_geomfromwkb(?), 4490), " + column
                        + "_source = ?, row_version = row_version + 1 where code = ? and valid_to is null",
                new WKBWriter().write(shape),
                source,
                code);
    }

    /**
     * Closes {@code current} on {@code from} and opens its successor with the given name and parent,
     * keeping code, level and geometry.
     */
    private Division supersede(Division current, LocalDate from, String name, String parentCode, String reason) {
        jdbc.update(
                "update geo.division_version set valid_to = ?, row_version = row_version + 1 where version_id = ?",
                from,
                current.versionId());
        Long id = jdbc.queryForObject(
                "insert into geo.division_version (code, name, level, parent_code, valid_from, geom, geom_source,"
                        + " seat, seat_source, source, change_reason)"
                        + " select code, ?, level, ?, ?, geom, geom_source, seat, seat_source, 'manual', ?"
                        + " from geo.division_version where version_id = ? returning version_id",
                Long.class,
                name,
                parentCode,
                from,
                reason,
                current.versionId());
        return versionById(id);
    }

    private Division lockCurrent(String code, Supplier<? extends RuntimeException> missing) {
        return jdbc
                .query(
                        "select " + COLUMNS
                                + " from geo.division_version where code = ? and valid_to is null for update",
                        this::map,
                        code)
                .stream()
                .findFirst()
                .orElseThrow(missing);
    }

    private Division versionById(long versionId) {
        return jdbc.queryForObject(
                "select " + COLUMNS + " from geo.division_version where version_id = ?", this::map, versionId);
    }

    /** The audit record of a version: everything but the geometry, which would bloat the history. */
    private static Map<String, Object> snapshot(Division d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("versionId", d.versionId());
        m.put("code", d.code());
        m.put("name", d.name());
        m.put("level", d.level().number());
        m.put("parentCode", d.parentCode());
        m.put("validFrom", d.validFrom());
        m.put("validTo", d.validTo());
        return m;
    }

    private Division map(ResultSet rs, int row) throws SQLException {
        return new Division(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                DivisionLevel.of(rs.getInt(4)),
                rs.getString(5),
                rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class),
                readGeometry(rs.getBytes(8)),
                rs.getString(9),
                (Point) readGeometry(rs.getBytes(10)),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getInt(14));
    }

    private static Geometry readGeometry(byte[] wkb) throws SQLException {
        if (wkb == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader().read(wkb);
            g.setSRID(4490);
            return g;
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
    }
}
