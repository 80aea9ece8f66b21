package cn.mingjie.web.gazetteer;

import cn.mingjie.gazetteer.approval.Announcement;
import cn.mingjie.gazetteer.approval.CaseProposal;
import cn.mingjie.gazetteer.approval.NamingCase;
import cn.mingjie.gazetteer.approval.NamingCases;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.web.support.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Naming, renaming and abolition cases (地名命名、更名、废止): NAME_EDITOR applies, attaches reports,
 * files and announces; NAME_APPROVER reviews and approves. Every step needs the case's ETag.
 */
@RestController
@RequestMapping("/api/v1/naming-cases")
@Tag(name = "地名审批 Naming cases")
public class NamingCaseController {

    private final NamingCases cases;
    private final AuditLog audit;

    public NamingCaseController(NamingCases cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    public record ApplicationBody(
            String kind,
            Long placeId,
            CaseProposal proposal,
            String reasons,
            String featureLocation,
            String featureScale,
            String featureNature,
            String protectionMeasures,
            String reason) {}

    public record ReportBody(String kind, String title, String documentRef, String summary, String reason) {}

    public record ReviewBody(boolean accept, String opinion, String reason) {}

    public record ApprovalBody(String authority, String documentNumber, LocalDate approvalDate, String reason) {}

    public record FilingBody(String filedWith, LocalDate filedOn, String reason) {}

    public record AnnouncementBody(LocalDate announcedOn, String reference, String reason) {}

    public record DeclineBody(String reason) {}

    /** The case with its deadlines judged today. */
    public record CaseView(NamingCase namingCase, boolean overdue) {
        static CaseView of(NamingCase c) {
            return new CaseView(c, c.overdue(LocalDate.now()));
        }
    }

    @GetMapping
    @Operation(summary = "案件列表（可按状态）/ cases, optionally by state")
    public List<CaseView> list(@RequestParam(required = false) List<String> state) {
        return cases.list(state).stream().map(CaseView::of).toList();
    }

    @GetMapping("/overdue")
    @Operation(summary = "逾期未备案或未公告 / cases past their filing or announcement deadline")
    public List<CaseView> overdue(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today) {
        LocalDate day = today == null ? LocalDate.now() : today;
        return cases.overdue(day).stream().map(c -> new CaseView(c, true)).toList();
    }

    @GetMapping("/{id}")
    public ResponseEntity<CaseView> get(@PathVariable long id) {
        NamingCase c = cases.get(id);
        return ok(c);
    }

    @GetMapping("/{id}/audit")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "案件办理记录 / the case's audit history")
    public List<AuditEvent> auditHistory(@PathVariable long id) {
        return audit.history(NamingCases.ENTITY, Long.toString(id));
    }

    @GetMapping("/{id}/announcement")
    @Operation(summary = "公告六要素 / the announcement's six fields (JSON, or format=csv)")
    public ResponseEntity<?> announcement(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
        Announcement a = cases.announcement(id);
        if (!"csv".equals(format)) {
            return ResponseEntity.ok(a);
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT
                .builder()
                .setHeader("标准名称", "罗马字母拼写", "所在行政区域", "地理实体位置描述", "批准机关", "批准时间", "批准文号", "原名称")
                .get()
                .print(out)) {
            csv.printRecord(
                    a.standardName(),
                    a.romanization(),
                    a.administrativeArea(),
                    a.locationDescription(),
                    a.approvingAuthority(),
                    a.approvalDate(),
                    a.approvalDocument(),
                    a.previousName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"announcement-" + id + ".csv\"")
                .body("\uFEFF" + out); // BOM: spreadsheet programs then read the Chinese as UTF-8
    }

    @PostMapping
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "申报 / apply for a naming, renaming or abolition")
    public ResponseEntity<CaseView> apply(@RequestBody ApplicationBody b, Principal user) {
        NamingCase c = cases.apply(
                b.kind(),
                b.placeId(),
                b.proposal(),
                b.reasons(),
                b.featureLocation(),
                b.featureScale(),
                b.featureNature(),
                b.protectionMeasures(),
                who(user, b.reason() == null ? "申报" : b.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(c.versionTag()))
                .header(HttpHeaders.LOCATION, "/api/v1/naming-cases/" + c.caseId())
                .body(CaseView.of(c));
    }

    @PostMapping("/{id}/reports")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "附报告（综合评估/专家论证/征求意见）/ attach one of the three reports")
    public ResponseEntity<CaseView> attach(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReportBody b,
            Principal user) {
        return ok(cases.attachReport(
                id,
                b.kind(),
                b.title(),
                b.documentRef(),
                b.summary(),
                ETags.required(ifMatch),
                who(user, b.reason() == null ? "附报告" : b.reason())));
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('NAME_APPROVER')")
    @Operation(summary = "审核（通过或驳回）/ review: accept or reject")
    public ResponseEntity<CaseView> review(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReviewBody b,
            Principal user) {
        String tag = ETags.required(ifMatch);
        return ok(cases.review(id, b.accept(), b.opinion(), tag, who(user, b.reason())));
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize("hasRole('NAME_APPROVER')")
    @Operation(summary = "批准（批准机关、文号、日期）/ approve with authority, document number and date")
    public ResponseEntity<CaseView> approve(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ApprovalBody b,
            Principal user) {
        String tag = ETags.required(ifMatch);
        return ok(cases.approve(id, b.authority(), b.documentNumber(), b.approvalDate(), tag, who(user, b.reason())));
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize("hasRole('NAME_APPROVER')")
    @Operation(summary = "不予批准 / decline a reviewed case")
    public ResponseEntity<CaseView> decline(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody DeclineBody b,
            Principal user) {
        String tag = ETags.required(ifMatch);
        return ok(cases.decline(id, tag, who(user, b.reason())));
    }

    @PostMapping("/{id}/filing")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "备案 / record the filing with the level above")
    public ResponseEntity<CaseView> file(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody FilingBody b,
            Principal user) {
        String tag = ETags.required(ifMatch);
        return ok(cases.file(id, b.filedWith(), b.filedOn(), tag, who(user, b.reason() == null ? "备案" : b.reason())));
    }

    @PostMapping("/{id}/announcement")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "公告 / record the public announcement")
    public ResponseEntity<CaseView> announce(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AnnouncementBody b,
            Principal user) {
        String tag = ETags.required(ifMatch);
        return ok(cases.announce(
                id, b.announcedOn(), b.reference(), tag, who(user, b.reason() == null ? "公告" : b.reason())));
    }

    private static ResponseEntity<CaseView> ok(NamingCase c) {
        return ETags.ok(c.versionTag(), CaseView.of(c));
    }

    private static ChangeContext who(Principal user, String reason) {
        return new ChangeContext(user.getName(), reason);
    }
}
