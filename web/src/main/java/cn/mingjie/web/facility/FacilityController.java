package cn.mingjie.web.facility;

import cn.mingjie.facility.Facility;
import cn.mingjie.facility.FacilityDraft;
import cn.mingjie.facility.FacilityImport;
import cn.mingjie.facility.FacilityQuery;
import cn.mingjie.facility.FacilityRegistry;
import cn.mingjie.facility.FacilityStatus;
import cn.mingjie.facility.FacilityType;
import cn.mingjie.facility.coverage.CoverageService;
import cn.mingjie.facility.walking.WalkingNetworks;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.ETags;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The facility register over HTTP. Reading is public except unpublished facilities, which only
 * signed-in users see. Writing needs ADMIN (planners read; the foundation defines no facility-editor
 * role) and, for changes, the ETag in If-Match; every write is audited with its reason.
 */
@RestController
@RequestMapping("/api/v1/facilities")
@Tag(name = "民政设施 Facilities")
public class FacilityController {

    private final FacilityRegistry registry;
    private final CoverageService coverage;
    private final WalkingNetworks networks;

    public FacilityController(FacilityRegistry registry, CoverageService coverage, WalkingNetworks networks) {
        this.registry = registry;
        this.coverage = coverage;
        this.networks = networks;
    }

    /** A facility as an editor sends it: a GeoJSON geometry or lon/lat, and the reason for the change. */
    public record FacilityRequest(
            String type,
            String name,
            String placeRef,
            String divisionCode,
            Double lon,
            Double lat,
            JsonNode geometry,
            String operator,
            Integer beds,
            Integer nursingBeds,
            BigDecimal floorAreaM2,
            BigDecimal landAreaM2,
            Integer graveCapacity,
            Integer nicheCapacity,
            LocalDate openedOn,
            String status,
            Boolean published,
            String reason) {}

    public record TypeInfo(String code, String name, String nameEn, String category, boolean areaAllowed) {}

    public record ImportResult(int imported, List<Long> ids) {}

    @GetMapping("/types")
    @Operation(summary = "设施类型 / facility types")
    public List<TypeInfo> types() {
        return Arrays.stream(FacilityType.values())
                .map(t -> new TypeInfo(
                        t.name(), t.chineseName(), t.englishName(), t.category().name(), t.allowsArea()))
                .toList();
    }

    @GetMapping(produces = {"application/geo+json", "application/json"})
    @Operation(summary = "设施列表（GeoJSON）/ facilities; unpublished ones only for signed-in users")
    public FeatureCollection list(
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) String district,
            Principal user) {
        FacilityQuery q = new FacilityQuery(types(type), prefix(district), user != null);
        return FeatureCollection.of(
                registry.list(q).stream().map(FacilityFeatures::facility).toList());
    }

    @GetMapping(
            value = "/{id}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "一个设施 / one facility (ETag)")
    public ResponseEntity<Feature> get(@PathVariable long id, Principal user) {
        Facility f = registry.get(id, user != null);
        return ETags.ok(f.versionTag(), FacilityFeatures.facility(f));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "修改记录 / audit history (signed-in users)")
    @PreAuthorize("isAuthenticated()")
    public List<AuditEvent> history(@PathVariable long id) {
        registry.get(id, true);
        return registry.history(id);
    }

    @PostMapping(produces = {"application/geo+json", "application/json"})
    @Operation(summary = "登记设施 / create a facility (ADMIN)")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Feature> create(@RequestBody FacilityRequest body, Principal user) {
        ChangeContext who = new ChangeContext(user.getName(), body.reason());
        Facility f = registry.create(draft(body), who);
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + f.id()))
                .eTag(ETags.quote(f.versionTag()))
                .body(FacilityFeatures.facility(f));
    }

    @PutMapping(
            value = "/{id}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "修改设施 / replace a facility (ADMIN, If-Match)")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Feature> update(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody FacilityRequest body,
            Principal user) {
        String expected = ETags.required(ifMatch);
        ChangeContext who = new ChangeContext(user.getName(), body.reason());
        Facility f = registry.update(id, draft(body), expected, who);
        return ETags.ok(f.versionTag(), FacilityFeatures.facility(f));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "注销设施记录 / delete a facility (ADMIN, If-Match, reason)")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) String reason,
            Principal user) {
        String expected = ETags.required(ifMatch);
        registry.delete(id, expected, new ChangeContext(user.getName(), reason));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            value = "/import",
            consumes = {"text/csv", "application/geo+json", "application/json"})
    @Operation(summary = "批量导入（CSV 或 GeoJSON，全部或全不）/ import CSV or GeoJSON, all or nothing (ADMIN)")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ImportResult> importFile(
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "upload") String fileName,
            @RequestBody byte[] body,
            Principal user) {
        ChangeContext who = new ChangeContext(user.getName(), reason);
        MediaType type = MediaType.parseMediaType(contentType);
        FacilityImport.Parsed parsed = type.isCompatibleWith(MediaType.parseMediaType("text/csv"))
                ? FacilityImport.csv(new ByteArrayInputStream(body))
                : FacilityImport.geoJson(new ByteArrayInputStream(body));
        List<Facility> created = registry.importAll(parsed, "import:" + fileName, who);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ImportResult(
                        created.size(), created.stream().map(Facility::id).toList()));
    }

    @GetMapping(
            value = "/{id}/service-areas",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "设施步行服务范围（等时圈）/ walking service areas of a facility")
    public FeatureCollection serviceAreas(
            @PathVariable long id, @RequestParam(defaultValue = "5,10,15") List<Integer> minutes, Principal user) {
        Facility f = registry.get(id, user != null);
        Point origin = f.location();
        return FeatureCollection.of(networks.at(origin).serviceAreas(origin, minutes(minutes)).stream()
                .map(a -> FacilityFeatures.serviceArea(a, f.id()))
                .toList());
    }

    @GetMapping(
            value = "/service-areas",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "任意点步行服务范围 / walking service areas from a point (lon, lat)")
    public FeatureCollection serviceAreasAt(
            @RequestParam Double lon,
            @RequestParam Double lat,
            @RequestParam(defaultValue = "5,10,15") List<Integer> minutes) {
        Point origin = FacilityFeatures.point(lon, lat);
        return FeatureCollection.of(networks.at(origin).serviceAreas(origin, minutes(minutes)).stream()
                .map(a -> FacilityFeatures.serviceArea(a, null))
                .toList());
    }

    @GetMapping(
            value = "/nearest",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "最近设施及步行路线 / nearest facilities by walking time, with routes")
    public FeatureCollection nearest(
            @RequestParam Double lon,
            @RequestParam Double lat,
            @RequestParam(required = false) List<String> type,
            @RequestParam(defaultValue = "3") int limit) {
        if (limit < 1 || limit > 20) {
            throw ValidationException.of("limit", "error.facility.limit.range", limit);
        }
        Set<FacilityType> types = types(type);
        return FeatureCollection.of(coverage.nearest(FacilityFeatures.point(lon, lat), types, limit).stream()
                .map(n -> FacilityFeatures.route(n.facility(), n.route()))
                .toList());
    }

    @GetMapping("/networks")
    @Operation(summary = "已加载的步行路网与估算方法 / loaded walking networks and the fallback")
    public Map<String, Object> walkingNetworks() {
        List<Map<String, Object>> loaded = new ArrayList<>();
        networks.loaded()
                .forEach(n -> loaded.add(Map.of(
                        "name", n.name(),
                        "method", n.method(),
                        "bounds", n.bounds(),
                        "nodes", n.nodeCount())));
        return Map.of("networks", loaded, "fallback", networks.fallback().method());
    }

    static List<Integer> minutes(List<Integer> minutes) {
        for (Integer m : minutes) {
            if (m == null || m < 1 || m > 60) {
                throw ValidationException.of("minutes", "error.facility.minutes.range", m);
            }
        }
        return minutes;
    }

    static Set<FacilityType> types(List<String> codes) {
        Set<FacilityType> types = EnumSet.noneOf(FacilityType.class);
        if (codes != null) {
            for (String c : codes) {
                types.add(FacilityType.parse(c)
                        .orElseThrow(() -> ValidationException.of("type", "error.facility.type.unknown", c)));
            }
        }
        return types;
    }

    static String prefix(String district) {
        if (district == null || district.isBlank()) {
            return null;
        }
        String d = district.strip();
        if (!d.matches("[0-9]{6}([0-9]{6})?")) {
            throw ValidationException.of("district", "error.facility.division.format", d);
        }
        return d.substring(0, 6);
    }

    private static FacilityDraft draft(FacilityRequest b) {
        List<FieldProblem> problems = new ArrayList<>();
        FacilityType type = null;
        if (b.type() != null) {
            type = FacilityType.parse(b.type()).orElse(null);
            if (type == null) {
                problems.add(new FieldProblem("type", "error.facility.type.unknown", b.type()));
            }
        }
        FacilityStatus status = FacilityStatus.parse(b.status()).orElse(null);
        if (status == null) {
            problems.add(new FieldProblem("status", "error.facility.status.unknown", b.status()));
        }
        Geometry geometry = null;
        if (b.geometry() != null && !b.geometry().isNull()) {
            try {
                geometry = new GeoJsonReader().read(b.geometry().toString());
            } catch (ParseException | RuntimeException e) {
                problems.add(new FieldProblem("geometry", "error.import.geojson-geometry", e.getMessage()));
            }
        } else if (b.lon() != null || b.lat() != null) {
            try {
                geometry = FacilityFeatures.point(b.lon(), b.lat());
            } catch (ValidationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new FacilityDraft(
                type,
                b.name(),
                b.placeRef(),
                b.divisionCode(),
                geometry,
                b.operator(),
                b.beds(),
                b.nursingBeds(),
                b.floorAreaM2(),
                b.landAreaM2(),
                b.graveCapacity(),
                b.nicheCapacity(),
                b.openedOn(),
                status,
                b.published());
    }
}
