package cn.mingjie.web.boundary;

import cn.mingjie.boundary.BoundaryChecks;
import cn.mingjie.boundary.BoundaryLine;
import cn.mingjie.boundary.BoundaryLines;
import cn.mingjie.boundary.BoundaryReports;
import cn.mingjie.boundary.CheckFinding;
import cn.mingjie.boundary.CheckSettings;
import cn.mingjie.boundary.CoverageChecks;
import cn.mingjie.boundary.DirectionDescription;
import cn.mingjie.boundary.LegalStatus;
import cn.mingjie.boundary.LineDescriptions;
import cn.mingjie.boundary.LineMeasure;
import cn.mingjie.boundary.LineUpdate;
import cn.mingjie.boundary.Marker;
import cn.mingjie.boundary.MarkerRegister;
import cn.mingjie.boundary.NewLine;
import cn.mingjie.boundary.SurveyImport;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.ETags;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
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

/** Boundary lines (行政区域界线): register, measure, description, checks, markers of a line, reports. */
@RestController
@RequestMapping("/api/v1/boundary")
@Tag(name = "行政区域界线 Boundary lines")
public class BoundaryLineController {

    private final BoundaryLines lines;
    private final MarkerRegister markers;
    private final LineDescriptions descriptions;
    private final BoundaryChecks checks;
    private final CoverageChecks coverage;
    private final SurveyImport surveyImport;
    private final BoundaryReports reports;
    private final AuditLog audit;

    public BoundaryLineController(
            BoundaryLines lines,
            MarkerRegister markers,
            LineDescriptions descriptions,
            BoundaryChecks checks,
            CoverageChecks coverage,
            SurveyImport surveyImport,
            BoundaryReports reports,
            AuditLog audit) {
        this.lines = lines;
        this.markers = markers;
        this.descriptions = descriptions;
        this.checks = checks;
        this.coverage = coverage;
        this.surveyImport = surveyImport;
        this.reports = reports;
        this.audit = audit;
    }

    public record NewLineRequest(
            String code,
            String name,
            int level,
            List<String> parties,
            String agreementRef,
            String legalStatus,
            JsonNode geometry,
            String notes,
            String reason) {}

    public record LineUpdateRequest(
            String name, String agreementRef, String legalStatus, JsonNode geometry, String notes, String reason) {}

    @GetMapping(
            value = "/lines",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "界线（GeoJSON）/ boundary lines, optionally of one division")
    @PreAuthorize("isAuthenticated()")
    public FeatureCollection list(@RequestParam(required = false) String division) {
        return FeatureCollection.of(lines.list(division == null ? null : twelve(division)).stream()
                .map(BoundaryViews::line)
                .toList());
    }

    @GetMapping(
            value = "/lines/{id}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "一条界线 / one line")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Feature> get(@PathVariable long id) {
        BoundaryLine l = lines.get(id);
        return ETags.ok(l.versionTag(), BoundaryViews.line(l));
    }

    @PostMapping(
            value = "/lines",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "登记界线 / register a line")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Feature> create(@RequestBody NewLineRequest body, Principal user) {
        BoundaryLine l = lines.create(
                new NewLine(
                        body.code(),
                        body.name(),
                        body.level(),
                        body.parties(),
                        body.agreementRef(),
                        status(body.legalStatus()),
                        BoundaryViews.lineString(body.geometry(), "geometry"),
                        "agreement",
                        body.notes()),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.created(URI.create("/api/v1/boundary/lines/" + l.id()))
                .eTag(ETags.quote(l.versionTag()))
                .body(BoundaryViews.line(l));
    }

    @PatchMapping(
            value = "/lines/{id}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "修改界线（需 If-Match）/ change a line")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Feature> update(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody LineUpdateRequest body,
            Principal user) {
        String expected = ETags.required(ifMatch);
        BoundaryLine l = lines.update(
                id,
                new LineUpdate(
                        body.name(),
                        body.agreementRef(),
                        body.legalStatus() == null ? null : status(body.legalStatus()),
                        body.geometry() == null ? null : BoundaryViews.lineString(body.geometry(), "geometry"),
                        body.notes()),
                expected,
                new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(l.versionTag(), BoundaryViews.line(l));
    }

    public record SegmentView(
            int zone, double centralMeridian, int epsgWithPrefix, int epsgWithoutPrefix, double planeLength) {}

    public record MeasureView(double planeLength, double geodesicLength, List<SegmentView> segments) {}

    @GetMapping("/lines/{id}/measure")
    @Operation(summary = "长度（按高斯-克吕格 3 度带分段）/ length per GK zone")
    @PreAuthorize("isAuthenticated()")
    public MeasureView measure(@PathVariable long id) {
        LineMeasure m = BoundaryLines.measure(lines.get(id).geometry());
        return new MeasureView(
                m.planeLength(),
                m.geodesicLength(),
                m.segments().stream()
                        .map(s -> new SegmentView(
                                s.zone(),
                                s.centralMeridian(),
                                s.epsgWithPrefix(),
                                s.epsgWithoutPrefix(),
                                s.planeLength()))
                        .toList());
    }

    @GetMapping("/lines/{id}/description")
    @Operation(summary = "界线走向说明 / generated direction description")
    @PreAuthorize("isAuthenticated()")
    public DirectionDescription description(@PathVariable long id) {
        return descriptions.describe(id);
    }

    @GetMapping("/lines/{id}/checks")
    @Operation(summary = "检查界线与界桩 / run the checks of a line")
    @PreAuthorize("isAuthenticated()")
    public List<CheckFinding> check(@PathVariable long id) {
        return checks.checkLine(id, CheckSettings.DEFAULTS);
    }

    @GetMapping("/coverage-checks")
    @Operation(summary = "同级区划覆盖检查（缝隙、重叠、超出上级）/ coverage checks under a parent")
    @PreAuthorize("isAuthenticated()")
    public List<CheckFinding> coverage(@RequestParam String parent, @RequestParam int level) {
        if (level < 2 || level > 5) {
            throw ValidationException.of("level", "error.level.range", level);
        }
        return coverage.check(twelve(parent), level, CheckSettings.DEFAULTS);
    }

    @GetMapping("/lines/{id}/audit")
    @Operation(summary = "修改记录 / audit history")
    @PreAuthorize("isAuthenticated()")
    public List<AuditEvent> auditHistory(@PathVariable long id) {
        lines.get(id);
        return audit.history("boundary-line", String.valueOf(id));
    }

    @GetMapping("/lines/{id}/markers")
    @Operation(summary = "界线的界桩 / the markers of a line")
    @PreAuthorize("isAuthenticated()")
    public List<BoundaryViews.MarkerView> markers(@PathVariable long id) {
        lines.get(id);
        return markers.list(id).stream().map(BoundaryViews::marker).toList();
    }

    @GetMapping(
            value = "/lines/{id}/markers/features",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "界桩（GeoJSON 导出）/ markers as GeoJSON")
    @PreAuthorize("isAuthenticated()")
    public FeatureCollection markerFeatures(@PathVariable long id) {
        lines.get(id);
        return FeatureCollection.of(
                markers.list(id).stream().map(BoundaryViews::markerFeature).toList());
    }

    @GetMapping(value = "/lines/{id}/markers.csv", produces = "text/csv")
    @Operation(summary = "界桩成果表（CSV 导出）/ markers as CSV")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<byte[]> markerCsv(@PathVariable long id) {
        BoundaryLine line = lines.get(id);
        StringBuilder csv = new StringBuilder(
                "number,type,material,lon,lat,epsg,northing,easting,elevation,installed_on,condition,retired\n");
        for (Marker m : markers.list(id)) {
            BoundaryViews.MarkerView v = BoundaryViews.marker(m);
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%s,%.8f,%.8f,%d,%.3f,%.3f,%s,%s,%s,%s%n",
                    v.number(),
                    v.type(),
                    v.material() == null ? "" : v.material().replace(",", "，"),
                    v.lon(),
                    v.lat(),
                    v.epsgWithPrefix(),
                    v.northing(),
                    v.prefixedEasting(),
                    v.elevation() == null ? "" : v.elevation(),
                    v.installedOn() == null ? "" : v.installedOn(),
                    v.condition(),
                    v.retired()));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"markers-" + line.code() + ".csv\"")
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/lines/{id}/markers.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "界桩成果表（PDF）/ marker register as PDF")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<byte[]> markerPdf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(reports.markerTable(id));
    }

    @GetMapping(value = "/lines/{id}/marker-forms.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "界桩登记表（PDF，每桩一页）/ marker registration forms, one page per marker")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<byte[]> registrationForms(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(reports.registrationForms(id));
    }

    @PostMapping(
            value = "/lines/{id}/surveys",
            consumes = {"text/csv", "text/plain"})
    @Operation(summary = "导入 RTK 测量点（CSV，全部成功或全部不存）/ import RTK points, all or nothing")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public SurveyImport.Result importSurveys(
            @PathVariable long id,
            @RequestParam int epsg,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate surveyedOn,
            @RequestParam(required = false) String reason,
            @RequestBody String csv,
            Principal user) {
        return surveyImport.importCsv(
                id, csv, epsg, surveyedOn, CheckSettings.DEFAULTS, new ChangeContext(user.getName(), reason));
    }

    static String twelve(String code) {
        if (code == null || !code.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw ValidationException.of("code", "error.code.format", code);
        }
        return (code + "000000000000").substring(0, 12);
    }

    private static LegalStatus status(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "agreed" -> LegalStatus.AGREED;
            case "disputed" -> LegalStatus.DISPUTED;
            default -> throw ValidationException.of("legalStatus", "error.boundary.legal-status");
        };
    }
}
