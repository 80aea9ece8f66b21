package cn.mingjie.web.boundary;

import cn.mingjie.boundary.Dispute;
import cn.mingjie.boundary.Disputes;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.web.support.ETags;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/** The dispute register (边界争议) and peaceful-boundary agreements (平安边界). */
@RestController
@RequestMapping("/api/v1/boundary")
@Tag(name = "边界争议 Disputes")
public class DisputeController {

    private final Disputes disputes;

    public DisputeController(Disputes disputes) {
        this.disputes = disputes;
    }

    public record DisputeRequest(
            Long lineId, String title, List<String> parties, JsonNode area, LocalDate openedOn, String reason) {}

    public record ClaimRequest(String partyCode, JsonNode line, String note, String reason) {}

    public record AdvanceRequest(String status, String decisionRef, String reason) {}

    public record AgreementRequest(
            long lineId, String title, LocalDate signedOn, LocalDate renewBy, String hazards, String reason) {}

    @GetMapping(
            value = "/disputes",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "争议登记（争议区 GeoJSON）/ the dispute register")
    @PreAuthorize("isAuthenticated()")
    public FeatureCollection list() {
        return FeatureCollection.of(
                disputes.list().stream().map(DisputeController::feature).toList());
    }

    @GetMapping(
            value = "/disputes/{id}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "一项争议 / one dispute")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Feature> get(@PathVariable long id) {
        Dispute d = disputes.get(id);
        return ETags.ok(d.versionTag(), feature(d));
    }

    @PostMapping(
            value = "/disputes",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "登记争议（界线随即冻结）/ open a dispute; the line is frozen")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Feature> open(@RequestBody DisputeRequest body, Principal user) {
        Dispute d = disputes.open(
                body.lineId(),
                body.title(),
                body.parties(),
                BoundaryViews.multiPolygon(body.area(), "area"),
                body.openedOn(),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(d.versionTag()))
                .body(feature(d));
    }

    @PostMapping(
            value = "/disputes/{id}/claims",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "一方主张线 / a party's claimed line")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Feature> claim(@PathVariable long id, @RequestBody ClaimRequest body, Principal user) {
        Dispute d = disputes.addClaim(
                id,
                body.partyCode(),
                BoundaryViews.lineString(body.line(), "line"),
                body.note(),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(d.versionTag()))
                .body(feature(d));
    }

    @PostMapping(
            value = "/disputes/{id}/advance",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "推进争议（协商→调解→裁决→结案，需 If-Match）/ move a dispute on")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Feature> advance(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AdvanceRequest body,
            Principal user) {
        Dispute d = disputes.advance(
                id,
                body.status(),
                body.decisionRef(),
                ETags.required(ifMatch),
                new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(d.versionTag(), feature(d));
    }

    @GetMapping("/peace-agreements")
    @Operation(summary = "平安边界协议（可按续签期限筛选）/ peaceful-boundary agreements")
    @PreAuthorize("isAuthenticated()")
    public List<Disputes.PeaceAgreement> agreements(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate renewBy) {
        return disputes.agreements(renewBy);
    }

    @PostMapping("/peace-agreements")
    @Operation(summary = "登记平安边界协议 / register an agreement")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Disputes.PeaceAgreement> addAgreement(@RequestBody AgreementRequest body, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(disputes.addAgreement(
                        body.lineId(),
                        body.title(),
                        body.signedOn(),
                        body.renewBy(),
                        body.hazards(),
                        new ChangeContext(user.getName(), body.reason())));
    }

    private static Feature feature(Dispute d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.id());
        p.put("lineId", d.lineId());
        p.put("title", d.title());
        p.put("parties", d.parties());
        p.put("status", d.status());
        p.put("openedOn", d.openedOn());
        p.put("decisionRef", d.decisionRef());
        p.put(
                "claims",
                d.claims().stream()
                        .map(c -> Map.of("party", c.partyCode(), "wkt", c.line().toText()))
                        .toList());
        p.put("version", d.versionTag());
        return Feature.of(String.valueOf(d.id()), d.area(), p);
    }
}
