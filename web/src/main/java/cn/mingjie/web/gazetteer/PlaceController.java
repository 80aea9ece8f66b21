package cn.mingjie.web.gazetteer;

import cn.mingjie.gazetteer.Category;
import cn.mingjie.gazetteer.HistoricalName;
import cn.mingjie.gazetteer.Place;
import cn.mingjie.gazetteer.PlaceDraft;
import cn.mingjie.gazetteer.PlaceQuery;
import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.PlaceVersion;
import cn.mingjie.gazetteer.rules.NamingProposal;
import cn.mingjie.gazetteer.rules.NamingRules;
import cn.mingjie.gazetteer.rules.RuleFinding;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.ETags;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The standard place-name register (标准地名) over HTTP. */
@RestController
@RequestMapping("/api/v1/places")
@Tag(name = "地名 Places")
public class PlaceController {

    private final PlaceRegister register;
    private final NamingRules rules;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final MessageSource messages;

    public PlaceController(
            PlaceRegister register, NamingRules rules, AuditLog audit, ObjectMapper json, MessageSource messages) {
        this.register = register;
        this.rules = rules;
        this.audit = audit;
        this.json = json;
        this.messages = messages;
    }

    /** The census fields of a version; geometry is a GeoJSON geometry object ([lon, lat]). */
    public record PlaceBody(
            String properName,
            String genericName,
            String romanization,
            String shortName,
            List<String> aliases,
            String categoryCode,
            String divisionCode,
            String meaning,
            String origin,
            String description,
            LocalDate namingDate,
            Integer establishedYear,
            Integer abolishedYear,
            String sources,
            String positionMethod,
            Map<String, Object> geometry,
            String status,
            LocalDate effectiveFrom,
            String endReason,
            String reason) {}

    public record Page<T>(List<T> items, int limit, int offset) {}

    public record DeprecateBody(String reason, Long replacedBy) {}

    public record CeaseBody(LocalDate effectiveFrom, String reason) {}

    public record HistoricalNameBody(
            String name,
            String romanization,
            LocalDate validFrom,
            LocalDate validTo,
            String note,
            String source,
            String reason) {}

    public record SupersedeBody(List<Long> older, LocalDate effectiveFrom, String reason) {}

    /** A rule finding with its message in the request's language. */
    public record Finding(String rule, String severity, String message, List<RuleFinding.Conflict> conflicts) {}

    @GetMapping
    @Operation(summary = "查询地名（可按日期）/ list places as of a date")
    public Page<Map<String, Object>> list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "false") boolean historical,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return new Page<>(
                register.list(query(name, category, division, status, asOf, historical, limit, offset)).stream()
                        .map(PlaceFeatures::properties)
                        .toList(),
                limit,
                offset);
    }

    @GetMapping(
            value = "/features",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "地名（GeoJSON）/ places as GeoJSON")
    public FeatureCollection features(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "1000") int limit) {
        return FeatureCollection.of(register.list(query(name, category, division, null, asOf, false, limit, 0)).stream()
                .map(PlaceFeatures::feature)
                .toList());
    }

    @GetMapping("/categories")
    @Operation(summary = "地名类别代码 / place-name category codes")
    public List<Category> categories() {
        return register.categories();
    }

    @GetMapping(
            value = "/{id}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "一条地名（某日有效的版本）/ one place as of a date")
    public ResponseEntity<Feature> get(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        PlaceVersion v = register.get(id, asOf);
        return ETags.ok(v.versionTag(), PlaceFeatures.feature(v));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "地名沿革：全部版本、历史地名、替代关系 / every version, historical names, lineage")
    public Map<String, Object> timeline(@PathVariable long id) {
        Place p = register.place(id);
        return Map.ofEntries(
                Map.entry("externalIds", register.externalIds(id)),
                Map.entry("placeId", p.placeId()),
                Map.entry("divisionCode", p.divisionCode() == null ? "" : p.divisionCode()),
                Map.entry("deprecated", p.deprecated()),
                Map.entry("deprecatedReason", p.deprecatedReason() == null ? "" : p.deprecatedReason()),
                Map.entry("ceased", p.ceased()),
                Map.entry(
                        "versions",
                        p.versions().stream().map(PlaceFeatures::properties).toList()),
                Map.entry("historicalNames", p.historicalNames()),
                Map.entry("supersedes", p.supersedes()),
                Map.entry("supersededBy", p.supersededBy()));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "修改记录 / audit history (signed-in users)")
    @PreAuthorize("isAuthenticated()")
    public List<AuditEvent> auditHistory(@PathVariable long id) {
        return audit.history(PlaceRegister.ENTITY, Long.toString(id));
    }

    @GetMapping("/rules/check")
    @Operation(summary = "命名规则检查（不保存）/ check a proposed name against Art. 9 (nothing is saved)")
    public List<Finding> check(
            @RequestParam(required = false) String properName,
            @RequestParam(required = false) String genericName,
            @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) String divisionCode,
            @RequestParam(defaultValue = "NAMING") String kind,
            @RequestParam(required = false) Long placeId,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) String protectionMeasures,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        var point = lon == null || lat == null
                ? null
                : new GeometryFactory(new PrecisionModel(), 4490).createPoint(new Coordinate(lon, lat));
        NamingProposal proposal = new NamingProposal(
                kind,
                placeId,
                properName,
                genericName,
                categoryCode,
                Params.divisionCode("divisionCode", divisionCode),
                point,
                protectionMeasures,
                asOf);
        return rules.check(proposal).stream().map(this::finding).toList();
    }

    @PostMapping
    @Operation(summary = "登记地名 / register a place (standard names need NAME_APPROVER)")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    public ResponseEntity<Feature> create(@RequestBody PlaceBody body, Authentication user) {
        ChangeContext who = new ChangeContext(user.getName(), body.reason());
        PlaceDraft draft = draft(body);
        requireApproverForStandard(draft, user);
        PlaceVersion created = register.create(draft, body.effectiveFrom(), "manual", who);
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(created.versionTag()))
                .header(HttpHeaders.LOCATION, "/api/v1/places/" + created.placeId())
                .body(PlaceFeatures.feature(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "修正当前版本（不改名）/ correct the current version in place (If-Match)")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    public ResponseEntity<Feature> correct(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody PlaceBody body,
            Authentication user) {
        String expected = ETags.required(ifMatch);
        PlaceDraft draft = draft(body);
        requireApproverForStandard(draft, user);
        PlaceVersion v = register.correct(id, draft, expected, new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(v.versionTag(), PlaceFeatures.feature(v));
    }

    @PostMapping("/{id}/versions")
    @Operation(summary = "新版本（更名/变更）/ a new version from a date (If-Match)")
    @PreAuthorize("hasRole('NAME_APPROVER')")
    public ResponseEntity<Feature> revise(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody PlaceBody body,
            Principal user) {
        String expected = ETags.required(ifMatch);
        PlaceVersion v = register.revise(
                id,
                draft(body),
                body.effectiveFrom(),
                body.endReason() == null ? "changed" : body.endReason(),
                expected,
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(v.versionTag()))
                .body(PlaceFeatures.feature(v));
    }

    @PostMapping("/{id}/cease")
    @Operation(summary = "停止使用（曾经有效）/ the place ceased from a date (If-Match)")
    @PreAuthorize("hasRole('NAME_APPROVER')")
    public ResponseEntity<Feature> cease(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody CeaseBody body,
            Principal user) {
        String expected = ETags.required(ifMatch);
        PlaceVersion v =
                register.cease(id, body.effectiveFrom(), expected, new ChangeContext(user.getName(), body.reason()));
        return ETags.ok(v.versionTag(), PlaceFeatures.feature(v));
    }

    @PostMapping("/{id}/deprecate")
    @Operation(summary = "标记为错误记录 / mark the record as wrong from the start (If-Match)")
    @PreAuthorize("hasRole('NAME_APPROVER')")
    public Map<String, Object> deprecate(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody DeprecateBody body,
            Principal user) {
        String expected = ETags.required(ifMatch);
        register.deprecate(
                id, body.reason(), body.replacedBy(), expected, new ChangeContext(user.getName(), body.reason()));
        return timeline(id);
    }

    @PostMapping("/{id}/supersedes")
    @Operation(summary = "替代关系（拆分/合并）/ this place supersedes older ones from a date")
    @PreAuthorize("hasRole('NAME_APPROVER')")
    public Map<String, Object> supersede(@PathVariable long id, @RequestBody SupersedeBody body, Principal user) {
        if (body.older() == null || body.older().isEmpty()) {
            throw ValidationException.of("older", "error.name.required");
        }
        if (body.effectiveFrom() == null) {
            throw ValidationException.of("effectiveFrom", "error.date.required");
        }
        register.supersede(body.older(), id, body.effectiveFrom(), new ChangeContext(user.getName(), body.reason()));
        return timeline(id);
    }

    @PostMapping("/{id}/historical-names")
    @Operation(summary = "记录历史地名 / record a historical name with its validity")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    public ResponseEntity<Map<String, Object>> addHistoricalName(
            @PathVariable long id, @RequestBody HistoricalNameBody body, Principal user) {
        register.addHistoricalName(
                id,
                new HistoricalName(
                        body.name(),
                        body.romanization(),
                        body.validFrom(),
                        body.validTo(),
                        body.note(),
                        body.source(),
                        false),
                new ChangeContext(user.getName(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(timeline(id));
    }

    private Finding finding(RuleFinding f) {
        Object[] args = f.args().toArray(new Object[f.args().size() + 1]);
        if (f.rule().equals("ART9_DUPLICATE") || f.rule().equals("ART9_HOMOPHONE")) {
            // The scope is a code (MUNICIPALITY, COUNTY, ...); people read its name.
            args[1] = messages.getMessage(
                    "rule.scope." + args[1], null, args[1].toString(), LocaleContextHolder.getLocale());
        }
        args[args.length - 1] = String.join(
                "、", f.conflicts().stream().map(RuleFinding.Conflict::name).toList());
        String message = messages.getMessage(f.messageKey(), args, f.messageKey(), LocaleContextHolder.getLocale());
        return new Finding(f.rule(), f.severity().name(), message, f.conflicts());
    }

    private void requireApproverForStandard(PlaceDraft draft, Authentication user) {
        boolean approver = user.getAuthorities().stream()
                .anyMatch(a -> Set.of("ROLE_NAME_APPROVER", "ROLE_ADMIN").contains(a.getAuthority()));
        if ("standard".equals(draft.status()) && !approver) {
            throw new org.springframework.security.access.AccessDeniedException("standard names need an approver");
        }
    }

    private PlaceDraft draft(PlaceBody b) {
        return new PlaceDraft(
                b.properName(),
                b.genericName(),
                b.romanization(),
                b.shortName(),
                b.aliases(),
                b.categoryCode(),
                Params.divisionCode("divisionCode", b.divisionCode()),
                b.meaning(),
                b.origin(),
                b.description(),
                b.namingDate(),
                b.establishedYear(),
                b.abolishedYear(),
                b.sources(),
                b.positionMethod(),
                Params.geometry(b.geometry(), json),
                b.status());
    }

    private static PlaceQuery query(
            String name,
            String category,
            String division,
            String status,
            LocalDate asOf,
            boolean historical,
            int limit,
            int offset) {
        Params.limit(limit, PlaceQuery.MAX_LIMIT);
        if (offset < 0) {
            throw ValidationException.of("offset", "error.offset.range");
        }
        if (category != null && !category.matches("[0-9]{5}")) {
            throw ValidationException.of("category", "error.place.category", category);
        }
        return new PlaceQuery(
                name, category, Params.divisionCode("division", division), status, asOf, historical, limit, offset);
    }
}
