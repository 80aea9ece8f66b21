package cn.mingjie.web.gazetteer;

import cn.mingjie.gazetteer.Category;
import cn.mingjie.gazetteer.PlaceQuery;
import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.PlaceVersion;
import cn.mingjie.gazetteer.exchange.ImportReport;
import cn.mingjie.gazetteer.exchange.PlaceExchange;
import cn.mingjie.gazetteer.exchange.PlaceRecord;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/** Export (GeoJSON, CSV, Linked Places, the printable 标准地名录) and import of the register. */
@RestController
@RequestMapping("/api/v1/places")
@Tag(name = "地名导入导出 Import and export")
public class ExchangeController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private final PlaceExchange exchange;
    private final PlaceRegister register;
    private final DivisionRegister divisions;

    public ExchangeController(PlaceExchange exchange, PlaceRegister register, DivisionRegister divisions) {
        this.exchange = exchange;
        this.register = register;
        this.divisions = divisions;
    }

    @GetMapping("/export")
    @Operation(summary = "导出（format=geojson|csv|lpf）/ export the current register under a division")
    public ResponseEntity<String> export(
            @RequestParam(defaultValue = "geojson") String format,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        PlaceQuery q = new PlaceQuery(
                null, category, Params.divisionCode("division", division), null, asOf, false, PlaceQuery.MAX_LIMIT, 0);
        return switch (format) {
            case "csv" -> ResponseEntity.ok()
                    .contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"places.csv\"")
                    .body(exchange.toCsv(exchange.records(q)));
            case "geojson" -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/geo+json"))
                    .body(exchange.toGeoJson(exchange.records(q)));
            case "lpf" -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/ld+json"))
                    .body(exchange.toLinkedPlaces(
                            register.list(q).stream().map(PlaceVersion::placeId).toList(),
                            ServletUriComponentsBuilder.fromCurrentContextPath()
                                    .path("/api/v1")
                                    .toUriString()));
            default -> throw ValidationException.of("format", "error.parameter.invalid", "format", format);
        };
    }

    @PostMapping(
            value = "/import",
            consumes = {"text/csv", "application/geo+json", "application/json"})
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "导入（先试运行 dryRun=true）/ import CSV or GeoJSON (format=csv|geojson), all or nothing")
    public ResponseEntity<ImportReport> importPlaces(
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam String reason,
            @RequestBody String body,
            Principal user) {
        ChangeContext who = new ChangeContext(user.getName(), reason);
        boolean csv = format == null ? contentType.startsWith("text/csv") : format.equals("csv");
        if (format != null && !List.of("csv", "geojson").contains(format)) {
            throw ValidationException.of("format", "error.parameter.invalid", "format", format);
        }
        List<PlaceRecord> records = csv ? exchange.parseCsv(body) : exchange.parseGeoJson(body);
        return answer(exchange.importRecords(records, dryRun, who));
    }

    @PostMapping(value = "/import", consumes = XLSX)
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "导入普查电子表格（.xlsx，表头同 CSV 列名；先试运行）/ import the census spreadsheet, all or nothing")
    public ResponseEntity<ImportReport> importSpreadsheet(
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam String reason,
            @RequestBody byte[] body,
            Principal user) {
        ChangeContext who = new ChangeContext(user.getName(), reason);
        return answer(exchange.importSpreadsheet(new ByteArrayInputStream(body), dryRun, who));
    }

    /** A rejected import is a client error (422), but the report itself is the useful answer. */
    private static ResponseEntity<ImportReport> answer(ImportReport report) {
        boolean rejected = report.count("REJECT") > 0;
        return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(report);
    }

    @GetMapping(value = "/directory", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "标准地名录（可打印）/ printable directory of standard names under a division")
    public String directory(
            @RequestParam String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        String code = Params.divisionCode("division", division);
        Division d = divisions.get(code, asOf);
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        Map<String, String> categoryNames =
                register.categories().stream().collect(Collectors.toMap(Category::code, Category::name));
        List<PlaceVersion> places =
                register.list(new PlaceQuery(null, null, code, "standard", date, false, PlaceQuery.MAX_LIMIT, 0));
        Map<String, List<PlaceVersion>> byCategory = places.stream()
                .collect(
                        Collectors.groupingBy(PlaceVersion::categoryCode, java.util.TreeMap::new, Collectors.toList()));
        Function<String, String> h = s -> s == null ? "" : HtmlUtils.htmlEscape(s);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>")
                .append(h.apply(d.name()))
                .append("标准地名录</title><style>body{font-family:serif;margin:2em}table{border-collapse:collapse;")
                .append("width:100%}td,th{border:1px solid #444;padding:4px;vertical-align:top}h2{margin-top:1.5em}")
                .append("@media print{h2{page-break-before:auto}}</style></head><body>")
                .append("<h1>")
                .append(h.apply(d.name()))
                .append("标准地名录</h1><p>截至 ")
                .append(date)
                .append("，共 ")
                .append(places.size())
                .append(" 条。行政区划名称取自区划库；乡镇以下派生内容见备注。</p>");
        byCategory.forEach((cat, list) -> {
            html.append("<h2>")
                    .append(h.apply(cat))
                    .append(" ")
                    .append(h.apply(categoryNames.get(cat)))
                    .append("</h2>");
            html.append("<table><tr><th>标准名称</th><th>罗马字母拼写</th><th>区划代码</th><th>地名含义</th>")
                    .append("<th>历史沿革</th><th>地理实体描述</th><th>启用日期</th></tr>");
            for (PlaceVersion v : list) {
                html.append("<tr><td>")
                        .append(h.apply(v.name()))
                        .append("</td><td>")
                        .append(h.apply(v.romanization()))
                        .append("</td><td>")
                        .append(h.apply(v.divisionCode()))
                        .append("</td><td>")
                        .append(h.apply(v.meaning()))
                        .append("</td><td>")
                        .append(h.apply(v.origin()))
                        .append("</td><td>")
                        .append(h.apply(v.description()))
                        .append("</td><td>")
                        .append(v.validFrom())
                        .append("</td></tr>");
            }
            html.append("</table>");
        });
        return html.append("</body></html>").toString();
    }
}
