package cn.mingjie.boundary;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint inspections: rounds on the 5-year cycle (省级行政区域界线联合检查实施办法: every line every
 * five years, lead and supporting side swapping each round), ad-hoc ones, findings from the field,
 * and sign-off, which the checks block until their findings are fixed or both sides acknowledge them.
 */
@Service
public class Inspections {

    public static final int CYCLE_YEARS = 5;
    static final String ENTITY = "boundary-inspection";
    private static final String COLUMNS = "id, line_id, kind, round_year, lead_code, supporting_code, lead_team,"
            + " supporting_team, inspected_on, desk_check, field_check, status, acknowledged::text, row_version";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final BoundaryLines lines;
    private final MarkerRegister markers;
    private final BoundaryChecks checks;
    private final ObjectMapper json = new ObjectMapper();

    public Inspections(
            JdbcTemplate jdbc, AuditLog audit, BoundaryLines lines, MarkerRegister markers, BoundaryChecks checks) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lines = lines;
        this.markers = markers;
        this.checks = checks;
    }

    /**
     * Plans the next periodic round of a line: five years after the last one (or in {@code firstYear}
     * if there was none), led by the side that supported last time.
     */
    @Transactional
    public Inspection planNextRound(long lineId, Integer firstYear, ChangeContext who) {
        BoundaryLine line = lines.get(lineId);
        List<Inspection> periodic =
                list(lineId).stream().filter(i -> i.kind().equals("periodic")).toList();
        int year;
        String lead;
        String supporting;
        if (periodic.isEmpty()) {
            if (firstYear == null) {
                throw ValidationException.of("firstYear", "error.boundary.first-year");
            }
            year = firstYear;
            lead = line.parties().get(0);
            supporting = line.parties().get(1);
        } else {
            Inspection last = periodic.get(periodic.size() - 1);
            year = last.roundYear() + CYCLE_YEARS;
            lead = last.supportingCode();
            supporting = last.leadCode();
        }
        return insert(lineId, "periodic", year, lead, supporting, who);
    }

    /** An inspection outside the cycle (after a flood, road works ...). */
    @Transactional
    public Inspection planAdHoc(long lineId, int year, String leadCode, ChangeContext who) {
        BoundaryLine line = lines.get(lineId);
        if (!line.parties().contains(leadCode)) {
            throw ValidationException.of("leadCode", "error.boundary.not-a-party", leadCode);
        }
        String supporting = line.parties().stream()
                .filter(p -> !p.equals(leadCode))
                .findFirst()
                .orElseThrow();
        return insert(lineId, "ad-hoc", year, leadCode, supporting, who);
    }

    public record Due(
            long lineId, String lineCode, String lineName, Integer lastRoundYear, int dueYear, String leadCode) {}

    /** Lines whose next periodic round falls in or before {@code year} and is not signed yet. */
    public List<Due> due(int year) {
        List<Due> out = new ArrayList<>();
        for (BoundaryLine line : lines.list(null)) {
            List<Inspection> periodic = list(line.id()).stream()
                    .filter(i -> i.kind().equals("periodic"))
                    .toList();
            Inspection lastSigned = periodic.stream()
                    .filter(i -> i.status().equals("signed"))
                    .reduce((a, b) -> b)
                    .orElse(null);
            int dueYear = lastSigned == null ? year : lastSigned.roundYear() + CYCLE_YEARS;
            if (dueYear <= year) {
                String lead = lastSigned == null ? line.parties().get(0) : lastSigned.supportingCode();
                out.add(new Due(
                        line.id(),
                        line.code(),
                        line.name(),
                        lastSigned == null ? null : lastSigned.roundYear(),
                        dueYear,
                        lead));
            }
        }
        return out;
    }

    public List<Inspection> list(long lineId) {
        return jdbc.query(
                "select " + COLUMNS + " from boundary.inspection where line_id = ? order by round_year, id",
                this::map,
                lineId);
    }

    public Inspection get(long id) {
        return jdbc.query("select " + COLUMNS + " from boundary.inspection where id = ?", this::map, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    public record Conduct(
            String leadTeam, String supportingTeam, LocalDate inspectedOn, String deskCheck, String fieldCheck) {}

    /** Records who inspected when, and the desk and field checks; opens the inspection for findings. */
    @Transactional
    public Inspection conduct(long id, Conduct c, String expectedTag, ChangeContext who) {
        Inspection before = lockOpen(id, expectedTag);
        if (c.inspectedOn() == null) {
            throw ValidationException.of("inspectedOn", "error.date.required");
        }
        jdbc.update(
                "update boundary.inspection set lead_team = ?, supporting_team = ?, inspected_on = ?, desk_check = ?,"
                        + " field_check = ?, status = 'open', row_version = row_version + 1 where id = ?",
                Text.nfc(c.leadTeam()),
                Text.nfc(c.supportingTeam()),
                c.inspectedOn(),
                Text.nfc(c.deskCheck()),
                Text.nfc(c.fieldCheck()),
                id);
        Inspection after = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "conduct", summary(before), summary(after));
        return after;
    }

    /**
     * A finding at one marker. {@code clientId} is the phone's id for the entry: sending it again (after
     * a lost connection) returns the stored finding instead of a duplicate.
     */
    @Transactional
    public Inspection.MarkerFinding addMarkerFinding(
            long id,
            long markerId,
            String condition,
            Double lon,
            Double lat,
            Double accuracy,
            String note,
            String clientId,
            ChangeContext who) {
        Inspection.MarkerFinding existing = clientId == null ? null : markerFindingByClientId(clientId);
        if (existing != null) {
            return existing;
        }
        Inspection inspection = get(id);
        if (inspection.status().equals("signed")) {
            throw ValidationException.of("status", "error.boundary.inspection-signed");
        }
        Marker marker = markers.get(markerId);
        List<FieldProblem> problems = new ArrayList<>();
        if (marker.lineId() != inspection.lineId()) {
            problems.add(new FieldProblem("markerId", "error.boundary.marker-other-line", markerId));
        }
        if (condition == null || !Marker.CONDITIONS.contains(condition)) {
            problems.add(new FieldProblem("condition", "error.boundary.condition", condition, Marker.CONDITIONS));
        }
        if (lon != null || lat != null) {
            MarkerRegister.checkPosition(lon, lat, problems);
            if (accuracy == null || !(accuracy > 0)) {
                problems.add(new FieldProblem("accuracy", "error.boundary.accuracy", accuracy));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Long fid = jdbc.queryForObject(
                "insert into boundary.inspection_marker_finding (inspection_id, marker_id, condition, geom, accuracy_m,"
                        + " note, client_id, recorded_by) values (?, ?, ?,"
                        + " case when ?::float8 is null then null else st_setsrid(st_makepoint(?::float8, ?::float8), 4490) end, ?, ?, ?, ?)"
                        + " returning id",
                Long.class,
                id,
                markerId,
                condition,
                lon,
                lon,
                lat,
                accuracy,
                Text.nfc(note),
                clientId,
                who.actor());
        Inspection.MarkerFinding f = markerFindings(id).stream()
                .filter(x -> x.id() == fid)
                .findFirst()
                .orElseThrow();
        audit.record(who, ENTITY, String.valueOf(id), "marker-finding", null, f);
        return f;
    }

    @Transactional
    public Inspection.OtherFinding addOtherFinding(
            long id, String kind, String description, Double lon, Double lat, String clientId, ChangeContext who) {
        if (clientId != null) {
            List<Inspection.OtherFinding> existing = otherFindings(id).stream()
                    .filter(f -> clientId.equals(f.clientId()))
                    .toList();
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
        }
        Inspection inspection = get(id);
        if (inspection.status().equals("signed")) {
            throw ValidationException.of("status", "error.boundary.inspection-signed");
        }
        if (kind == null || kind.isBlank() || description == null || description.isBlank()) {
            throw ValidationException.of("description", "error.boundary.finding-text");
        }
        Long fid = jdbc.queryForObject(
                "insert into boundary.inspection_other_finding (inspection_id, kind, description, geom, client_id,"
                        + " recorded_by) values (?, ?, ?,"
                        + " case when ?::float8 is null then null else st_setsrid(st_makepoint(?::float8, ?::float8), 4490) end, ?, ?)"
                        + " returning id",
                Long.class,
                id,
                Text.nfc(kind),
                Text.nfc(description),
                lon,
                lon,
                lat,
                clientId,
                who.actor());
        Inspection.OtherFinding f = otherFindings(id).stream()
                .filter(x -> x.id() == fid)
                .findFirst()
                .orElseThrow();
        audit.record(who, ENTITY, String.valueOf(id), "other-finding", null, f);
        return f;
    }

    /** What stands between this inspection and its sign-off: the checks of the line and of the re-measured markers. */
    public List<CheckFinding> blockingFindings(long id, CheckSettings settings) {
        Inspection inspection = get(id);
        List<CheckFinding> all = new ArrayList<>(checks.checkLine(inspection.lineId(), settings));
        for (Inspection.MarkerFinding f : inspection.markerFindings()) {
            if (f.lon() != null) {
                Marker m = markers.get(f.markerId());
                MarkerSurvey asSurvey = new MarkerSurvey(
                        0,
                        m.id(),
                        inspection.inspectedOn() == null ? LocalDate.now() : inspection.inspectedOn(),
                        m.position()
                                .getFactory()
                                .createPoint(new org.locationtech.jts.geom.Coordinate(f.lon(), f.lat())),
                        null,
                        f.accuracy(),
                        "inspection",
                        null);
                all.addAll(BoundaryChecks.displacement(m, List.of(asSurvey), settings));
            }
        }
        return all.stream()
                .filter(c -> !inspection.acknowledged().contains(c.key()))
                .toList();
    }

    /** Both sides accept these check findings as they are (recorded with the reason in the audit). */
    @Transactional
    public Inspection acknowledge(long id, List<String> findingKeys, String expectedTag, ChangeContext who) {
        Inspection before = lockOpen(id, expectedTag);
        List<String> all = new ArrayList<>(before.acknowledged());
        findingKeys.stream().filter(k -> !all.contains(k)).forEach(all::add);
        jdbc.update(
                "update boundary.inspection set acknowledged = ?::jsonb, row_version = row_version + 1 where id = ?",
                write(all),
                id);
        Inspection after = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "acknowledge", before.acknowledged(), after.acknowledged());
        return after;
    }

    /**
     * One side signs. Refused while checks fail unacknowledged. When both sides have signed, the
     * inspection is closed and its marker findings enter the register's condition history (positions
     * only through an approved re-survey).
     */
    @Transactional
    public Inspection signOff(
            long id, String sideCode, String signatory, String expectedTag, CheckSettings settings, ChangeContext who) {
        Inspection inspection = lockOpen(id, expectedTag);
        if (inspection.status().equals("planned") || inspection.inspectedOn() == null) {
            throw ValidationException.of("status", "error.boundary.inspection-not-conducted");
        }
        if (!sideCode.equals(inspection.leadCode()) && !sideCode.equals(inspection.supportingCode())) {
            throw ValidationException.of("sideCode", "error.boundary.not-a-party", sideCode);
        }
        if (signatory == null || signatory.isBlank()) {
            throw ValidationException.of("signatory", "error.boundary.signatory");
        }
        List<CheckFinding> blocking = blockingFindings(id, settings);
        if (!blocking.isEmpty()) {
            List<FieldProblem> problems = blocking.stream()
                    .map(f -> new FieldProblem(
                            "checks/" + f.key(), "error.boundary.check-failed", f.textZh(), f.textEn()))
                    .toList();
            throw new ValidationException(problems);
        }
        jdbc.update(
                "insert into boundary.inspection_signoff (inspection_id, side_code, signatory, signed_by)"
                        + " values (?, ?, ?, ?) on conflict (inspection_id, side_code) do nothing",
                id,
                sideCode,
                Text.nfc(signatory),
                who.actor());
        int signed = jdbc.queryForObject(
                "select count(*) from boundary.inspection_signoff where inspection_id = ?", Integer.class, id);
        if (signed >= 2) {
            jdbc.update("update boundary.inspection set status = 'signed' where id = ?", id);
            for (Inspection.MarkerFinding f : inspection.markerFindings()) {
                jdbc.update(
                        "insert into boundary.marker_condition (marker_id, condition, observed_on, note, actor)"
                                + " values (?, ?, ?, ?, ?)",
                        f.markerId(),
                        f.condition(),
                        inspection.inspectedOn(),
                        "联检 " + inspection.roundYear() + (f.note() == null ? "" : "：" + f.note()),
                        who.actor());
                jdbc.update(
                        "update boundary.marker set condition = ?, row_version = row_version + 1 where id = ?",
                        f.condition(),
                        f.markerId());
            }
        }
        jdbc.update("update boundary.inspection set row_version = row_version + 1 where id = ?", id);
        Inspection after = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "sign-off", summary(inspection), summary(after));
        return after;
    }

    private Inspection insert(long lineId, String kind, int year, String lead, String supporting, ChangeContext who) {
        Long id = jdbc.queryForObject(
                "insert into boundary.inspection (line_id, kind, round_year, lead_code, supporting_code)"
                        + " values (?, ?, ?, ?, ?) returning id",
                Long.class,
                lineId,
                kind,
                year,
                lead,
                supporting);
        Inspection created = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "plan", null, summary(created));
        return created;
    }

    private Inspection lockOpen(long id, String expectedTag) {
        jdbc.query("select id from boundary.inspection where id = ? for update", (rs, i) -> 1, id);
        Inspection current = get(id);
        if (!current.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, String.valueOf(id), expectedTag, current.versionTag());
        }
        if (current.status().equals("signed")) {
            throw ValidationException.of("status", "error.boundary.inspection-signed");
        }
        return current;
    }

    private Inspection.MarkerFinding markerFindingByClientId(String clientId) {
        return jdbc.query(MARKER_FINDINGS + " where f.client_id = ?", Inspections::mapMarkerFinding, clientId).stream()
                .findFirst()
                .orElse(null);
    }

    private static final String MARKER_FINDINGS = "select f.id, f.marker_id, m.number, f.condition, st_x(f.geom),"
            + " st_y(f.geom), f.accuracy_m, f.note, f.client_id, f.recorded_by"
            + " from boundary.inspection_marker_finding f join boundary.marker m on m.id = f.marker_id";

    private List<Inspection.MarkerFinding> markerFindings(long id) {
        return jdbc.query(
                MARKER_FINDINGS + " where f.inspection_id = ? order by m.sequence, m.marker_type, f.id",
                Inspections::mapMarkerFinding,
                id);
    }

    private List<Inspection.OtherFinding> otherFindings(long id) {
        return jdbc.query(
                "select id, kind, description, st_x(geom), st_y(geom), client_id, recorded_by"
                        + " from boundary.inspection_other_finding where inspection_id = ? order by id",
                (rs, i) -> new Inspection.OtherFinding(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Double) rs.getObject(4),
                        (Double) rs.getObject(5),
                        rs.getString(6),
                        rs.getString(7)),
                id);
    }

    private static Inspection.MarkerFinding mapMarkerFinding(ResultSet rs, int row) throws SQLException {
        return new Inspection.MarkerFinding(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                (Double) rs.getObject(5),
                (Double) rs.getObject(6),
                (Double) rs.getObject(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10));
    }

    private Inspection map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong(1);
        List<Inspection.SignOff> signOffs = jdbc.query(
                "select side_code, signatory, signed_by, signed_at from boundary.inspection_signoff"
                        + " where inspection_id = ? order by signed_at",
                (r, i) -> new Inspection.SignOff(
                        r.getString(1), r.getString(2), r.getString(3), r.getObject(4, OffsetDateTime.class)),
                id);
        try {
            return new Inspection(
                    id,
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getObject(9, LocalDate.class),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    json.readValue(rs.getString(13), new TypeReference<List<String>>() {}),
                    markerFindings(id),
                    otherFindings(id),
                    signOffs,
                    rs.getInt(14));
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }

    private static java.util.Map<String, Object> summary(Inspection i) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("kind", i.kind());
        m.put("roundYear", i.roundYear());
        m.put("leadCode", i.leadCode());
        m.put("supportingCode", i.supportingCode());
        m.put("leadTeam", i.leadTeam());
        m.put("supportingTeam", i.supportingTeam());
        m.put("inspectedOn", i.inspectedOn());
        m.put("status", i.status());
        m.put(
                "signOffs",
                i.signOffs().stream().map(Inspection.SignOff::sideCode).toList());
        return m;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
