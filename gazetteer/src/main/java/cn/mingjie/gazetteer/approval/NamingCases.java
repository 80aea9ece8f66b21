package cn.mingjie.gazetteer.approval;

import cn.mingjie.gazetteer.InvalidTransitionException;
import cn.mingjie.gazetteer.PlaceDraft;
import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.PlaceVersion;
import cn.mingjie.gazetteer.rules.NamingProposal;
import cn.mingjie.gazetteer.rules.NamingRules;
import cn.mingjie.gazetteer.rules.RuleFinding;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionRegister;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval workflow. Each step checks the state it starts from (409 otherwise), is audited as
 * entity "naming-case", and the approval itself changes the register in the same transaction:
 * a naming creates a standard name, a renaming opens a new version (the old name stays historical;
 * for a division the division register is renamed), an abolition ceases the place.
 */
@Service
public class NamingCases {

    public static final String ENTITY = "naming-case";
    /** 地名管理条例 (2022): filing and announcement each within 15 days of approval. */
    public static final int FILING_DAYS = 15;

    public static final int ANNOUNCEMENT_DAYS = 15;
    /** e.g. 潼南府〔2025〕12号: issuer abbreviation, year in 〔〕, serial number. */
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^\\S+〔\\d{4}〕\\d+号$");

    private static final Set<String> KINDS = Set.of("NAMING", "RENAMING", "ABOLITION");
    private static final String COLUMNS = "case_id, row_version, kind, place_id, proposal::text, reasons,"
            + " feature_location, feature_scale, feature_nature, protection_measures, state, applicant, applied_at,"
            + " reviewed_by, review_opinion, approved_by, approval_authority, approval_document, approval_date,"
            + " filing_due, filed_with, filed_on, announcement_due, announced_on, announcement_ref, rejected_reason, findings::text";

    private final JdbcTemplate jdbc;
    private final PlaceRegister register;
    private final DivisionRegister divisions;
    private final NamingRules rules;
    private final AuditLog audit;
    private static final TypeReference<List<RuleFinding>> FINDINGS = new TypeReference<>() {};
    private final ObjectMapper json = new ObjectMapper();

    public NamingCases(
            JdbcTemplate jdbc, PlaceRegister register, DivisionRegister divisions, NamingRules rules, AuditLog audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.divisions = divisions;
        this.rules = rules;
        this.audit = audit;
    }

    /** The application (申报). Blocking rule findings refuse it with the rule and the conflicting names. */
    @Transactional
    public NamingCase apply(
            String kind,
            Long placeId,
            CaseProposal proposal,
            String reasons,
            String featureLocation,
            String featureScale,
            String featureNature,
            String protectionMeasures,
            ChangeContext who) {
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null || !KINDS.contains(kind)) {
            throw ValidationException.of("kind", "error.case.kind", kind);
        }
        if (reasons == null || reasons.isBlank()) {
            problems.add(new FieldProblem("reasons", "error.case.reasons"));
        }
        if (!"NAMING".equals(kind) && placeId == null) {
            problems.add(new FieldProblem("placeId", "error.case.place-required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CaseProposal clean = completeProposal(kind, placeId, proposal);
        List<RuleFinding> findings = rules.check(namingProposal(kind, placeId, clean, protectionMeasures));
        refuseIfBlocked(findings);
        long caseId = jdbc.queryForObject(
                "insert into gazetteer.naming_case (kind, place_id, proposal, reasons, feature_location,"
                        + " feature_scale, feature_nature, protection_measures, state, applicant, findings)"
                        + " values (?, ?, ?::jsonb, ?, ?, ?, ?, ?, 'APPLIED', ?, ?::jsonb) returning case_id",
                Long.class,
                kind,
                placeId,
                toJson(clean),
                Text.nfc(reasons.strip()),
                nfc(featureLocation),
                nfc(featureScale),
                nfc(featureNature),
                nfc(protectionMeasures),
                who.actor(),
                toJson(findings));
        NamingCase created = get(caseId);
        audit.record(who, ENTITY, Long.toString(caseId), "apply", null, summary(created));
        return created;
    }

    /** Attaches (or replaces) one of the three reports while the case is at application stage. */
    @Transactional
    public NamingCase attachReport(
            long caseId,
            String kind,
            String title,
            String documentRef,
            String summary,
            String expectedTag,
            ChangeContext who) {
        NamingCase before = lock(caseId, expectedTag);
        requireState(before, "APPLIED", "attach-report");
        if (kind == null || !CaseReport.KINDS.contains(kind)) {
            throw ValidationException.of("kind", "error.case.report-kind", kind);
        }
        if (title == null || title.isBlank()) {
            throw ValidationException.of("title", "error.case.report-title");
        }
        jdbc.update(
                "insert into gazetteer.case_report (case_id, kind, title, document_ref, summary, attached_by)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (case_id, kind) do update set title = excluded.title,"
                        + " document_ref = excluded.document_ref, summary = excluded.summary,"
                        + " attached_by = excluded.attached_by, attached_at = now()",
                caseId,
                kind,
                Text.nfc(title.strip()),
                nfc(documentRef),
                nfc(summary),
                who.actor());
        return bump(caseId, before, "attach-report:" + kind, who);
    }

    /** The office's review (审核): accepts a case with its three reports, or rejects it. */
    @Transactional
    public NamingCase review(long caseId, boolean accept, String opinion, String expectedTag, ChangeContext who) {
        NamingCase before = lock(caseId, expectedTag);
        requireState(before, "APPLIED", "review");
        if (accept) {
            List<String> missing = CaseReport.KINDS.stream()
                    .filter(k ->
                            before.reports().stream().noneMatch(r -> r.kind().equals(k)))
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidTransitionException("error.case.reports-missing", String.join(", ", missing));
            }
        }
        jdbc.update(
                "update gazetteer.naming_case set state = ?, reviewed_by = ?, review_opinion = ?, reviewed_at = now(),"
                        + " rejected_reason = ? where case_id = ?",
                accept ? "REVIEWED" : "REJECTED",
                who.actor(),
                nfc(opinion),
                accept ? null : who.reason(),
                caseId);
        return bump(caseId, before, accept ? "review" : "reject", who);
    }

    /**
     * Approval by the competent authority (who, document number, date). The rules run again (the
     * register may have changed since the application) and the register changes with the approval.
     */
    @Transactional
    public NamingCase approve(
            long caseId,
            String authority,
            String documentNumber,
            LocalDate approvalDate,
            String expectedTag,
            ChangeContext who) {
        NamingCase before = lock(caseId, expectedTag);
        requireState(before, "REVIEWED", "approve");
        List<FieldProblem> problems = new ArrayList<>();
        if (authority == null || authority.isBlank()) {
            problems.add(new FieldProblem("approvalAuthority", "error.case.authority"));
        }
        String document = documentNumber == null ? "" : Text.nfc(documentNumber.strip());
        if (!DOCUMENT_NUMBER.matcher(document).matches()) {
            problems.add(new FieldProblem("approvalDocument", "error.case.document-number", document));
        }
        if (approvalDate == null) {
            problems.add(new FieldProblem("approvalDate", "error.date.required"));
        } else if (approvalDate.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("approvalDate", "error.case.date-future", approvalDate));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<RuleFinding> findings = rules.check(
                namingProposal(before.kind(), before.placeId(), before.proposal(), before.protectionMeasures()));
        refuseIfBlocked(findings);
        Long placeId = applyToRegister(before, approvalDate, who);
        jdbc.update(
                "update gazetteer.naming_case set state = 'APPROVED', place_id = ?, approved_by = ?,"
                        + " approval_authority = ?, approval_document = ?, approval_date = ?, filing_due = ?,"
                        + " announcement_due = ?, findings = ?::jsonb where case_id = ?",
                placeId,
                who.actor(),
                Text.nfc(authority.strip()),
                document,
                approvalDate,
                approvalDate.plusDays(FILING_DAYS),
                approvalDate.plusDays(ANNOUNCEMENT_DAYS),
                toJson(findings),
                caseId);
        return bump(caseId, before, "approve", who);
    }

    /** The approver declines a reviewed case. */
    @Transactional
    public NamingCase decline(long caseId, String expectedTag, ChangeContext who) {
        NamingCase before = lock(caseId, expectedTag);
        requireState(before, "REVIEWED", "decline");
        jdbc.update(
                "update gazetteer.naming_case set state = 'REJECTED', rejected_reason = ? where case_id = ?",
                who.reason(),
                caseId);
        return bump(caseId, before, "decline", who);
    }

    /** Filing (备案) with the level above. */
    @Transactional
    public NamingCase file(long caseId, String filedWith, LocalDate filedOn, String expectedTag, ChangeContext who) {
        NamingCase before = lock(caseId, expectedTag);
        requireState(before, "APPROVED", "file");
        if (filedWith == null || filedWith.isBlank()) {
            throw ValidationException.of("filedWith", "error.case.filed-with");
        }
        requireDateFrom(filedOn, before.approvalDate(), "filedOn");
        jdbc.update(
                "update gazetteer.naming_case set state = 'FILED', filed_with = ?, filed_on = ? where case_id = ?",
                Text.nfc(filedWith.strip()),
                filedOn,
                caseId);
        return bump(caseId, before, "file", who);
    }

    /** The public announcement (公告). */
    @Transactional
    public NamingCase announce(
            long caseId, LocalDate announcedOn, String reference, String expectedTag, ChangeContext who) {
        NamingCase before = lock(caseId, expectedTag);
        requireState(before, "FILED", "announce");
        requireDateFrom(announcedOn, before.approvalDate(), "announcedOn");
        jdbc.update(
                "update gazetteer.naming_case set state = 'ANNOUNCED', announced_on = ?, announcement_ref = ?"
                        + " where case_id = ?",
                announcedOn,
                nfc(reference),
                caseId);
        return bump(caseId, before, "announce", who);
    }

    public NamingCase get(long caseId) {
        return jdbc
                .query("select " + COLUMNS + " from gazetteer.naming_case where case_id = ?", this::map, caseId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, Long.toString(caseId)));
    }

    /** Cases in the given states (all when empty), newest first. */
    public List<NamingCase> list(List<String> states) {
        if (states == null || states.isEmpty()) {
            return jdbc.query("select " + COLUMNS + " from gazetteer.naming_case order by case_id desc", this::map);
        }
        return jdbc.query(
                "select " + COLUMNS + " from gazetteer.naming_case where state = any (?) order by case_id desc",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", states.toArray())),
                this::map);
    }

    /** Cases whose filing or announcement deadline has passed on {@code today}. */
    public List<NamingCase> overdue(LocalDate today) {
        return list(List.of("APPROVED", "FILED")).stream()
                .filter(c -> c.overdue(today))
                .toList();
    }

    /** The announcement text's six fields, for an approved case. */
    public Announcement announcement(long caseId) {
        NamingCase c = get(caseId);
        if (c.approvalDate() == null) {
            throw new InvalidTransitionException("error.case.not-approved", caseId, c.state());
        }
        PlaceVersion approved = "ABOLITION".equals(c.kind())
                ? register.place(c.placeId()).versions().stream()
                        .reduce((a, b) -> b)
                        .orElseThrow()
                : register.get(c.placeId(), c.approvalDate());
        String previous = null;
        if (!"NAMING".equals(c.kind())) {
            previous = register.get(c.placeId(), c.approvalDate().minusDays(1)).name();
        }
        return new Announcement(
                c.caseId(),
                c.kind(),
                approved.name(),
                approved.romanization(),
                administrativeArea(approved.divisionCode(), c.approvalDate()),
                c.featureLocation(),
                c.approvalAuthority(),
                c.approvalDocument(),
                c.approvalDate(),
                previous);
    }

    // ---- internals ------------------------------------------------------------------------

    private String administrativeArea(String divisionCode, LocalDate asOf) {
        List<String> names = new ArrayList<>();
        String code = divisionCode;
        while (code != null) {
            Division d = divisions.find(code, asOf).orElse(null);
            if (d == null) {
                break;
            }
            if (d.level().number() != 2) {
                names.add(0, d.name());
            }
            code = d.parentCode();
        }
        return String.join("", names);
    }

    /** For a renaming or abolition, fields left empty are taken from the place's current version. */
    private CaseProposal completeProposal(String kind, Long placeId, CaseProposal p) {
        CaseProposal given =
                p == null ? new CaseProposal(null, null, null, null, null, null, null, null, null, null, null) : p;
        if ("NAMING".equals(kind)) {
            validateDraft(given);
            return given;
        }
        PlaceVersion current = register.get(placeId, null);
        CaseProposal merged = new CaseProposal(
                "ABOLITION".equals(kind) ? current.properName() : given.properName(),
                "ABOLITION".equals(kind) ? current.genericName() : given.genericName(),
                // A new name gets its own romanization (generated unless given); the old one belongs to the old name.
                "ABOLITION".equals(kind) ? current.romanization() : given.romanization(),
                or(given.categoryCode(), current.categoryCode()),
                or(given.divisionCode(), current.divisionCode()),
                or(given.meaning(), current.meaning()),
                or(given.origin(), current.origin()),
                or(given.description(), current.description()),
                given.geometryWkt(),
                or(given.positionMethod(), current.positionMethod()),
                or(given.sources(), current.sources()));
        if ("RENAMING".equals(kind)) {
            if (merged.properName() == null || merged.properName().isBlank()) {
                throw ValidationException.of("proposal.properName", "error.name.required");
            }
            if (merged.name().equals(current.name())) {
                throw ValidationException.of("proposal.properName", "error.name.unchanged", current.name());
            }
            if (!current.fromDivision()) {
                validateDraft(merged);
            }
        }
        return merged;
    }

    private void validateDraft(CaseProposal p) {
        try {
            register.validate(draft(p, null));
        } catch (ValidationException e) {
            throw new ValidationException(e.problems().stream()
                    .map(x -> new FieldProblem("proposal." + x.field(), x.messageKey(), x.args()))
                    .toList());
        }
    }

    private Long applyToRegister(NamingCase c, LocalDate approvalDate, ChangeContext who) {
        ChangeContext because = new ChangeContext(who.actor(), who.reason() + "（地名案件 " + c.caseId() + "）");
        switch (c.kind()) {
            case "NAMING" -> {
                return register.create(draft(c.proposal(), null), approvalDate, "case:" + c.caseId(), because)
                        .placeId();
            }
            case "RENAMING" -> {
                PlaceVersion current = register.get(c.placeId(), null);
                if (current.fromDivision()) {
                    String code = register.place(c.placeId()).divisionCode();
                    Division d = divisions.get(code, null);
                    divisions.rename(code, c.proposal().name(), approvalDate, d.versionTag(), because);
                } else {
                    PlaceDraft next = draft(c.proposal(), current.geometry());
                    register.revise(c.placeId(), next, approvalDate, "renamed", current.versionTag(), because);
                }
                return c.placeId();
            }
            default -> {
                PlaceVersion current = register.get(c.placeId(), null);
                if (current.fromDivision()) {
                    throw new InvalidTransitionException("error.case.division-abolition");
                }
                register.cease(c.placeId(), approvalDate, current.versionTag(), because);
                return c.placeId();
            }
        }
    }

    private PlaceDraft draft(CaseProposal p, Geometry fallbackGeometry) {
        Geometry geometry = fallbackGeometry;
        if (p.geometryWkt() != null && !p.geometryWkt().isBlank()) {
            try {
                geometry = new WKTReader(new GeometryFactory(new PrecisionModel(), 4490)).read(p.geometryWkt());
            } catch (ParseException e) {
                throw ValidationException.of("proposal.geometryWkt", "error.place.geometry-wkt", e.getMessage());
            }
        }
        return new PlaceDraft(
                p.properName(),
                p.genericName(),
                p.romanization(),
                null,
                List.of(),
                p.categoryCode(),
                p.divisionCode(),
                p.meaning(),
                p.origin(),
                p.description(),
                null,
                null,
                null,
                p.sources(),
                p.positionMethod(),
                geometry,
                "standard");
    }

    private NamingProposal namingProposal(String kind, Long placeId, CaseProposal p, String measures) {
        Geometry g = null;
        if (p.geometryWkt() != null && !p.geometryWkt().isBlank()) {
            g = draft(p, null).geometry();
        }
        return new NamingProposal(
                kind, placeId, p.properName(), p.genericName(), p.categoryCode(), p.divisionCode(), g, measures, null);
    }

    private static void refuseIfBlocked(List<RuleFinding> findings) {
        List<FieldProblem> blocking = findings.stream()
                .filter(f -> f.severity() == RuleFinding.Severity.BLOCK)
                .map(f -> new FieldProblem(
                        f.rule().equals("PROTECTED_NAME") ? "protectionMeasures" : "proposal.properName",
                        f.messageKey(),
                        withConflicts(f)))
                .toList();
        if (!blocking.isEmpty()) {
            throw new ValidationException(blocking);
        }
    }

    /** The message arguments plus, last, the conflicting names with their place ids. */
    private static Object[] withConflicts(RuleFinding f) {
        List<Object> args = new ArrayList<>(f.args());
        args.add(String.join(
                "、",
                f.conflicts().stream()
                        .map(c -> c.name() + "（#" + c.placeId() + "，" + c.divisionCode() + "）")
                        .toList()));
        return args.toArray();
    }

    private NamingCase lock(long caseId, String expectedTag) {
        jdbc.query("select 1 from gazetteer.naming_case where case_id = ? for update", rs -> {}, caseId);
        NamingCase c = get(caseId);
        if (!c.versionTag().equals(expectedTag)) {
            throw new VersionConflictException(ENTITY, Long.toString(caseId), expectedTag, c.versionTag());
        }
        return c;
    }

    private static void requireState(NamingCase c, String expected, String step) {
        if (!c.state().equals(expected)) {
            throw new InvalidTransitionException("error.case.transition", c.caseId(), step, c.state(), expected);
        }
    }

    private static void requireDateFrom(LocalDate date, LocalDate earliest, String field) {
        if (date == null) {
            throw ValidationException.of(field, "error.date.required");
        }
        if (date.isBefore(earliest)) {
            throw ValidationException.of(field, "error.case.before-approval", earliest);
        }
        if (date.isAfter(LocalDate.now())) {
            throw ValidationException.of(field, "error.case.date-future", date);
        }
    }

    private NamingCase bump(long caseId, NamingCase before, String action, ChangeContext who) {
        jdbc.update("update gazetteer.naming_case set row_version = row_version + 1 where case_id = ?", caseId);
        NamingCase after = get(caseId);
        audit.record(who, ENTITY, Long.toString(caseId), action, summary(before), summary(after));
        return after;
    }

    private static Map<String, Object> summary(NamingCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", c.state());
        m.put("kind", c.kind());
        m.put("placeId", c.placeId());
        m.put("name", c.proposal().name());
        m.put("reports", c.reports().stream().map(CaseReport::kind).toList());
        m.put("reviewOpinion", c.reviewOpinion()); // so the case history shows the opinion at the review step
        m.put("approvalAuthority", c.approvalAuthority());
        m.put("approvalDocument", c.approvalDocument());
        m.put("approvalDate", c.approvalDate());
        m.put("filedWith", c.filedWith());
        m.put("filedOn", c.filedOn());
        m.put("announcedOn", c.announcedOn());
        m.put("announcementRef", c.announcementRef());
        return m;
    }

    private String toJson(Object p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private NamingCase map(ResultSet rs, int row) throws SQLException {
        long caseId = rs.getLong(1);
        CaseProposal proposal;
        List<RuleFinding> findings;
        try {
            proposal = json.readValue(rs.getString(5), CaseProposal.class);
            findings = json.readValue(rs.getString(27), FINDINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable proposal of case " + caseId, e);
        }
        List<CaseReport> reports = jdbc.query(
                "select kind, title, document_ref, summary, attached_by, attached_at from gazetteer.case_report"
                        + " where case_id = ? order by attached_at",
                (r, i) -> new CaseReport(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getObject(6, OffsetDateTime.class)),
                caseId);
        return new NamingCase(
                caseId,
                "c" + caseId + "." + rs.getInt(2),
                rs.getString(3),
                (Long) rs.getObject(4),
                proposal,
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getObject(13, OffsetDateTime.class),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getString(18),
                rs.getObject(19, LocalDate.class),
                rs.getObject(20, LocalDate.class),
                rs.getString(21),
                rs.getObject(22, LocalDate.class),
                rs.getObject(23, LocalDate.class),
                rs.getObject(24, LocalDate.class),
                rs.getString(25),
                rs.getString(26),
                reports,
                findings);
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    private static String nfc(String s) {
        return s == null || s.isBlank() ? null : Text.nfc(s.strip());
    }
}
