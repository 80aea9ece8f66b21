package cn.mingjie.web.boundary;

import cn.mingjie.boundary.BoundaryReports;
import cn.mingjie.boundary.Marker;
import cn.mingjie.boundary.MarkerChange;
import cn.mingjie.boundary.MarkerRegister;
import cn.mingjie.boundary.MarkerSurvey;
import cn.mingjie.boundary.ReferenceObject;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.web.support.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Boundary markers (界桩): joint change applications, condition, surveys, attributes, photos. */
@RestController
@RequestMapping("/api/v1/boundary")
@Tag(name = "界桩 Boundary markers")
public class MarkerController {

    private final MarkerRegister markers;
    private final BoundaryReports reports;
    private final AuditLog audit;

    public MarkerController(MarkerRegister markers, BoundaryReports reports, AuditLog audit) {
        this.markers = markers;
        this.reports = reports;
        this.audit = audit;
    }

    public record ChangeRequest(
            Long markerId,
            String kind,
            MarkerChange.Proposal proposed,
            List<MarkerChange.Applicant> applicants,
            String reason) {}

    public record DecisionRequest(String decisionRef, String reason) {}

    public record ConditionRequest(String condition, LocalDate observedOn, String note, String reason) {}

    public record AttributesRequest(
            String material,
            Double elevation,
            LocalDate installedOn,
            String responsibleCode,
            List<ReferenceObject> references,
            String locationDescription,
            String reason) {}

    public record SurveyRequest(
            LocalDate surveyedOn,
            double lon,
            double lat,
            Double elevation,
            double accuracy,
            String method,
            String reason) {}

    @PostMapping("/lines/{lineId}/marker-changes")
    @Operation(summary = "界桩变更联合申请（新设/移位/撤销/重建）/ joint application to change a marker")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<MarkerChange> apply(
            @PathVariable long lineId, @RequestBody ChangeRequest body, Principal user) {
        MarkerChange c = markers.apply(
                lineId,
                body.markerId(),
                body.kind(),
                body.proposed(),
                body.applicants(),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(c.versionTag()))
                .body(c);
    }

    @GetMapping("/lines/{lineId}/marker-changes")
    @Operation(summary = "界桩变更申请 / change applications of a line")
    @PreAuthorize("isAuthenticated()")
    public List<MarkerChange> changes(@PathVariable long lineId) {
        return markers.changes(lineId);
    }

    @PostMapping("/marker-changes/{id}/approve")
    @Operation(summary = "批准申请并登记（需 If-Match）/ approve and apply")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<BoundaryViews.MarkerView> approve(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody DecisionRequest body,
            Principal user) {
        Marker m = markers.approve(
                id, body.decisionRef(), ETags.required(ifMatch), new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(m.versionTag(), BoundaryViews.marker(m));
    }

    @PostMapping("/marker-changes/{id}/reject")
    @Operation(summary = "驳回申请（需 If-Match）/ reject")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public MarkerChange reject(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody DecisionRequest body,
            Principal user) {
        return markers.reject(
                id, body.decisionRef(), ETags.required(ifMatch), new ChangeContext(user.getName(), body.reason()));
    }

    @GetMapping("/markers/{id}")
    @Operation(summary = "一个界桩 / one marker")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<BoundaryViews.MarkerView> get(@PathVariable long id) {
        Marker m = markers.get(id);
        return ETags.ok(m.versionTag(), BoundaryViews.marker(m));
    }

    @PatchMapping("/markers/{id}")
    @Operation(summary = "修改界桩属性（需 If-Match）/ change a marker's attributes")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<BoundaryViews.MarkerView> update(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AttributesRequest body,
            Principal user) {
        Marker m = markers.updateAttributes(
                id,
                new MarkerRegister.Attributes(
                        body.material(),
                        body.elevation(),
                        body.installedOn(),
                        body.responsibleCode(),
                        body.references(),
                        body.locationDescription()),
                ETags.required(ifMatch),
                new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(m.versionTag(), BoundaryViews.marker(m));
    }

    @PostMapping("/markers/{id}/condition")
    @Operation(summary = "记录界桩状况（需 If-Match；移位不改变登记位置）/ record a condition")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<BoundaryViews.MarkerView> condition(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ConditionRequest body,
            Principal user) {
        Marker m = markers.recordCondition(
                id,
                body.condition(),
                body.observedOn(),
                body.note(),
                ETags.required(ifMatch),
                new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(m.versionTag(), BoundaryViews.marker(m));
    }

    @GetMapping("/markers/{id}/conditions")
    @Operation(summary = "界桩状况历史 / condition history")
    @PreAuthorize("isAuthenticated()")
    public List<MarkerRegister.ConditionEntry> conditions(@PathVariable long id) {
        markers.get(id);
        return markers.conditionHistory(id);
    }

    public record SurveyView(
            long id,
            LocalDate surveyedOn,
            double lon,
            double lat,
            Double elevation,
            double accuracy,
            String method,
            String source) {}

    @GetMapping("/markers/{id}/surveys")
    @Operation(summary = "界桩测量记录 / surveys of a marker")
    @PreAuthorize("isAuthenticated()")
    public List<SurveyView> surveys(@PathVariable long id) {
        markers.get(id);
        return markers.surveys(id).stream().map(MarkerController::survey).toList();
    }

    @PostMapping("/markers/{id}/surveys")
    @Operation(summary = "记录一次测量（不改变登记位置）/ record a survey")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<SurveyView> addSurvey(
            @PathVariable long id, @RequestBody SurveyRequest body, Principal user) {
        MarkerSurvey s = markers.addSurvey(
                id,
                body.surveyedOn(),
                body.lon(),
                body.lat(),
                body.elevation(),
                body.accuracy(),
                body.method(),
                null,
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(survey(s));
    }

    @PostMapping(
            value = "/markers/{id}/photos",
            consumes = {"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "上传界桩照片（原始字节）/ upload a photo (raw bytes)")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<MarkerRegister.Photo> addPhoto(
            @PathVariable long id,
            @RequestParam(required = false) Long findingId,
            @RequestParam(required = false) String caption,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) String reason,
            @RequestBody byte[] bytes,
            Principal user) {
        MarkerRegister.Photo p =
                markers.addPhoto(id, findingId, bytes, caption, lon, lat, new ChangeContext(user.getName(), reason));
        return ResponseEntity.status(HttpStatus.CREATED).body(p);
    }

    @GetMapping("/markers/{id}/photos")
    @Operation(summary = "界桩照片列表 / photos of a marker")
    @PreAuthorize("isAuthenticated()")
    public List<MarkerRegister.Photo> photos(@PathVariable long id) {
        return markers.photos(id, null);
    }

    @GetMapping("/photos/{photoId}")
    @Operation(summary = "照片内容 / photo bytes")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<byte[]> photo(@PathVariable long photoId) {
        MarkerRegister.PhotoBytes p = markers.photoBytes(photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .body(p.bytes());
    }

    @GetMapping(value = "/markers/{id}/form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "界桩登记表（PDF）/ registration form of one marker")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<byte[]> registrationForm(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(reports.registrationForm(id));
    }

    @GetMapping("/markers/{id}/audit")
    @Operation(summary = "修改记录 / audit history")
    @PreAuthorize("isAuthenticated()")
    public List<AuditEvent> auditHistory(@PathVariable long id) {
        markers.get(id);
        return audit.history("boundary-marker", String.valueOf(id));
    }

    private static SurveyView survey(MarkerSurvey s) {
        return new SurveyView(
                s.id(),
                s.surveyedOn(),
                s.position().getX(),
                s.position().getY(),
                s.elevation(),
                s.accuracy(),
                s.method(),
                s.source());
    }
}
