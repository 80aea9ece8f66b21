package cn.mingjie.web.facility;

import cn.mingjie.facility.coverage.CommunityAccess;
import cn.mingjie.facility.coverage.CoverageService;
import cn.mingjie.facility.coverage.DistrictReport;
import cn.mingjie.facility.coverage.PopulationRegister;
import cn.mingjie.facility.coverage.SiteSuggestion;
import cn.mingjie.facility.coverage.TownReport;
import cn.mingjie.facility.report.IndicatorReports;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionCodes;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionQuery;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan indicators of a district and what feeds them. Walking figures carry their method; where
 * it is the straight-line fallback every figure says so ({@code fallback: true}).
 */
@RestController
@RequestMapping("/api/v1/coverage")
@Tag(name = "覆盖分析 Coverage")
public class CoverageController {

    private final CoverageService coverage;
    private final IndicatorReports reports;
    private final PopulationRegister population;
    private final DivisionRegister divisions;

    public CoverageController(
            CoverageService coverage,
            IndicatorReports reports,
            PopulationRegister population,
            DivisionRegister divisions) {
        this.coverage = coverage;
        this.reports = reports;
        this.population = population;
        this.divisions = divisions;
    }

    @GetMapping("/districts/{code}/indicators")
    @Operation(summary = "区县规划指标（含乡镇、社区明细）/ plan indicators of a district")
    public DistrictReport indicators(@PathVariable String code) {
        return coverage.report(district(code));
    }

    @GetMapping(value = "/districts/{code}/indicators.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "指标导出 CSV / indicators as CSV")
    public ResponseEntity<byte[]> csv(@PathVariable String code) {
        DistrictReport report = coverage.report(district(code));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "indicators.csv"))
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(reports.csv(report).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/districts/{code}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "指标报告 PDF（含覆盖率地图）/ PDF report with the coverage map")
    public ResponseEntity<byte[]> pdf(@PathVariable String code) {
        DistrictReport report = coverage.report(district(code));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "report.pdf"))
                .contentType(MediaType.APPLICATION_PDF)
                .body(reports.pdf(report));
    }

    @GetMapping(
            value = "/districts/{code}/towns",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "乡镇覆盖率面（分级设色用）/ towns with their coverage, for a choropleth")
    public FeatureCollection towns(@PathVariable String code) {
        String districtCode = district(code);
        DistrictReport report = coverage.report(districtCode);
        Map<String, TownReport> byCode =
                report.towns().stream().collect(Collectors.toMap(TownReport::code, Function.identity()));
        return FeatureCollection.of(
                divisions
                        .list(new DivisionQuery(districtCode, DivisionLevel.TOWNSHIP, null, null, true, 1000, 0))
                        .stream()
                        .filter(d -> d.geometry() != null && byCode.containsKey(d.code()))
                        .map(d -> townFeature(d, byCode.get(d.code())))
                        .toList());
    }

    @GetMapping(
            value = "/districts/{code}/communities",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "社区/村人口与最近设施步行时间 / communities with population and nearest walking time")
    public FeatureCollection communities(@PathVariable String code) {
        GeometryFactory gf = new GeometryFactory();
        return FeatureCollection.of(coverage.report(district(code)).communities().stream()
                .filter(c -> c.lon() != null)
                .map(c -> Feature.of(c.code(), gf.createPoint(new Coordinate(c.lon(), c.lat())), properties(c)))
                .toList());
    }

    @GetMapping("/districts/{code}/site-suggestions")
    @Operation(summary = "新增服务站选址建议（贪心最大覆盖，小规模给出最优差距）/ suggested new station sites")
    public SiteSuggestion siteSuggestions(@PathVariable String code, @RequestParam(defaultValue = "3") int k) {
        if (k < 1 || k > 20) {
            throw ValidationException.of("k", "error.facility.k.range", k);
        }
        return coverage.suggestSites(district(code), k);
    }

    @PostMapping(value = "/population/import", consumes = "text/csv")
    @Operation(summary = "导入社区人口 CSV（全部或全不）/ import community populations (ADMIN)")
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, Integer> importPopulation(
            @RequestParam(required = false) String reason, @RequestBody byte[] body, Principal user) {
        int rows = population.importCsv(new ByteArrayInputStream(body), new ChangeContext(user.getName(), reason));
        return Map.of("imported", rows);
    }

    private static Feature townFeature(Division d, TownReport t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", t.code());
        p.put("name", t.name());
        p.put("subDistrict", t.subDistrict());
        p.put("centralTown", t.centralTown());
        p.put("population", t.population());
        p.put("coveredPopulation", t.coveredPopulation());
        p.put("coverageShare", t.coverageShare());
        p.put("hasCentre", t.hasCentre());
        p.put("hasComprehensiveInstitution", t.hasComprehensiveInstitution());
        p.put("landPerResidentM2", t.landPerResidentM2());
        p.put("urbanCommunities", t.urbanCommunities());
        p.put("urbanCommunitiesWithStation", t.urbanCommunitiesWithStation());
        p.put("fallback", t.fallback());
        p.put("geometrySource", d.geometrySource());
        p.put("derivedGeometry", d.hasDerivedGeometry());
        return Feature.of(d.code(), d.geometry(), p);
    }

    private static Map<String, Object> properties(CommunityAccess c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", c.code());
        p.put("name", c.name());
        p.put("townName", c.townName());
        p.put("population", c.population());
        p.put("populationSource", c.populationSource());
        p.put("pointSource", c.pointSource());
        p.put("urbanCommunity", c.urbanCommunity());
        p.put("hasStation", c.hasStation());
        p.put("nearestMinutes", c.nearestMinutes());
        p.put("nearestFacilityName", c.nearestFacilityName());
        p.put("walkingMethod", c.walkingMethod());
        p.put("fallback", c.fallback());
        return p;
    }

    private static String attachment(DistrictReport report, String suffix) {
        return ContentDisposition.attachment()
                .filename(report.code().substring(0, 6) + "-" + suffix)
                .build()
                .toString();
    }

    private String district(String code) {
        String full;
        try {
            full = DivisionCodes.toTwelveDigits(code);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("code", "error.code.format", code);
        }
        Division d = divisions.get(full, null);
        if (d.level() != DivisionLevel.COUNTY) {
            throw ValidationException.of("code", "error.facility.district.required", code);
        }
        return full;
    }
}
