package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Wkb;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import cn.mingjie.geocore.media.ImageType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marker register. Markers enter, move, retire and are rebuilt only through an approved joint
 * application ({@link MarkerChange}); surveys and condition reports are recorded but never move the
 * recorded position — an illegal move has no legal effect until a re-survey is approved.
 */
@Service
public class MarkerRegister {

    static final String ENTITY = "boundary-marker";
    static final String CHANGE_ENTITY = "boundary-marker-change";
    private static final String COLUMNS = "id, line_id, number, sequence, marker_type, material, st_asbinary(geom),"
            + " elevation_m, installed_on, responsible_code, condition, retired, row_version, location_description";
    private static final String CHANGE_COLUMNS = "select id, line_id, marker_id, kind, proposed::text,"
            + " applicant_sides::text, reason, status, applied_by, applied_at, decided_by, decision_ref, finding_id,"
            + " row_version from boundary.marker_change";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final BoundaryLines lines;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public MarkerRegister(JdbcTemplate jdbc, AuditLog audit, BoundaryLines lines) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lines = lines;
    }

    public List<Marker> list(long lineId) {
        return jdbc.query(
                "select " + COLUMNS + " from boundary.marker where line_id = ? order by sequence, marker_type",
                this::map,
                lineId);
    }

    public Marker get(long id) {
        return jdbc.query("select " + COLUMNS + " from boundary.marker where id = ?", this::map, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    // ---- joint applications -------------------------------------------------------------------

    @Transactional
    public MarkerChange apply(
            long lineId,
            Long markerId,
            String kind,
            MarkerChange.Proposal proposal,
            List<MarkerChange.Applicant> applicants,
            ChangeContext who) {
        return apply(lineId, markerId, kind, proposal, applicants, null, who);
    }

    /** As {@link #apply}, for a move that re-surveys a marker from an inspection finding ({@link Resurveys}). */
    @Transactional
    MarkerChange apply(
            long lineId,
            Long markerId,
            String kind,
            MarkerChange.Proposal proposal,
            List<MarkerChange.Applicant> applicants,
            Long findingId,
            ChangeContext who) {
        BoundaryLine line = lines.get(lineId);
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null || !List.of("add", "move", "retire", "rebuild").contains(kind)) {
            throw ValidationException.of("kind", "error.boundary.change-kind", kind);
        }
        Set<String> sides = new HashSet<>();
        for (MarkerChange.Applicant a : applicants == null ? List.<MarkerChange.Applicant>of() : applicants) {
            if (a.signatory() != null && !a.signatory().isBlank()) {
                sides.add(a.divisionCode());
            }
        }
        if (!sides.containsAll(line.parties())) {
            problems.add(new FieldProblem("applicants", "error.boundary.joint-application", line.parties()));
        }
        if (lines.openDisputes(lineId) > 0) {
            problems.add(new FieldProblem("lineId", "error.boundary.frozen-by-dispute", line.code()));
        }
        MarkerChange.Proposal p = proposal == null
                ? new MarkerChange.Proposal(null, null, null, null, null, null, null, null, null)
                : proposal;
        if (kind.equals("add")) {
            if (markerId != null) {
                problems.add(new FieldProblem("markerId", "error.boundary.add-has-marker"));
            }
            if (p.sequence() == null || p.sequence() < 1 || p.sequence() > 999) {
                problems.add(new FieldProblem("proposed/sequence", "error.boundary.sequence", p.sequence()));
            }
            if (p.type() == null || "QABCDE".indexOf(p.type()) < 0) {
                problems.add(new FieldProblem("proposed/type", "error.boundary.marker-type", p.type()));
            }
            if (p.sequence() != null && p.type() != null && numberTaken(line.code(), p.sequence(), p.type())) {
                problems.add(new FieldProblem(
                        "proposed/sequence", "error.boundary.number-taken", number(line, p.sequence(), p.type())));
            }
        } else {
            if (markerId == null) {
                problems.add(new FieldProblem("markerId", "error.boundary.marker-required"));
            } else if (get(markerId).lineId() != lineId) {
                problems.add(new FieldProblem("markerId", "error.boundary.marker-other-line", markerId));
            }
        }
        if (kind.equals("add") || kind.equals("move")) {
            checkPosition(p.lon(), p.lat(), problems);
        }
        checkReferences(p.references(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Long id = jdbc.queryForObject(
                "insert into boundary.marker_change (line_id, marker_id, kind, proposed, applicant_sides, reason,"
                        + " applied_by, finding_id) values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) returning id",
                Long.class,
                lineId,
                markerId,
                kind,
                write(p),
                write(applicants),
                who.reason(),
                who.actor(),
                findingId);
        MarkerChange change = change(id);
        audit.record(who, CHANGE_ENTITY, String.valueOf(id), "apply", null, change);
        return change;
    }

    public MarkerChange change(long id) {
        return jdbc.query(CHANGE_COLUMNS + " where id = ?", this::mapChange, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(CHANGE_ENTITY, String.valueOf(id)));
    }

    public List<MarkerChange> changes(long lineId) {
        return jdbc.query(CHANGE_COLUMNS + " where line_id = ? order by id", this::mapChange, lineId);
    }

    /** Approves a pending application and applies it to the register; returns the marker as it now is. */
    @Transactional
    public Marker approve(long changeId, String decisionRef, String expectedTag, ChangeContext who) {
        MarkerChange change = decide(changeId, decisionRef, expectedTag, "approved", who);
        BoundaryLine line = lines.get(change.lineId());
        if (lines.openDisputes(line.id()) > 0) {
            throw ValidationException.of("lineId", "error.boundary.frozen-by-dispute", line.code());
        }
        MarkerChange.Proposal p = change.proposed();
        long markerId;
        Marker before = change.markerId() == null ? null : get(change.markerId());
        switch (change.kind()) {
            case "add" -> {
                markerId = jdbc.queryForObject(
                        "insert into boundary.marker (line_id, number, sequence, marker_type, material, geom,"
                                + " elevation_m, installed_on, responsible_code, condition)"
                                + " values (?, ?, ?, ?, ?, st_setsrid(st_makepoint(?, ?), 4490), ?, ?, ?, '新设')"
                                + " returning id",
                        Long.class,
                        line.id(),
                        number(line, p.sequence(), p.type()),
                        p.sequence(),
                        String.valueOf(p.type()),
                        Text.nfc(p.material()),
                        p.lon(),
                        p.lat(),
                        p.elevation(),
                        p.installedOn(),
                        p.responsibleCode());
                writeReferences(markerId, p.references());
                conditionEntry(
                        markerId,
                        "新设",
                        p.installedOn() == null ? LocalDate.now() : p.installedOn(),
                        "approved change " + changeId,
                        who);
            }
            case "move" -> {
                markerId = change.markerId();
                jdbc.update(
                        "update boundary.marker set geom = st_setsrid(st_makepoint(?, ?), 4490),"
                                + " elevation_m = coalesce(?, elevation_m), row_version = row_version + 1 where id = ?",
                        p.lon(),
                        p.lat(),
                        p.elevation(),
                        markerId);
                conditionEntry(
                        markerId,
                        "完好",
                        LocalDate.now(),
                        "moved by approved change " + changeId
                                + (change.findingId() == null
                                        ? ""
                                        : " (re-survey from inspection finding " + change.findingId() + ")"),
                        who);
            }
            case "retire" -> {
                markerId = change.markerId();
                jdbc.update(
                        "update boundary.marker set retired = true, condition = '撤销', row_version = row_version + 1"
                                + " where id = ?",
                        markerId);
                conditionEntry(markerId, "撤销", LocalDate.now(), "retired by approved change " + changeId, who);
            }
            default -> { // rebuild: same number, optionally a new position and material
                markerId = change.markerId();
                jdbc.update(
                        "update boundary.marker set geom = coalesce(st_setsrid(st_makepoint(?, ?), 4490), geom),"
                                + " material = coalesce(?, material), installed_on = coalesce(?, installed_on),"
                                + " condition = '重建', retired = false, row_version = row_version + 1 where id = ?",
                        p.lon(),
                        p.lat(),
                        Text.nfc(p.material()),
                        p.installedOn(),
                        markerId);
                conditionEntry(markerId, "重建", LocalDate.now(), "rebuilt by approved change " + changeId, who);
            }
        }
        if (!change.kind().equals("add") && p.references() != null) {
            writeReferences(markerId, p.references());
        }
        Marker after = get(markerId);
        audit.record(who, ENTITY, String.valueOf(markerId), change.kind(), snapshot(before), snapshot(after));
        return after;
    }

    @Transactional
    public MarkerChange reject(long changeId, String decisionRef, String expectedTag, ChangeContext who) {
        decide(changeId, decisionRef, expectedTag, "rejected", who);
        return change(changeId);
    }

    private MarkerChange decide(
            long changeId, String decisionRef, String expectedTag, String status, ChangeContext who) {
        jdbc.query("select id from boundary.marker_change where id = ? for update", (rs, i) -> 1, changeId);
        MarkerChange change = change(changeId);
        if (!change.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(
                    CHANGE_ENTITY, String.valueOf(changeId), expectedTag, change.versionTag());
        }
        if (!change.status().equals("pending")) {
            throw ValidationException.of("status", "error.boundary.change-decided", change.status());
        }
        jdbc.update(
                "update boundary.marker_change set status = ?, decided_by = ?, decided_at = now(), decision_ref = ?,"
                        + " row_version = row_version + 1 where id = ?",
                status,
                who.actor(),
                Text.nfc(decisionRef),
                changeId);
        audit.record(who, CHANGE_ENTITY, String.valueOf(changeId), status, change, change(changeId));
        return change;
    }

    // ---- condition, surveys, attributes, photos -------------------------------------------------

    /**
     * Records a condition seen on the ground. A marker found moved (移位) keeps its recorded position:
     * the move has no legal effect until a re-survey (a "move" change) is approved.
     */
    @Transactional
    public Marker recordCondition(
            long markerId, String condition, LocalDate observedOn, String note, String expectedTag, ChangeContext who) {
        Marker before = lockAndCheck(markerId, expectedTag);
        if (condition == null || !Marker.CONDITIONS.contains(condition)) {
            throw ValidationException.of("condition", "error.boundary.condition", condition, Marker.CONDITIONS);
        }
        if (observedOn == null) {
            throw ValidationException.of("observedOn", "error.date.required");
        }
        jdbc.update(
                "update boundary.marker set condition = ?, row_version = row_version + 1 where id = ?",
                condition,
                markerId);
        conditionEntry(markerId, condition, observedOn, note, who);
        Marker after = get(markerId);
        audit.record(who, ENTITY, String.valueOf(markerId), "condition", snapshot(before), snapshot(after));
        return after;
    }

    public record ConditionEntry(String condition, LocalDate observedOn, String note, String actor) {}

    public List<ConditionEntry> conditionHistory(long markerId) {
        return jdbc.query(
                "select condition, observed_on, note, actor from boundary.marker_condition where marker_id = ?"
                        + " order by observed_on, id",
                (rs, i) -> new ConditionEntry(
                        rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)),
                markerId);
    }

    @Transactional
    public MarkerSurvey addSurvey(
            long markerId,
            LocalDate surveyedOn,
            double lon,
            double lat,
            Double elevation,
            double accuracy,
            String method,
            String source,
            ChangeContext who) {
        get(markerId);
        List<FieldProblem> problems = new ArrayList<>();
        checkPosition(lon, lat, problems);
        if (!(accuracy > 0)) {
            problems.add(new FieldProblem("accuracy", "error.boundary.accuracy", accuracy));
        }
        if (surveyedOn == null) {
            problems.add(new FieldProblem("surveyedOn", "error.date.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Long id = jdbc.queryForObject(
                "insert into boundary.marker_survey (marker_id, surveyed_on, geom, elevation_m, accuracy_m, method,"
                        + " source) values (?, ?, st_setsrid(st_makepoint(?, ?), 4490), ?, ?, ?, ?) returning id",
                Long.class,
                markerId,
                surveyedOn,
                lon,
                lat,
                elevation,
                accuracy,
                method == null ? "unknown" : Text.nfc(method),
                Text.nfc(source));
        MarkerSurvey survey =
                surveys(markerId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        audit.record(who, ENTITY, String.valueOf(markerId), "survey", null, surveyRecord(survey));
        return survey;
    }

    public List<MarkerSurvey> surveys(long markerId) {
        return jdbc.query(
                "select id, marker_id, surveyed_on, st_asbinary(geom), elevation_m, accuracy_m, method, source"
                        + " from boundary.marker_survey where marker_id = ? order by surveyed_on, id",
                (rs, i) -> new MarkerSurvey(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        Wkb.read(rs, 4),
                        (Double) rs.getObject(5),
                        rs.getDouble(6),
                        rs.getString(7),
                        rs.getString(8)),
                markerId);
    }

    /** Attributes that are not the marker's identity or position. */
    public record Attributes(
            String material,
            Double elevation,
            LocalDate installedOn,
            String responsibleCode,
            List<ReferenceObject> references,
            String locationDescription) {}

    @Transactional
    public Marker updateAttributes(long markerId, Attributes change, String expectedTag, ChangeContext who) {
        Marker before = lockAndCheck(markerId, expectedTag);
        List<FieldProblem> problems = new ArrayList<>();
        checkReferences(change.references(), problems);
        if (change.responsibleCode() != null
                && !lines.get(before.lineId()).parties().contains(change.responsibleCode())) {
            problems.add(new FieldProblem("responsibleCode", "error.boundary.not-a-party", change.responsibleCode()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.update(
                "update boundary.marker set material = coalesce(?, material), elevation_m = coalesce(?, elevation_m),"
                        + " installed_on = coalesce(?, installed_on), responsible_code = coalesce(?, responsible_code),"
                        + " location_description = coalesce(?, location_description),"
                        + " row_version = row_version + 1 where id = ?",
                Text.nfc(change.material()),
                change.elevation(),
                change.installedOn(),
                change.responsibleCode(),
                Text.nfc(change.locationDescription()),
                markerId);
        if (change.references() != null) {
            writeReferences(markerId, change.references());
        }
        Marker after = get(markerId);
        audit.record(who, ENTITY, String.valueOf(markerId), "update", snapshot(before), snapshot(after));
        return after;
    }

    public record Photo(
            long id,
            Long markerId,
            Long findingId,
            String contentType,
            String caption,
            Double lon,
            Double lat,
            String uploadedBy,
            OffsetDateTime uploadedAt) {}

    /**
     * Stores a photo's bytes in the database (they back up and restore with the records they document). Its
     * type is read from the bytes: a declared type is the uploader's claim, and a page served back under it
     * could be anything.
     */
    @Transactional
    public Photo addPhoto(
            Long markerId, Long findingId, byte[] bytes, String caption, Double lon, Double lat, ChangeContext who) {
        if (bytes == null || bytes.length == 0 || bytes.length > 10 * 1024 * 1024) {
            throw ValidationException.of("photo", "error.boundary.photo-size", bytes == null ? 0 : bytes.length);
        }
        String contentType = ImageType.detect(bytes)
                .orElseThrow(() -> ValidationException.of("photo", "error.boundary.photo-type"))
                .contentType();
        if (markerId != null) {
            get(markerId);
        }
        Long id = jdbc.queryForObject(
                "insert into boundary.photo (marker_id, finding_id, content_type, bytes, caption, lon, lat,"
                        + " uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class,
                markerId,
                findingId,
                contentType,
                bytes,
                Text.nfc(caption),
                lon,
                lat,
                who.actor());
        Photo photo = photos(markerId, findingId).stream()
                .filter(ph -> ph.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record(
                who,
                markerId != null ? ENTITY : "boundary-finding",
                String.valueOf(markerId != null ? markerId : findingId),
                "photo",
                null,
                photo);
        return photo;
    }

    public List<Photo> photos(Long markerId, Long findingId) {
        return jdbc.query(
                "select id, marker_id, finding_id, content_type, caption, lon, lat, uploaded_by, uploaded_at"
                        + " from boundary.photo where (marker_id = ?::bigint or ?::bigint is null)"
                        + " and (finding_id = ?::bigint or ?::bigint is null)"
                        + " order by id",
                (rs, i) -> new Photo(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Double) rs.getObject(6),
                        (Double) rs.getObject(7),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class)),
                markerId,
                markerId,
                findingId,
                findingId);
    }

    public record PhotoBytes(String contentType, byte[] bytes) {}

    public PhotoBytes photoBytes(long photoId) {
        return jdbc
                .query(
                        "select content_type, bytes from boundary.photo where id = ?",
                        (rs, i) -> new PhotoBytes(rs.getString(1), rs.getBytes(2)),
                        photoId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("boundary-photo", String.valueOf(photoId)));
    }

    // ---- helpers --------------------------------------------------------------------------------

    static String number(BoundaryLine line, int sequence, char type) {
        return new MarkerNumber(line.code(), sequence, type).toString();
    }

    private boolean numberTaken(String lineCode, int sequence, char type) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from boundary.marker where number = ?)",
                Boolean.class,
                new MarkerNumber(lineCode, sequence, type).toString()));
    }

    private Marker lockAndCheck(long markerId, String expectedTag) {
        jdbc.query("select id from boundary.marker where id = ? for update", (rs, i) -> 1, markerId);
        Marker current = get(markerId);
        if (!current.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, String.valueOf(markerId), expectedTag, current.versionTag());
        }
        return current;
    }

    private void conditionEntry(long markerId, String condition, LocalDate on, String note, ChangeContext who) {
        jdbc.update(
                "insert into boundary.marker_condition (marker_id, condition, observed_on, note, actor)"
                        + " values (?, ?, ?, ?, ?)",
                markerId,
                condition,
                on,
                Text.nfc(note),
                who.actor());
    }

    private void writeReferences(long markerId, List<ReferenceObject> references) {
        jdbc.update("delete from boundary.marker_reference where marker_id = ?", markerId);
        if (references == null) {
            return;
        }
        for (int i = 0; i < references.size(); i++) {
            ReferenceObject r = references.get(i);
            jdbc.update(
                    "insert into boundary.marker_reference (marker_id, ordinal, name, true_bearing, distance_m)"
                            + " values (?, ?, ?, ?, ?)",
                    markerId,
                    i + 1,
                    Text.nfc(r.name()),
                    r.trueBearing(),
                    r.distance());
        }
    }

    private static void checkReferences(List<ReferenceObject> references, List<FieldProblem> problems) {
        if (references == null) {
            return;
        }
        if (references.size() > 3) {
            problems.add(new FieldProblem("references", "error.boundary.references-count", references.size()));
        }
        for (int i = 0; i < references.size(); i++) {
            ReferenceObject r = references.get(i);
            if (r.name() == null || r.name().isBlank()) {
                problems.add(new FieldProblem("references/" + i + "/name", "error.name.required"));
            }
            if (!(r.trueBearing() >= 0 && r.trueBearing() < 360)) {
                problems.add(new FieldProblem("references/" + i + "/trueBearing", "error.boundary.bearing"));
            }
            if (!(r.distance() > 0)) {
                problems.add(new FieldProblem("references/" + i + "/distance", "error.boundary.distance"));
            }
        }
    }

    static void checkPosition(Double lon, Double lat, List<FieldProblem> problems) {
        if (lon == null || lat == null) {
            problems.add(new FieldProblem("position", "error.boundary.position-required"));
        } else if (lon < 73 || lon > 136 || lat < 3 || lat > 54) {
            problems.add(new FieldProblem("position", "error.boundary.position-outside-china", lon, lat));
        }
    }

    static Map<String, Object> snapshot(Marker m) {
        if (m == null) {
            return null;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", m.number());
        s.put("type", String.valueOf(m.type()));
        s.put("material", m.material());
        s.put("lon", m.position().getX());
        s.put("lat", m.position().getY());
        s.put("elevation", m.elevation());
        s.put("installedOn", m.installedOn());
        s.put("responsibleCode", m.responsibleCode());
        s.put("condition", m.condition());
        s.put("retired", m.retired());
        s.put("references", m.references());
        s.put("locationDescription", m.locationDescription());
        return s;
    }

    private static Map<String, Object> surveyRecord(MarkerSurvey s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("surveyId", s.id());
        m.put("surveyedOn", s.surveyedOn());
        m.put("lon", s.position().getX());
        m.put("lat", s.position().getY());
        m.put("accuracy", s.accuracy());
        m.put("method", s.method());
        return m;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private MarkerChange mapChange(ResultSet rs, int row) throws SQLException {
        try {
            return new MarkerChange(
                    rs.getLong(1),
                    rs.getLong(2),
                    (Long) rs.getObject(3),
                    rs.getString(4),
                    json.readValue(rs.getString(5), MarkerChange.Proposal.class),
                    json.readValue(rs.getString(6), new TypeReference<List<MarkerChange.Applicant>>() {}),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getObject(10, OffsetDateTime.class),
                    rs.getString(11),
                    rs.getString(12),
                    (Long) rs.getObject(13),
                    rs.getInt(14));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable change record", e);
        }
    }

    private Marker map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong(1);
        List<ReferenceObject> refs = jdbc.query(
                "select name, true_bearing, distance_m from boundary.marker_reference where marker_id = ?"
                        + " order by ordinal",
                (r, i) -> new ReferenceObject(r.getString(1), r.getDouble(2), r.getDouble(3)),
                id);
        return new Marker(
                id,
                rs.getLong(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5).charAt(0),
                rs.getString(6),
                Wkb.read(rs, 7),
                (Double) rs.getObject(8),
                rs.getObject(9, LocalDate.class),
                rs.getString(10),
                rs.getString(11),
                rs.getBoolean(12),
                refs,
                rs.getString(14),
                rs.getInt(13));
    }

    /** The position a marker group stands for: a single marker's, or the mean of a pair or triple. */
    static Coordinate groupPosition(List<Marker> group) {
        double x = 0;
        double y = 0;
        for (Marker m : group) {
            x += m.position().getX();
            y += m.position().getY();
        }
        return new Coordinate(x / group.size(), y / group.size());
    }
}
