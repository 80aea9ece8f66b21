package cn.mingjie.web.division;

import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionCodes;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionQuery;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.division.NewDivisionVersion;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.ETags;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
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

/** The administrative-division register (行政区划) over HTTP. */
@RestController
@RequestMapping("/api/v1/divisions")
@Tag(name = "行政区划 Divisions")
public class DivisionController {

    private final DivisionRegister register;
    private final AuditLog audit;

    public DivisionController(DivisionRegister register, AuditLog audit) {
        this.register = register;
        this.audit = audit;
    }

    public record DivisionSummary(
            String code,
            String name,
            int level,
            String levelName,
            String parentCode,
            LocalDate validFrom,
            LocalDate validTo,
            String source,
            String geometrySource) {

        static DivisionSummary of(Division d) {
            return new DivisionSummary(
                    d.code(),
                    d.name(),
                    d.level().number(),
                    d.level().chineseName(),
                    d.parentCode(),
                    d.validFrom(),
                    d.validTo(),
                    d.source(),
                    d.geometrySource());
        }
    }

    public record Page<T>(List<T> items, int limit, int offset) {}

    public record RenameRequest(String name, LocalDate effectiveFrom, String reason) {}

    public record EstablishRequest(
            String code, String name, Integer level, String parentCode, LocalDate validFrom, String reason) {}

    public record TransferRequest(List<String> children, LocalDate effectiveFrom, String reason) {}

    public record AbolishRequest(LocalDate effectiveFrom, String reason) {}

    @GetMapping
    @Operation(summary = "列出行政区划 / list divisions (as of a date)")
    public Page<DivisionSummary> list(
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        DivisionQuery query = query(parent, level, name, asOf, false, limit, offset);
        return new Page<>(register.list(query).stream().map(DivisionSummary::of).toList(), limit, offset);
    }

    @GetMapping(
            value = "/features",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "行政区划面（GeoJSON）/ division polygons as GeoJSON")
    public FeatureCollection features(
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "1000") int limit) {
        DivisionQuery query = query(parent, level, null, asOf, true, limit, 0);
        return FeatureCollection.of(register.list(query).stream()
                .filter(d -> d.geometry() != null)
                .map(DivisionController::feature)
                .toList());
    }

    @GetMapping(
            value = "/{code}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "一个行政区划（含几何）/ one division with its geometry")
    public ResponseEntity<Feature> get(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Division d = register.get(code(code), asOf);
        return ETags.ok(d.versionTag(), feature(d));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "沿革：全部版本 / every version of a division")
    public List<DivisionSummary> history(@PathVariable String code) {
        return register.history(code(code)).stream().map(DivisionSummary::of).toList();
    }

    @GetMapping("/{code}/audit")
    @Operation(summary = "修改记录 / audit history (signed-in users)")
    @PreAuthorize("isAuthenticated()")
    public List<AuditEvent> auditHistory(@PathVariable String code) {
        return audit.history("division", code(code));
    }

    @PatchMapping(
            value = "/{code}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "更名（新版本）/ rename from a date (needs If-Match)")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Feature> rename(
            @PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RenameRequest body,
            Principal user) {
        String expected = ETags.required(ifMatch);
        Division renamed = register.rename(
                code(code),
                body.name(),
                body.effectiveFrom(),
                expected,
                new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(renamed.versionTag(), feature(renamed));
    }

    @PostMapping(produces = {"application/geo+json", "application/json"})
    @Operation(summary = "设立新区划 / establish a unit")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Feature> establish(@RequestBody EstablishRequest body, Principal user) {
        if (body.level() == null || body.level() < 1 || body.level() > 5) {
            throw ValidationException.of("level", "error.level.range", body.level());
        }
        Division created = register.establish(
                new NewDivisionVersion(
                        body.code(),
                        body.name(),
                        DivisionLevel.of(body.level()),
                        body.parentCode(),
                        body.validFrom(),
                        null,
                        null),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.created(URI.create("/api/v1/divisions/" + created.code()))
                .eTag(ETags.quote(created.versionTag()))
                .body(feature(created));
    }

    @PostMapping("/{code}/transfers")
    @Operation(summary = "划入下级区划（拆分、合并）/ move units under this one from a date")
    @PreAuthorize("hasRole('ADMIN')")
    public List<DivisionSummary> transfer(
            @PathVariable String code, @RequestBody TransferRequest body, Principal user) {
        return register
                .transfer(
                        body.children() == null
                                ? List.of()
                                : body.children().stream()
                                        .map(DivisionController::code)
                                        .toList(),
                        code(code),
                        body.effectiveFrom(),
                        new ChangeContext(user.getName(), body.reason()))
                .stream()
                .map(DivisionSummary::of)
                .toList();
    }

    @PostMapping("/{code}/abolition")
    @Operation(summary = "撤销区划（需 If-Match）/ abolish a unit from a date")
    @PreAuthorize("hasRole('ADMIN')")
    public DivisionSummary abolish(
            @PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AbolishRequest body,
            Principal user) {
        String expected = ETags.required(ifMatch);
        return DivisionSummary.of(register.abolish(
                code(code), body.effectiveFrom(), expected, new ChangeContext(user.getName(), body.reason())));
    }

    static Feature feature(Division d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", d.code());
        p.put("name", d.name());
        p.put("level", d.level().number());
        p.put("levelName", d.level().chineseName());
        p.put("parentCode", d.parentCode());
        p.put("validFrom", d.validFrom());
        p.put("validTo", d.validTo());
        p.put("source", d.source());
        p.put("geometrySource", d.geometrySource());
        p.put("derivedGeometry", d.hasDerivedGeometry());
        if (d.seat() != null) {
            p.put("seatLon", d.seat().getX());
            p.put("seatLat", d.seat().getY());
            p.put("seatSource", d.seatSource());
        }
        p.put("version", d.versionTag());
        return Feature.of(d.code(), d.geometry(), p);
    }

    private static DivisionQuery query(
            String parent, Integer level, String name, LocalDate asOf, boolean geometry, int limit, int offset) {
        if (level != null && (level < 1 || level > 5)) {
            throw ValidationException.of("level", "error.level.range", level);
        }
        if (limit < 1 || limit > DivisionQuery.MAX_LIMIT) {
            throw ValidationException.of("limit", "error.limit.range", DivisionQuery.MAX_LIMIT);
        }
        if (offset < 0) {
            throw ValidationException.of("offset", "error.offset.range");
        }
        return new DivisionQuery(
                parent == null ? null : code(parent),
                level == null ? null : DivisionLevel.of(level),
                name,
                asOf,
                geometry,
                limit,
                offset);
    }

    private static String code(String code) {
        try {
            return DivisionCodes.toTwelveDigits(code);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("code", "error.code.format", code);
        }
    }
}
