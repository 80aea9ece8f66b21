package cn.mingjie.gazetteer;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.romanization.Romanization;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.division.DivisionCodes;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The place-name register in PostGIS. Nothing is overwritten: a change of name or category, or a
 * large geometry change, closes the current version and opens a new one; a place that ends is
 * ceased (it was true once), a record that was wrong is deprecated. Administrative divisions are
 * places whose versions are read from geo.division_version and are changed only there.
 */
@Repository
public class PlaceRegister {

    public static final String ENTITY = "place";
    /** Hausdorff distance (degrees, ≈ 100 m) above which a geometry edit is a new version, not a correction. */
    public static final double LARGE_GEOMETRY_CHANGE_DEGREES = 0.001;

    static final Set<String> POSITION_METHODS = Set.of("surveyed", "map_reading", "imported", "unknown");
    static final Set<String> STATUSES = Set.of("standard", "recorded");
    private static final String COLUMNS = "place_id, version_tag, from_division, proper_name, generic_name, name,"
            + " romanization, short_name, aliases, category_code, division_code, meaning, origin, description,"
            + " naming_date, established_year, abolished_year, sources, position_method, st_asbinary(geom), status,"
            + " valid_from, valid_to, end_reason, change_reason, source, deprecated";
    private static final String VALID_AT = " valid_from <= ? and (valid_to is null or valid_to > ?) ";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final PlaceReadings readings;

    public PlaceRegister(JdbcTemplate jdbc, AuditLog audit, PlaceReadings readings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.readings = readings;
    }

    // ---- reading --------------------------------------------------------------------------

    /** The version valid at {@code asOf} (today when null); empty if the place did not exist then or is deprecated. */
    public Optional<PlaceVersion> find(long placeId, LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        return jdbc
                .query(
                        "select " + COLUMNS + " from gazetteer.place_version_all where place_id = ? and" + VALID_AT,
                        this::map,
                        placeId,
                        date,
                        date)
                .stream()
                .findFirst();
    }

    public PlaceVersion get(long placeId, LocalDate asOf) {
        return find(placeId, asOf).orElseThrow(() -> new NotFoundException(ENTITY, Long.toString(placeId)));
    }

    /** The place with every version, its historical names and its lineage. */
    public Place place(long placeId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select division_code, deprecated, deprecated_reason from gazetteer.place where place_id = ?", placeId);
        if (rows.isEmpty()) {
            throw new NotFoundException(ENTITY, Long.toString(placeId));
        }
        Map<String, Object> row = rows.get(0);
        List<PlaceVersion> versions = jdbc.query(
                "select " + COLUMNS + " from gazetteer.place_version_all where place_id = ? order by valid_from",
                this::map,
                placeId);
        List<HistoricalName> names = new ArrayList<>();
        PlaceVersion current =
                versions.stream().filter(PlaceVersion::isCurrent).findFirst().orElse(null);
        for (PlaceVersion v : versions) {
            boolean differs = current == null || !v.name().equals(current.name());
            if (!v.isCurrent()
                    && differs
                    && names.stream().noneMatch(n -> n.fromVersion() && n.name().equals(v.name()))) {
                names.add(new HistoricalName(
                        v.name(), v.romanization(), v.validFrom(), v.validTo(), v.changeReason(), v.source(), true));
            }
        }
        names.addAll(jdbc.query(
                "select name, romanization, valid_from, valid_to, note, source from gazetteer.historical_name"
                        + " where place_id = ? order by valid_from nulls first, id",
                (rs, i) -> new HistoricalName(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6),
                        false),
                placeId));
        List<Long> supersedes = jdbc.queryForList(
                "select from_place_id from gazetteer.place_link where to_place_id = ? order by 1", Long.class, placeId);
        List<Long> supersededBy = jdbc.queryForList(
                "select to_place_id from gazetteer.place_link where from_place_id = ? order by 1", Long.class, placeId);
        return new Place(
                placeId,
                (String) row.get("division_code"),
                (Boolean) row.get("deprecated"),
                (String) row.get("deprecated_reason"),
                versions,
                names,
                supersedes,
                supersededBy);
    }

    /** Places valid at the query date (deprecated records are left out). */
    public List<PlaceVersion> list(PlaceQuery q) {
        LocalDate date = q.asOf() == null ? LocalDate.now() : q.asOf();
        StringBuilder sql = new StringBuilder("select ")
                .append(COLUMNS)
                .append(" from gazetteer.place_version_all v where not deprecated and")
                .append(VALID_AT);
        List<Object> args = new ArrayList<>(List.of(date, date));
        if (q.name() != null && !q.name().isBlank()) {
            String name = Text.nfc(q.name().strip());
            if (q.includeHistorical()) {
                sql.append(" and (strpos(name, ?) > 0 or exists (select 1 from gazetteer.place_version_all o"
                        + " where o.place_id = v.place_id and strpos(o.name, ?) > 0)"
                        + " or exists (select 1 from gazetteer.historical_name h where h.place_id = v.place_id"
                        + " and strpos(h.name, ?) > 0) or exists (select 1 from unnest(v.aliases) a"
                        + " where strpos(a, ?) > 0))");
                args.addAll(List.of(name, name, name, name));
            } else {
                sql.append(" and strpos(name, ?) > 0");
                args.add(name);
            }
        }
        if (q.categoryCode() != null) {
            sql.append(" and category_code = ?");
            args.add(q.categoryCode());
        }
        if (q.division() != null) {
            sql.append(" and division_code like ?");
            args.add(DivisionPrefix.of(q.division()) + "%");
        }
        if (q.status() != null) {
            sql.append(" and status = ?");
            args.add(q.status());
        }
        sql.append(" order by division_code, name, place_id limit ? offset ?");
        args.add(q.limit());
        args.add(q.offset());
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    public List<Category> categories() {
        return jdbc.query(
                "select code, name, name_en, major_class, uniqueness_scope, basis from gazetteer.category order by code",
                (rs, i) -> new Category(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
    }

    /** The place id that stands for a division code, if the division is in the register. */
    public Optional<Long> placeOfDivision(String divisionCode) {
        return jdbc
                .queryForList(
                        "select place_id from gazetteer.place where division_code = ?",
                        Long.class,
                        DivisionCodes.toTwelveDigits(divisionCode))
                .stream()
                .findFirst();
    }

    // ---- writing --------------------------------------------------------------------------

    /** Registers a new place whose first version is valid from {@code validFrom}. */
    @Transactional
    public PlaceVersion create(PlaceDraft draft, LocalDate validFrom, String source, ChangeContext who) {
        PlaceDraft clean = validate(draft);
        if (validFrom == null) {
            throw ValidationException.of("validFrom", "error.date.required");
        }
        long placeId = jdbc.queryForObject("insert into gazetteer.place default values returning place_id", Long.class);
        insertVersion(placeId, clean, validFrom, source, who.reason());
        PlaceVersion created = get(placeId, validFrom);
        audit.record(who, ENTITY, Long.toString(placeId), "create", null, snapshot(created));
        return created;
    }

    /**
     * A new version from {@code effectiveFrom}: the current one closes with {@code endReason}
     * ("renamed" or "changed"). The earlier name stays findable as a historical name.
     */
    @Transactional
    public PlaceVersion revise(
            long placeId,
            PlaceDraft draft,
            LocalDate effectiveFrom,
            String endReason,
            String expectedTag,
            ChangeContext who) {
        if (!Set.of("renamed", "changed").contains(endReason)) {
            throw ValidationException.of("endReason", "error.place.end-reason", endReason);
        }
        PlaceVersion current = lockCurrent(placeId, expectedTag);
        PlaceDraft clean = validate(draft);
        if (effectiveFrom == null) {
            throw ValidationException.of("effectiveFrom", "error.date.required");
        }
        if (!effectiveFrom.isAfter(current.validFrom())) {
            throw ValidationException.of("effectiveFrom", "error.date.not-after", current.validFrom());
        }
        if ("renamed".equals(endReason) && current.name().equals(clean.name())) {
            throw ValidationException.of("properName", "error.name.unchanged", clean.name());
        }
        closeVersion(current, effectiveFrom, endReason);
        insertVersion(placeId, clean, effectiveFrom, "manual", who.reason());
        PlaceVersion next = get(placeId, effectiveFrom);
        audit.record(
                who,
                ENTITY,
                Long.toString(placeId),
                endReason.equals("renamed") ? "rename" : "revise",
                snapshot(current),
                snapshot(next));
        return next;
    }

    /**
     * Corrects the current version in place (a typo in the description, a better point). Changing
     * the name or category, or moving the geometry by more than {@link #LARGE_GEOMETRY_CHANGE_DEGREES},
     * is a new version and refused here.
     */
    @Transactional
    public PlaceVersion correct(long placeId, PlaceDraft draft, String expectedTag, ChangeContext who) {
        PlaceVersion current = lockCurrent(placeId, expectedTag);
        PlaceDraft clean = validate(draft);
        List<FieldProblem> problems = new ArrayList<>();
        if (!current.name().equals(clean.name())) {
            problems.add(new FieldProblem("properName", "error.place.correct-name"));
        }
        if (!current.categoryCode().equals(clean.categoryCode())) {
            problems.add(new FieldProblem("categoryCode", "error.place.correct-category"));
        }
        if (current.geometry() != null
                && clean.geometry() != null
                && DiscreteHausdorffDistance.distance(current.geometry(), clean.geometry())
                        > LARGE_GEOMETRY_CHANGE_DEGREES) {
            problems.add(new FieldProblem("geometry", "error.place.correct-geometry"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long versionId = Long.parseLong(current.versionTag().substring(1).split("\\.")[0]);
        jdbc.update(
                "update gazetteer.place_version set romanization = ?, short_name = ?, aliases = ?, division_code = ?,"
                        + " meaning = ?, origin = ?, description = ?, naming_date = ?, established_year = ?,"
                        + " abolished_year = ?, sources = ?, position_method = ?,"
                        + " geom = st_setsrid(st_geomfromwkb(?), 4490), status = ?, change_reason = ?,"
                        + " row_version = row_version + 1 where version_id = ?",
                ps -> {
                    ps.setString(1, clean.romanization());
                    ps.setString(2, clean.shortName());
                    ps.setArray(
                            3,
                            ps.getConnection()
                                    .createArrayOf("text", clean.aliases().toArray()));
                    ps.setString(4, clean.divisionCode());
                    ps.setString(5, clean.meaning());
                    ps.setString(6, clean.origin());
                    ps.setString(7, clean.description());
                    ps.setObject(8, clean.namingDate());
                    ps.setObject(9, clean.establishedYear());
                    ps.setObject(10, clean.abolishedYear());
                    ps.setString(11, clean.sources());
                    ps.setString(12, clean.positionMethod());
                    ps.setBytes(13, clean.geometry() == null ? null : new WKBWriter().write(clean.geometry()));
                    ps.setString(14, clean.status());
                    ps.setString(15, who.reason());
                    ps.setLong(16, versionId);
                });
        PlaceVersion corrected = get(placeId, current.validFrom());
        audit.record(who, ENTITY, Long.toString(placeId), "correct", snapshot(current), snapshot(corrected));
        return corrected;
    }

    /** The place ceased on {@code on} (it was true until then; its names stay historical). */
    @Transactional
    public PlaceVersion cease(long placeId, LocalDate on, String expectedTag, ChangeContext who) {
        PlaceVersion current = lockCurrent(placeId, expectedTag);
        if (on == null) {
            throw ValidationException.of("effectiveFrom", "error.date.required");
        }
        if (!on.isAfter(current.validFrom())) {
            throw ValidationException.of("effectiveFrom", "error.date.not-after", current.validFrom());
        }
        closeVersion(current, on, "ceased");
        PlaceVersion closed = jdbc.queryForObject(
                "select " + COLUMNS + " from gazetteer.place_version_all where place_id = ? and valid_to = ?",
                this::map,
                placeId,
                on);
        audit.record(who, ENTITY, Long.toString(placeId), "cease", snapshot(current), snapshot(closed));
        return closed;
    }

    /**
     * Marks a record as wrong from the start; optionally names the record that replaces it. {@code
     * expectedTag} is the tag of the place's latest version.
     */
    @Transactional
    public Place deprecate(long placeId, String reason, Long replacedBy, String expectedTag, ChangeContext who) {
        Place before = place(placeId);
        String currentTag = before.versions().isEmpty()
                ? null
                : before.versions().get(before.versions().size() - 1).versionTag();
        if (currentTag != null && !currentTag.equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, Long.toString(placeId), expectedTag, currentTag);
        }
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "error.reason.required");
        }
        if (before.deprecated()) {
            throw ValidationException.of("placeId", "error.place.already-deprecated", placeId);
        }
        if (replacedBy != null) {
            place(replacedBy);
            jdbc.update(
                    "insert into gazetteer.place_link (from_place_id, to_place_id, on_date, note) values (?, ?, ?, ?)",
                    placeId,
                    replacedBy,
                    LocalDate.now(),
                    "deprecated");
        }
        jdbc.update(
                "update gazetteer.place set deprecated = true, deprecated_reason = ?, row_version = row_version + 1"
                        + " where place_id = ?",
                Text.nfc(reason.strip()),
                placeId);
        Place after = place(placeId);
        audit.record(
                who,
                ENTITY,
                Long.toString(placeId),
                "deprecate",
                Map.of("deprecated", false),
                Map.of("deprecated", true, "reason", after.deprecatedReason()));
        return after;
    }

    /**
     * Lineage for a split, merger or replacement: each of {@code older} is superseded by {@code
     * newer} from {@code on}; an older record still open ends there with "superseded".
     */
    @Transactional
    public void supersede(List<Long> older, long newer, LocalDate on, ChangeContext who) {
        place(newer);
        for (long id : older) {
            Place old = place(id);
            PlaceVersion open = old.current();
            if (open != null && !open.fromDivision()) {
                if (!on.isAfter(open.validFrom())) {
                    throw ValidationException.of("effectiveFrom", "error.date.not-after", open.validFrom());
                }
                closeVersion(open, on, "superseded");
            }
            jdbc.update(
                    "insert into gazetteer.place_link (from_place_id, to_place_id, on_date, note) values (?, ?, ?, ?)",
                    id,
                    newer,
                    on,
                    who.reason());
            audit.record(who, ENTITY, Long.toString(id), "superseded", null, Map.of("supersededBy", newer, "on", on));
        }
    }

    @Transactional
    public void addHistoricalName(long placeId, HistoricalName name, ChangeContext who) {
        place(placeId);
        if (name.name() == null || name.name().isBlank()) {
            throw ValidationException.of("name", "error.name.required");
        }
        if (name.source() == null || name.source().isBlank()) {
            throw ValidationException.of("source", "error.place.source-required");
        }
        jdbc.update(
                "insert into gazetteer.historical_name (place_id, name, romanization, valid_from, valid_to, note,"
                        + " source) values (?, ?, ?, ?, ?, ?, ?)",
                placeId,
                Text.nfc(name.name().strip()),
                Text.nfc(name.romanization()),
                name.validFrom(),
                name.validTo(),
                Text.nfc(name.note()),
                Text.nfc(name.source()));
        audit.record(who, ENTITY, Long.toString(placeId), "historical-name", null, name);
    }

    /** Records that another gazetteer's {@code scheme}:{@code externalId} is this place (idempotent). */
    public void linkExternal(long placeId, String scheme, String externalId, List<String> names) {
        jdbc.update(
                "insert into gazetteer.external_id (scheme, external_id, place_id, names) values (?, ?, ?, ?)"
                        + " on conflict (scheme, external_id) do nothing",
                ps -> {
                    ps.setString(1, scheme);
                    ps.setString(2, externalId);
                    ps.setLong(3, placeId);
                    ps.setArray(4, ps.getConnection().createArrayOf("text", names.toArray()));
                });
    }

    /** "scheme:id" of every concordance of a place. */
    public List<String> externalIds(long placeId) {
        return jdbc.queryForList(
                "select scheme || ':' || external_id from gazetteer.external_id where place_id = ? order by 1",
                String.class,
                placeId);
    }

    /** Links every division code not yet in the register as a place (loaders; idempotent). */
    @Transactional
    public int registerDivisions() {
        return jdbc.update("insert into gazetteer.place (division_code) select distinct code from geo.division_version"
                + " where level <> 2 and code not in (select division_code from gazetteer.place"
                + " where division_code is not null)");
    }

    // ---- internals ------------------------------------------------------------------------

    private PlaceVersion lockCurrent(long placeId, String expectedTag) {
        Place place = place(placeId);
        if (place.divisionCode() != null) {
            throw ValidationException.of("placeId", "error.place.division-managed", place.divisionCode());
        }
        if (place.deprecated()) {
            throw ValidationException.of("placeId", "error.place.already-deprecated", placeId);
        }
        jdbc.query(
                "select 1 from gazetteer.place_version where place_id = ? and valid_to is null for update",
                rs -> {},
                placeId);
        PlaceVersion current = place.current();
        if (current == null) {
            throw ValidationException.of("placeId", "error.place.ceased", placeId);
        }
        PlaceVersion fresh = get(placeId, current.validFrom());
        if (!fresh.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, Long.toString(placeId), expectedTag, fresh.versionTag());
        }
        return fresh;
    }

    private void closeVersion(PlaceVersion v, LocalDate validTo, String endReason) {
        long versionId = Long.parseLong(v.versionTag().substring(1).split("\\.")[0]);
        jdbc.update(
                "update gazetteer.place_version set valid_to = ?, end_reason = ?, row_version = row_version + 1"
                        + " where version_id = ?",
                validTo,
                endReason,
                versionId);
    }

    /** Inserts one version; the caller has validated the draft. */
    void insertVersion(long placeId, PlaceDraft d, LocalDate validFrom, String source, String reason) {
        jdbc.update(
                "insert into gazetteer.place_version (place_id, proper_name, generic_name, romanization, short_name,"
                        + " aliases, category_code, division_code, meaning, origin, description, naming_date,"
                        + " established_year, abolished_year, sources, position_method, geom, status, valid_from,"
                        + " change_reason, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " st_setsrid(st_geomfromwkb(?), 4490), ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, placeId);
                    ps.setString(2, d.properName());
                    ps.setString(3, d.genericName());
                    ps.setString(4, d.romanization());
                    ps.setString(5, d.shortName());
                    ps.setArray(
                            6,
                            ps.getConnection().createArrayOf("text", d.aliases().toArray()));
                    ps.setString(7, d.categoryCode());
                    ps.setString(8, d.divisionCode());
                    ps.setString(9, d.meaning());
                    ps.setString(10, d.origin());
                    ps.setString(11, d.description());
                    ps.setObject(12, d.namingDate());
                    ps.setObject(13, d.establishedYear());
                    ps.setObject(14, d.abolishedYear());
                    ps.setString(15, d.sources());
                    ps.setString(16, d.positionMethod());
                    ps.setBytes(17, d.geometry() == null ? null : new WKBWriter().write(d.geometry()));
                    ps.setString(18, d.status());
                    ps.setObject(19, validFrom);
                    ps.setString(20, reason);
                    ps.setString(21, source);
                });
    }

    /** Checks the census form's rules and returns the draft in NFC with defaults filled in. */
    public PlaceDraft validate(PlaceDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        String proper = clean(d.properName());
        String generic = Objects.requireNonNullElse(clean(d.genericName()), "");
        if (proper == null) {
            problems.add(new FieldProblem("properName", "error.name.required"));
        }
        String status = d.status() == null ? "recorded" : d.status();
        if (!STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "error.place.status", status));
        }
        String category = d.categoryCode();
        if (category == null
                || !Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from gazetteer.category where code = ?)", Boolean.class, category))) {
            problems.add(new FieldProblem("categoryCode", "error.place.category", category));
        }
        String division = d.divisionCode();
        if (division == null || !DivisionCodes.isValid(division)) {
            problems.add(new FieldProblem("divisionCode", "error.code.format", division));
        } else if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from geo.division_version where code = ?)", Boolean.class, division))) {
            problems.add(new FieldProblem("divisionCode", "error.place.division-unknown", division));
        }
        String meaning = clean(d.meaning());
        String origin = clean(d.origin());
        String description = clean(d.description());
        if ("standard".equals(status)) {
            // 地名含义、历史沿革、地理实体描述 are mandatory for a standard name.
            if (meaning == null) problems.add(new FieldProblem("meaning", "error.place.standard-needs", "地名含义"));
            if (origin == null) problems.add(new FieldProblem("origin", "error.place.standard-needs", "历史沿革"));
            if (description == null) {
                problems.add(new FieldProblem("description", "error.place.standard-needs", "地理实体描述"));
            }
        }
        String method = d.positionMethod() == null ? "unknown" : d.positionMethod();
        if (!POSITION_METHODS.contains(method)) {
            problems.add(new FieldProblem("positionMethod", "error.place.position-method", method));
        }
        Geometry g = d.geometry();
        if (g != null) {
            if (!Set.of("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon")
                    .contains(g.getGeometryType())) {
                problems.add(new FieldProblem("geometry", "error.place.geometry-type", g.getGeometryType()));
            } else if (!g.isValid()) {
                problems.add(new FieldProblem("geometry", "error.place.geometry-invalid"));
            } else if (!insideLonLatRange(g)) {
                problems.add(new FieldProblem("geometry", "error.place.geometry-range"));
            }
        }
        if (d.establishedYear() != null && d.abolishedYear() != null && d.abolishedYear() < d.establishedYear()) {
            problems.add(new FieldProblem("abolishedYear", "error.place.years"));
        }
        String romanization = proper == null ? null : romanization(proper + generic, clean(d.romanization()), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<String> aliases = d.aliases() == null
                ? List.of()
                : d.aliases().stream()
                        .map(PlaceRegister::clean)
                        .filter(Objects::nonNull)
                        .toList();
        return new PlaceDraft(
                proper,
                generic,
                romanization,
                clean(d.shortName()),
                aliases,
                category,
                division,
                meaning,
                origin,
                description,
                d.namingDate(),
                d.establishedYear(),
                d.abolishedYear(),
                clean(d.sources()),
                method,
                g,
                status);
    }

    /**
     * The romanization of a name is the romanizer's (GB/T 16159 with the office's reading dictionary),
     * one romanizer for the whole system: a blank one is generated; a given one is accepted when it is
     * the generated spelling with or without tone marks (case and spacing aside), or — for a name with an
     * undecided reading — one of the other possible spellings, and stored in that canonical form.
     * Anything else is refused with the expected spelling: the office fixes a reading in the dictionary,
     * not name by name.
     */
    private String romanization(String name, String given, List<FieldProblem> problems) {
        Romanization r = readings.romanizer().romanize(name);
        if (given == null) {
            return r.text();
        }
        List<String> accepted = new ArrayList<>(List.of(r.text(), r.toned()));
        if (r.ambiguous()) {
            accepted.addAll(r.alternatives());
        }
        for (String spelling : accepted) {
            if (spellingKey(spelling).equals(spellingKey(given))) {
                return spelling;
            }
        }
        problems.add(new FieldProblem("romanization", "error.place.romanization", given, r.text()));
        return null;
    }

    private static String spellingKey(String s) {
        return s.replaceAll("[\\s\u00a0]+", " ")
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace('’', '\'');
    }

    /** CGCS2000 lon/lat: a point outside China's extent usually means swapped or projected coordinates. */
    private static boolean insideLonLatRange(Geometry g) {
        var e = g.getEnvelopeInternal();
        return e.getMinX() >= 73 && e.getMaxX() <= 136 && e.getMinY() >= 3 && e.getMaxY() <= 54;
    }

    private static String clean(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return Text.nfc(s.strip());
    }

    /** The audit record of a version: everything but the geometry, which would bloat the history. */
    static Map<String, Object> snapshot(PlaceVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("versionTag", v.versionTag());
        m.put("name", v.name());
        m.put("properName", v.properName());
        m.put("genericName", v.genericName());
        m.put("categoryCode", v.categoryCode());
        m.put("divisionCode", v.divisionCode());
        m.put("status", v.status());
        m.put("validFrom", v.validFrom());
        m.put("validTo", v.validTo());
        m.put("endReason", v.endReason());
        m.put("geometryType", v.geometry() == null ? null : v.geometry().getGeometryType());
        return m;
    }

    private PlaceVersion map(ResultSet rs, int row) throws SQLException {
        Array aliases = rs.getArray(9);
        boolean fromDivision = rs.getBoolean(3);
        String[] split =
                fromDivision ? GenericNames.split(rs.getString(6)) : new String[] {rs.getString(4), rs.getString(5)};
        // A division's romanization is derived on reading like its 专名/通名 split, never stored.
        String romanization =
                fromDivision ? readings.romanizer().romanize(rs.getString(6)).text() : rs.getString(7);
        return new PlaceVersion(
                rs.getLong(1),
                rs.getString(2),
                fromDivision,
                split[0],
                split[1],
                rs.getString(6),
                romanization,
                rs.getString(8),
                aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray()),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getObject(15, LocalDate.class),
                (Integer) rs.getObject(16),
                (Integer) rs.getObject(17),
                rs.getString(18),
                rs.getString(19),
                readGeometry(rs.getBytes(20)),
                rs.getString(21),
                rs.getObject(22, LocalDate.class),
                rs.getObject(23, LocalDate.class),
                rs.getString(24),
                rs.getString(25),
                rs.getString(26),
                rs.getBoolean(27));
    }

    static Geometry readGeometry(byte[] wkb) throws SQLException {
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
