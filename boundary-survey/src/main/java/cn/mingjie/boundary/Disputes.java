package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Wkb;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispute register and peaceful-boundary (平安边界) agreements. While a dispute on a line is open the
 * line is 'disputed' and frozen: its geometry and its markers do not change (see {@link BoundaryLines}
 * and {@link MarkerRegister}).
 */
@Service
public class Disputes {

    static final String ENTITY = "boundary-dispute";
    private static final String COLUMNS =
            "id, line_id, title, parties::text, st_asbinary(area), status, opened_on, decision_ref, row_version";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final BoundaryLines lines;
    private final ObjectMapper json = new ObjectMapper();

    public Disputes(JdbcTemplate jdbc, AuditLog audit, BoundaryLines lines) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lines = lines;
    }

    @Transactional
    public Dispute open(
            Long lineId, String title, List<String> parties, MultiPolygon area, LocalDate openedOn, ChangeContext who) {
        if (title == null || title.isBlank()) {
            throw ValidationException.of("title", "error.name.required");
        }
        if (parties == null
                || parties.size() < 2
                || parties.stream().anyMatch(p -> p == null || !p.matches("[0-9]{12}"))) {
            throw ValidationException.of("parties", "error.boundary.parties");
        }
        if (lineId != null) {
            lines.get(lineId);
        }
        Long id = jdbc.queryForObject(
                "insert into boundary.dispute (line_id, title, parties, area, status, opened_on)"
                        + " values (?, ?, ?::jsonb, st_setsrid(st_geomfromwkb(?), 4490), 'negotiation', ?) returning id",
                Long.class,
                lineId,
                Text.nfc(title.strip()),
                write(parties),
                Wkb.write(area),
                openedOn == null ? LocalDate.now() : openedOn);
        if (lineId != null) {
            jdbc.update(
                    "update boundary.line set legal_status = 'disputed', row_version = row_version + 1 where id = ?",
                    lineId);
        }
        Dispute d = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "open", null, snapshot(d));
        return d;
    }

    @Transactional
    public Dispute addClaim(long id, String partyCode, LineString line, String note, ChangeContext who) {
        Dispute d = get(id);
        if (!d.parties().contains(partyCode)) {
            throw ValidationException.of("partyCode", "error.boundary.not-a-party", partyCode);
        }
        if (line == null || line.isEmpty()) {
            throw ValidationException.of("line", "error.boundary.geometry-required");
        }
        jdbc.update(
                "insert into boundary.dispute_claim (dispute_id, party_code, geom, note)"
                        + " values (?, ?, st_setsrid(st_geomfromwkb(?), 4490), ?)",
                id,
                partyCode,
                Wkb.write(line),
                Text.nfc(note));
        Dispute after = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "claim", snapshot(d), snapshot(after));
        return after;
    }

    /**
     * Moves a dispute on: negotiation → mediation → decision → closed, one stage at a time, except that
     * an agreement reached in negotiation or mediation closes it directly. Closing needs the agreement or
     * decision reference; the line is 'agreed' again once no dispute on it is open.
     */
    @Transactional
    public Dispute advance(long id, String status, String decisionRef, String expectedTag, ChangeContext who) {
        jdbc.query("select id from boundary.dispute where id = ? for update", (rs, i) -> 1, id);
        Dispute d = get(id);
        if (!d.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, String.valueOf(id), expectedTag, d.versionTag());
        }
        int from = Dispute.STAGES.indexOf(d.status());
        int to = Dispute.STAGES.indexOf(status);
        boolean closing = "closed".equals(status);
        if (to < 0 || !d.open() || (to != from + 1 && !(closing && to > from))) {
            throw ValidationException.of("status", "error.boundary.dispute-stage", d.status(), status);
        }
        if (closing && (decisionRef == null || decisionRef.isBlank())) {
            throw ValidationException.of("decisionRef", "error.boundary.decision-ref");
        }
        jdbc.update(
                "update boundary.dispute set status = ?, decision_ref = coalesce(?, decision_ref),"
                        + " row_version = row_version + 1 where id = ?",
                status,
                Text.nfc(decisionRef),
                id);
        if (closing && d.lineId() != null && lines.openDisputes(d.lineId()) == 0) {
            jdbc.update(
                    "update boundary.line set legal_status = 'agreed', row_version = row_version + 1 where id = ?",
                    d.lineId());
        }
        Dispute after = get(id);
        audit.record(who, ENTITY, String.valueOf(id), "advance", snapshot(d), snapshot(after));
        return after;
    }

    public Dispute get(long id) {
        return jdbc.query("select " + COLUMNS + " from boundary.dispute where id = ?", this::map, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    public List<Dispute> list() {
        return jdbc.query("select " + COLUMNS + " from boundary.dispute order by id", this::map);
    }

    // ---- peaceful-boundary agreements ---------------------------------------------------------

    public record PeaceAgreement(
            long id, long lineId, String title, LocalDate signedOn, LocalDate renewBy, String hazards) {}

    @Transactional
    public PeaceAgreement addAgreement(
            long lineId, String title, LocalDate signedOn, LocalDate renewBy, String hazards, ChangeContext who) {
        lines.get(lineId);
        if (title == null || title.isBlank()) {
            throw ValidationException.of("title", "error.name.required");
        }
        if (signedOn == null || renewBy == null || !renewBy.isAfter(signedOn)) {
            throw ValidationException.of("renewBy", "error.boundary.renew-after-signing");
        }
        Long id = jdbc.queryForObject(
                "insert into boundary.peace_agreement (line_id, title, signed_on, renew_by, hazards)"
                        + " values (?, ?, ?, ?, ?) returning id",
                Long.class,
                lineId,
                Text.nfc(title.strip()),
                signedOn,
                renewBy,
                Text.nfc(hazards));
        PeaceAgreement a =
                agreements(null).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        audit.record(who, "boundary-peace-agreement", String.valueOf(id), "create", null, a);
        return a;
    }

    /** Agreements, all or those to renew by {@code renewBy}. */
    public List<PeaceAgreement> agreements(LocalDate renewBy) {
        return jdbc.query(
                "select id, line_id, title, signed_on, renew_by, hazards from boundary.peace_agreement"
                        + " where ?::date is null or renew_by <= ? order by renew_by",
                (rs, i) -> new PeaceAgreement(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6)),
                renewBy,
                renewBy);
    }

    private Map<String, Object> snapshot(Dispute d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lineId", d.lineId());
        m.put("title", d.title());
        m.put("parties", d.parties());
        m.put("status", d.status());
        m.put("decisionRef", d.decisionRef());
        m.put("claims", d.claims().size());
        return m;
    }

    private Dispute map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong(1);
        List<Dispute.Claim> claims = jdbc.query(
                "select id, party_code, st_asbinary(geom), note from boundary.dispute_claim where dispute_id = ?"
                        + " order by id",
                (r, i) -> new Dispute.Claim(r.getLong(1), r.getString(2), Wkb.read(r, 3), r.getString(4)),
                id);
        try {
            return new Dispute(
                    id,
                    (Long) rs.getObject(2),
                    rs.getString(3),
                    json.readValue(rs.getString(4), new TypeReference<List<String>>() {}),
                    Wkb.read(rs, 5),
                    rs.getString(6),
                    rs.getObject(7, LocalDate.class),
                    rs.getString(8),
                    claims,
                    rs.getInt(9));
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
