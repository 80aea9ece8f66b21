package cn.mingjie.web.boundary;

import cn.mingjie.boundary.Junction;
import cn.mingjie.boundary.Junctions;
import cn.mingjie.boundary.NewJunction;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.ETags;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
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
 * Junctions of three units (三交点): register one with the lines that meet there, link a further line
 * or the same-number triple of markers standing at it, read them as GeoJSON, and their audit history.
 */
@RestController
@RequestMapping("/api/v1/boundary")
@Tag(name = "行政区域界线 Boundary lines")
public class JunctionController {

    private final Junctions junctions;
    private final AuditLog audit;

    public JunctionController(Junctions junctions, AuditLog audit) {
        this.junctions = junctions;
        this.audit = audit;
    }

    /** {@code position}: a GeoJSON Point, [lon, lat] in CGCS2000 (EPSG:4490). */
    public record NewJunctionRequest(
            String code,
            String name,
            int level,
            List<String> parties,
            JsonNode position,
            List<Long> lineIds,
            String notes,
            String reason) {}

    public record LinkLineRequest(Long lineId, String reason) {}

    public record LinkTripleRequest(Long lineId, Integer sequence, String reason) {}

    @PostMapping(
            value = "/junctions",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "登记三交点（三个单元、点位、在此相交的 2–3 条界线，各线端点须在 1 米内）/ register a junction")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Feature> create(@RequestBody NewJunctionRequest body, Principal user) {
        Junction j = junctions.create(
                new NewJunction(
                        body.code(),
                        body.name(),
                        body.level(),
                        body.parties(),
                        BoundaryViews.point(body.position(), "position"),
                        body.lineIds(),
                        "agreement",
                        body.notes()),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.created(URI.create("/api/v1/boundary/junctions/" + j.id()))
                .eTag(ETags.quote(j.versionTag()))
                .body(feature(j));
    }

    @PostMapping(
            value = "/junctions/{id}/lines",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "将界线连到三交点（需 If-Match）/ link a line that ends at the junction")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Feature> linkLine(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody LinkLineRequest body,
            Principal user) {
        String tag = ETags.required(ifMatch);
        if (body.lineId() == null) {
            throw ValidationException.of("lineId", "error.boundary.no-such-line", "null");
        }
        Junction j = junctions.linkLine(id, body.lineId(), tag, new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(j.versionTag(), feature(j));
    }

    @PostMapping(
            value = "/junctions/{id}/triple",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "登记三交点处的同号三立界桩（C/D/E，需 If-Match）/ link the same-number triple")
    @PreAuthorize("hasRole('BOUNDARY_INSPECTOR')")
    public ResponseEntity<Feature> linkTriple(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody LinkTripleRequest body,
            Principal user) {
        String tag = ETags.required(ifMatch);
        if (body.lineId() == null) {
            throw ValidationException.of("lineId", "error.boundary.no-such-line", "null");
        }
        if (body.sequence() == null) {
            throw ValidationException.of("sequence", "error.boundary.sequence", "null");
        }
        Junction j = junctions.linkTriple(
                id, body.lineId(), body.sequence(), tag, new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(j.versionTag(), feature(j));
    }

    @GetMapping("/junctions/{id}/audit")
    @Operation(summary = "修改记录 / audit history")
    @PreAuthorize("isAuthenticated()")
    public List<AuditEvent> auditHistory(@PathVariable long id) {
        junctions.get(id);
        return audit.history("boundary-junction", String.valueOf(id));
    }

    @GetMapping(
            value = "/junctions",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "三交点（GeoJSON）/ junctions of three units, optionally of one division")
    @PreAuthorize("isAuthenticated()")
    public FeatureCollection list(@RequestParam(required = false) String division) {
        return FeatureCollection.of(
                junctions.list(division == null ? null : BoundaryLineController.twelve(division)).stream()
                        .map(JunctionController::feature)
                        .toList());
    }

    @GetMapping(
            value = "/junctions/{id}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "一个三交点 / one junction")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Feature> get(@PathVariable long id) {
        Junction j =
                junctions.find(id).orElseThrow(() -> new NotFoundException("boundary-junction", String.valueOf(id)));
        return ETags.ok(j.versionTag(), feature(j));
    }

    private static Feature feature(Junction j) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", j.id());
        p.put("code", j.code());
        p.put("name", j.name());
        p.put("level", j.level());
        p.put("parties", j.parties());
        p.put("lineIds", j.lineIds());
        p.put("markerNumbers", j.markerNumbers());
        p.put("geometrySource", j.geometrySource());
        p.put("derived", j.geometrySource().startsWith("derived:"));
        p.put("notes", j.notes());
        p.put("version", j.versionTag());
        return Feature.of(String.valueOf(j.id()), j.position(), p);
    }
}
