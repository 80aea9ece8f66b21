package cn.mingjie.web.gazetteer;

import cn.mingjie.gazetteer.protection.ProtectionAndSigns;
import cn.mingjie.gazetteer.protection.ProtectionEntry;
import cn.mingjie.gazetteer.protection.ProtectionEntryChange;
import cn.mingjie.gazetteer.protection.Sign;
import cn.mingjie.gazetteer.protection.SignChange;
import cn.mingjie.gazetteer.protection.SignCheck;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/** The historical place-name protection lists and the sign inventory. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "地名保护与标志 Protection and signs")
public class ProtectionController {

    private final ProtectionAndSigns service;
    private final AuditLog audit;

    public ProtectionController(ProtectionAndSigns service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    @GetMapping("/protection-list/{id}/audit")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "条目修改记录 / the entry's audit history")
    public List<AuditEvent> entryHistory(@PathVariable long id) {
        service.entry(id);
        return audit.history("protection-entry", Long.toString(id));
    }

    @GetMapping("/signs/{id}/audit")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "标志修改记录 / the sign's audit history")
    public List<AuditEvent> signHistory(@PathVariable long id) {
        service.sign(id);
        return audit.history("sign", Long.toString(id));
    }

    public record EntryBody(
            Long placeId,
            String name,
            String listKind,
            Integer batch,
            String criteria,
            Integer nameAgeYears,
            String status,
            String measures,
            LocalDate commentFrom,
            LocalDate commentTo,
            LocalDate publishedOn,
            String source,
            String reason) {}

    /** A sign; position as lon/lat (CGCS2000). */
    public record SignView(
            long signId,
            long placeId,
            String signType,
            String printedText,
            String printedPinyin,
            Double lon,
            Double lat,
            LocalDate installedOn,
            String condition,
            List<String> photoRefs,
            String source) {
        static SignView of(Sign s) {
            return new SignView(
                    s.signId(),
                    s.placeId(),
                    s.signType(),
                    s.printedText(),
                    s.printedPinyin(),
                    s.position() == null ? null : s.position().getX(),
                    s.position() == null ? null : s.position().getY(),
                    s.installedOn(),
                    s.condition(),
                    s.photoRefs(),
                    s.source());
        }
    }

    /** A new sign, or the fields to change (null = unchanged) with the reason. */
    public record SignBody(
            Long placeId,
            String signType,
            String printedText,
            String printedPinyin,
            Double lon,
            Double lat,
            LocalDate installedOn,
            String condition,
            List<String> photoRefs,
            String reason) {}

    @GetMapping("/protection-list")
    @Operation(summary = "历史地名保护名录 / protection list entries (listKind DISTRICT or RURAL, division)")
    public List<ProtectionEntry> entries(
            @RequestParam(required = false) String listKind, @RequestParam(required = false) String division) {
        String code = Params.divisionCode("division", division);
        return service.entries(listKind, code == null ? null : cn.mingjie.gazetteer.DivisionPrefix.of(code));
    }

    @GetMapping("/protection-list/{id}")
    public ResponseEntity<ProtectionEntry> entry(@PathVariable long id) {
        ProtectionEntry e = service.entry(id);
        return ETags.ok(e.versionTag(), e);
    }

    @PostMapping("/protection-list")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "列入保护名录 / add an entry")
    public ResponseEntity<ProtectionEntry> add(@RequestBody EntryBody b, Principal user) {
        ProtectionEntry e = service.addEntry(
                new ProtectionEntry(
                        0,
                        null,
                        b.placeId(),
                        b.name(),
                        b.listKind(),
                        b.batch() == null ? 0 : b.batch(),
                        b.criteria(),
                        b.nameAgeYears(),
                        b.status(),
                        b.measures(),
                        b.commentFrom(),
                        b.commentTo(),
                        b.publishedOn(),
                        b.source() == null ? "manual" : b.source()),
                new ChangeContext(user.getName(), b.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(e.versionTag()))
                .body(e);
    }

    public record EntryPatch(
            Long placeId,
            String name,
            Integer batch,
            String criteria,
            Integer nameAgeYears,
            String status,
            String measures,
            LocalDate commentFrom,
            LocalDate commentTo,
            LocalDate publishedOn,
            String reason) {}

    @PatchMapping("/protection-list/{id}")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "修改保护名录条目（如公布日期、保护措施）/ change an entry; published only after its comment period")
    public ResponseEntity<ProtectionEntry> updateEntry(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EntryPatch b,
            Principal user) {
        ProtectionEntry e = service.updateEntry(
                id,
                new ProtectionEntryChange(
                        b.placeId(),
                        b.name(),
                        b.batch(),
                        b.criteria(),
                        b.nameAgeYears(),
                        b.status(),
                        b.measures(),
                        b.commentFrom(),
                        b.commentTo(),
                        b.publishedOn()),
                ETags.required(ifMatch),
                new ChangeContext(user.getName(), b.reason()));
        return ETags.ok(e.versionTag(), e);
    }

    @GetMapping("/signs/{id}")
    public ResponseEntity<SignView> sign(@PathVariable long id) {
        Sign s = service.sign(id);
        return ETags.ok(s.versionTag(), SignView.of(s));
    }

    @PatchMapping("/signs/{id}")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "修改地名标志（如状况、照片、位置）/ change a sign")
    public ResponseEntity<SignView> updateSign(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SignBody b,
            Principal user) {
        Sign s = service.updateSign(
                id,
                new SignChange(
                        b.placeId(),
                        b.signType(),
                        b.printedText(),
                        b.printedPinyin(),
                        position(b.lon(), b.lat()),
                        b.installedOn(),
                        b.condition(),
                        b.photoRefs()),
                ETags.required(ifMatch),
                new ChangeContext(user.getName(), b.reason()));
        return ETags.ok(s.versionTag(), SignView.of(s));
    }

    /** A CGCS2000 point from lon/lat; both or neither must be given. */
    private static Point position(Double lon, Double lat) {
        if ((lon == null) != (lat == null)) {
            throw ValidationException.of(lon == null ? "lon" : "lat", "error.sign.position-pair");
        }
        return lon == null
                ? null
                : new GeometryFactory(new PrecisionModel(), 4490).createPoint(new Coordinate(lon, lat));
    }

    @GetMapping("/signs")
    @Operation(summary = "地名标志 / signs (optionally of one place)")
    public List<SignView> signs(@RequestParam(required = false) Long placeId) {
        return service.signs(placeId).stream().map(SignView::of).toList();
    }

    @GetMapping("/signs/check")
    @Operation(summary = "标志与标准地名核对 / do the signs match the current standard names?")
    public List<SignCheck> check(@RequestParam(required = false) Long placeId) {
        return service.checkSigns(placeId);
    }

    @PostMapping("/signs")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "登记地名标志 / record a sign")
    public ResponseEntity<SignView> addSign(@RequestBody SignBody b, Principal user) {
        if (b.placeId() == null) {
            throw ValidationException.of("placeId", "error.sign.place");
        }
        Point p = position(b.lon(), b.lat());
        Sign s = service.addSign(
                b.placeId(),
                b.signType(),
                b.printedText(),
                b.printedPinyin(),
                p,
                b.installedOn(),
                b.condition(),
                b.photoRefs(),
                "manual",
                new ChangeContext(user.getName(), b.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.quote(s.versionTag()))
                .body(SignView.of(s));
    }
}
