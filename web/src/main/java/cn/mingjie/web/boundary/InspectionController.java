package cn.mingjie.web.boundary;

import cn.mingjie.boundary.BoundaryReports;
import cn.mingjie.boundary.CheckFinding;
import cn.mingjie.boundary.CheckSettings;
import cn.mingjie.boundary.Inspection;
import cn.mingjie.boundary.Inspections;
import cn.mingjie.boundary.MarkerChange;
import cn.mingjie.boundary.Resurveys;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.ETags;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Joint inspections (联检): plan, what is due, conduct, findings from the field, checks, sign-off, report. */
@RestController
@RequestMapping("/api/v1/boundary")
@Tag(name = "联检 Joint inspections")
public class InspectionController {

    private final Inspections inspections;
    private final Resurveys resurveys;
    private final BoundaryReports reports;
    private final AuditLog audit;

    public InspectionController(Inspections inspections, Resurveys resurveys, BoundaryReports reports, AuditLog audit) {
        this.inspections = inspections;
        this.resurveys = resurveys;
        this.reports = reports;
        this.audit = audit;
    }

    public record MoveApplicationRequest(List<MarkerChange.Applicant> applicants, Double elevation, String reason) {}

    @GetMapping("/inspections/{id}/resurveys")
    @Operation(summary = "复测界桩与登记位置之差及限差 / re-measured markers against their recorded position")
    @PreAuthorize("isAuthenticated()")
    public List<Resurveys.Resurvey> resurveys(@PathVariable long id) {
        inspections.get(id);
        return resurveys.ofInspection(id, CheckSettings.DEFAULTS);
    }

    @PostMapping("/marker-findings/{findingId}/move-application")
    @Operation(summary = "据超限的复测结果提出界桩移位联合申请（批准前登记位置不变）/ joint move application from a re-survey")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<MarkerChange> applyMove(
            @PathVariable long findingId, @RequestBody MoveApplicationRequest body, Principal user) {
        MarkerChange c = resurveys.applyMove(
                findingId,
                body.applicants(),
                body.elevation(),
                CheckSettings.DEFAULTS,
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(c.versionTag()))
                .body(c);
    }

    public record PlanRequest(String kind, Integer year, String leadCode, String reason) {}

    public record ConductRequest(
            String leadTeam,
            String supportingTeam,
            LocalDate inspectedOn,
            String deskCheck,
            String fieldCheck,
            String reason) {}

    public record MarkerFindingRequest(
            long markerId,
            String condition,
            Double lon,
            Double lat,
            Double accuracy,
            String note,
            String clientId,
            String reason) {}

    public record OtherFindingRequest(
            String kind, String description, Double lon, Double lat, String clientId, String reason) {}

    public record AcknowledgeRequest(List<String> keys, String reason) {}

    public record SignOffRequest(String sideCode, String signatory, String reason) {}

    @GetMapping("/inspections/due")
    @Operation(summary = "到期应联检的界线 / lines due for their periodic inspection")
    @PreAuthorize("isAuthenticated()")
    public List<Inspections.Due> due(@RequestParam(required = false) Integer year) {
        return inspections.due(year == null ? LocalDate.now().getYear() : year);
    }

    @GetMapping("/lines/{lineId}/inspections")
    @Operation(summary = "界线的联检 / inspections of a line")
    @PreAuthorize("isAuthenticated()")
    public List<Inspection> list(@PathVariable long lineId) {
        return inspections.list(lineId);
    }

    @PostMapping("/lines/{lineId}/inspections")
    @Operation(summary = "计划联检（periodic 五年一轮，牵头方轮换；ad-hoc 临时）/ plan an inspection")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Inspection> plan(@PathVariable long lineId, @RequestBody PlanRequest body, Principal user) {
        ChangeContext who = new ChangeContext(user.getName(), body.reason());
        Inspection i;
        if ("ad-hoc".equals(body.kind())) {
            if (body.year() == null) {
                throw ValidationException.of("year", "error.boundary.first-year");
            }
            i = inspections.planAdHoc(lineId, body.year(), body.leadCode(), who);
        } else {
            i = inspections.planNextRound(lineId, body.year(), who);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(i.versionTag()))
                .body(i);
    }

    @GetMapping("/inspections/{id}")
    @Operation(summary = "一次联检 / one inspection")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Inspection> get(@PathVariable long id) {
        Inspection i = inspections.get(id);
        return ETags.ok(i.versionTag(), i);
    }

    @PutMapping("/inspections/{id}/conduct")
    @Operation(summary = "填写联检实施情况（需 If-Match）/ record teams, date, desk and field check")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Inspection> conduct(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ConductRequest body,
            Principal user) {
        Inspection i = inspections.conduct(
                id,
                new Inspections.Conduct(
                        body.leadTeam(),
                        body.supportingTeam(),
                        body.inspectedOn(),
                        body.deskCheck(),
                        body.fieldCheck()),
                ETags.required(ifMatch),
                new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(i.versionTag(), i);
    }

    @PostMapping("/inspections/{id}/marker-findings")
    @Operation(summary = "界桩检查结果（clientId 重发不重复）/ a finding at a marker; resending is safe")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Inspection.MarkerFinding> markerFinding(
            @PathVariable long id, @RequestBody MarkerFindingRequest body, Principal user) {
        Inspection.MarkerFinding f = inspections.addMarkerFinding(
                id,
                body.markerId(),
                body.condition(),
                body.lon(),
                body.lat(),
                body.accuracy(),
                body.note(),
                body.clientId(),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(f);
    }

    @PostMapping("/inspections/{id}/other-findings")
    @Operation(summary = "沿线其他情况（跨界建设、地形变化…）/ another finding along the line")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Inspection.OtherFinding> otherFinding(
            @PathVariable long id, @RequestBody OtherFindingRequest body, Principal user) {
        Inspection.OtherFinding f = inspections.addOtherFinding(
                id,
                body.kind(),
                body.description(),
                body.lon(),
                body.lat(),
                body.clientId(),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(f);
    }

    @GetMapping("/inspections/{id}/checks")
    @Operation(summary = "签署前未通过且未确认的检查 / checks still blocking sign-off")
    @PreAuthorize("isAuthenticated()")
    public List<CheckFinding> blocking(@PathVariable long id) {
        return inspections.blockingFindings(id, CheckSettings.DEFAULTS);
    }

    @PostMapping("/inspections/{id}/acknowledge")
    @Operation(summary = "双方确认检查结果（需 If-Match）/ both sides acknowledge check findings")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Inspection> acknowledge(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AcknowledgeRequest body,
            Principal user) {
        Inspection i = inspections.acknowledge(
                id,
                body.keys() == null ? List.of() : body.keys(),
                ETags.required(ifMatch),
                new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(i.versionTag(), i);
    }

    @PostMapping("/inspections/{id}/sign-off")
    @Operation(summary = "一方签署（需 If-Match；检查未通过时拒绝）/ one side signs")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Inspection> signOff(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SignOffRequest body,
            Principal user) {
        Inspection i = inspections.signOff(
                id,
                body.sideCode(),
                body.signatory(),
                ETags.required(ifMatch),
                CheckSettings.DEFAULTS,
                new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(i.versionTag(), i);
    }

    @GetMapping(
            value = "/inspections/{id}/findings",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "联检检查结果（GeoJSON；无坐标者 geometry 为 null）/ findings as GeoJSON")
    @PreAuthorize("isAuthenticated()")
    public FeatureCollection findings(@PathVariable long id) {
        Inspection i = inspections.get(id);
        List<Feature> features = new ArrayList<>();
        for (Inspection.MarkerFinding f : i.markerFindings()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", "marker");
            p.put("findingId", f.id());
            p.put("markerId", f.markerId());
            p.put("markerNumber", f.markerNumber());
            p.put("condition", f.condition());
            p.put("accuracy", f.accuracy());
            p.put("note", f.note());
            p.put("recordedBy", f.recordedBy());
            features.add(Feature.of("marker-" + f.id(), BoundaryViews.point(f.lon(), f.lat()), p));
        }
        for (Inspection.OtherFinding f : i.otherFindings()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", f.kind());
            p.put("findingId", f.id());
            p.put("description", f.description());
            p.put("recordedBy", f.recordedBy());
            features.add(Feature.of("other-" + f.id(), BoundaryViews.point(f.lon(), f.lat()), p));
        }
        return FeatureCollection.of(features);
    }

    @GetMapping(value = "/inspections/{id}/findings.csv", produces = "text/csv")
    @Operation(summary = "联检检查结果（CSV 导出）/ findings as CSV")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<byte[]> findingsCsv(@PathVariable long id) {
        Inspection i = inspections.get(id);
        StringBuilder csv =
                new StringBuilder("finding_id,kind,marker_number,condition,lon,lat,accuracy_m,text,recorded_by\n");
        for (Inspection.MarkerFinding f : i.markerFindings()) {
            csv.append(String.join(
                            ",",
                            List.of(
                                    String.valueOf(f.id()),
                                    "marker",
                                    BoundaryViews.csv(f.markerNumber()),
                                    BoundaryViews.csv(f.condition()),
                                    BoundaryViews.csv(f.lon()),
                                    BoundaryViews.csv(f.lat()),
                                    BoundaryViews.csv(f.accuracy()),
                                    BoundaryViews.csv(f.note()),
                                    BoundaryViews.csv(f.recordedBy()))))
                    .append('\n');
        }
        for (Inspection.OtherFinding f : i.otherFindings()) {
            csv.append(String.join(
                            ",",
                            List.of(
                                    String.valueOf(f.id()),
                                    BoundaryViews.csv(f.kind()),
                                    "",
                                    "",
                                    BoundaryViews.csv(f.lon()),
                                    BoundaryViews.csv(f.lat()),
                                    "",
                                    BoundaryViews.csv(f.description()),
                                    BoundaryViews.csv(f.recordedBy()))))
                    .append('\n');
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inspection-" + id + "-findings.csv\"")
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/inspections/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "联检报告（PDF）/ inspection report as PDF")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<byte[]> report(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(reports.inspectionReport(id));
    }

    @GetMapping("/inspections/{id}/audit")
    @Operation(summary = "修改记录 / audit history")
    @PreAuthorize("isAuthenticated()")
    public List<AuditEvent> auditHistory(@PathVariable long id) {
        inspections.get(id);
        return audit.history("boundary-inspection", String.valueOf(id));
    }
}
