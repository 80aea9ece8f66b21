package cn.mingjie.web.search;

import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchHit;
import cn.mingjie.gazetteer.search.SearchIndexStatus;
import cn.mingjie.gazetteer.search.SearchRequest;
import cn.mingjie.gazetteer.search.SearchResult;
import cn.mingjie.geocore.division.DivisionCodes;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.geojson.GeoJsonOutput;
import cn.mingjie.web.support.Feature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/search: one query box, results as GeoJSON features with match type and score. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "地名搜索 Place-name search")
public class SearchController {

    private static final long DEGREE_UNIT = (long) Math.pow(10, GeoJsonOutput.DEFAULT_DECIMALS);

    private final PlaceSearch search;

    public SearchController(PlaceSearch search) {
        this.search = search;
    }

    /** A GeoJSON FeatureCollection plus how the query was understood. */
    public record SearchResponse(
            String type, String query, String normalizedQuery, String area, List<Feature> features) {}

    @GetMapping(produces = {"application/geo+json", "application/json"})
    @Operation(
            summary = "搜索地名 / search place names",
            description = "q: 汉字、全拼、首字母、汉字拼音混合、繁体、“区域 名称”; mode=autocomplete 前缀联想;"
                    + " level 1–5, category, within (区划代码，含下级), asOf (日期), bbox=west,south,east,north,"
                    + " lat/lon 地图中心偏好, limit 1–100, geometry=true 返回完整几何")
    @Parameters({
        @Parameter(name = "q", in = ParameterIn.QUERY, description = "查询 / query (≤ 100)"),
        @Parameter(
                name = "mode",
                in = ParameterIn.QUERY,
                schema =
                        @Schema(
                                allowableValues = {"search", "autocomplete"},
                                defaultValue = "search")),
        @Parameter(
                name = "level",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "integer", minimum = "1", maximum = "5")),
        @Parameter(name = "category", in = ParameterIn.QUERY),
        @Parameter(name = "within", in = ParameterIn.QUERY, description = "区划代码 / division code"),
        @Parameter(name = "asOf", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date")),
        @Parameter(name = "bbox", in = ParameterIn.QUERY, description = "west,south,east,north"),
        @Parameter(name = "lat", in = ParameterIn.QUERY, schema = @Schema(type = "number", format = "double")),
        @Parameter(name = "lon", in = ParameterIn.QUERY, schema = @Schema(type = "number", format = "double")),
        @Parameter(
                name = "limit",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10")),
        @Parameter(
                name = "geometry",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "boolean", defaultValue = "false")),
    })
    public SearchResponse search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        // One map parsed here instead of eleven @RequestParam resolutions and conversions: this is the busiest
        // endpoint (docs/search.md, "Spring HTTP path").
        List<FieldProblem> problems = new ArrayList<>();
        String q = params.getFirst("q");
        String mode = text(params, "mode", "search");
        Integer level = parsed(params, "level", Integer::valueOf, problems);
        String category = text(params, "category", null);
        String within = text(params, "within", null);
        LocalDate asOf = parsed(params, "asOf", LocalDate::parse, problems);
        String bbox = text(params, "bbox", null);
        Double lat = parsed(params, "lat", SearchController::finite, problems);
        Double lon = parsed(params, "lon", SearchController::finite, problems);
        Integer limitParam = parsed(params, "limit", Integer::valueOf, problems);
        int limit = limitParam == null ? 10 : limitParam;
        boolean geometry = bool(params, "geometry", problems);
        if (q == null || q.isBlank()) {
            problems.add(new FieldProblem("q", "search.error.q.required", new Object[0]));
        } else if (q.length() > 100) {
            problems.add(new FieldProblem("q", "search.error.q.long", new Object[] {100}));
        }
        if (!mode.equals("search") && !mode.equals("autocomplete")) {
            problems.add(new FieldProblem("mode", "search.error.mode", new Object[] {mode}));
        }
        if (level != null && (level < 1 || level > 5)) {
            problems.add(new FieldProblem("level", "search.error.level", new Object[] {level}));
        }
        String withinCode = null;
        if (within != null) {
            try {
                withinCode = DivisionCodes.toTwelveDigits(within);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("within", "search.error.within", new Object[] {within}));
            }
        }
        SearchRequest.BoundingBox box = bbox == null ? null : parseBox(bbox, problems);
        // Presence, not the parsed value: an unparsable lat is reported once, as unparsable.
        boolean hasLat = text(params, "lat", null) != null;
        if (hasLat != (text(params, "lon", null) != null)) {
            problems.add(new FieldProblem(hasLat ? "lon" : "lat", "search.error.focus.pair", new Object[0]));
        } else if (lat != null && lon != null && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) {
            problems.add(new FieldProblem("lat", "search.error.focus.range", new Object[] {lat, lon}));
        }
        if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "search.error.limit", new Object[] {SearchRequest.MAX_LIMIT}));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        SearchRequest request = new SearchRequest(
                q, mode.equals("autocomplete"), level, category, withinCode, asOf, box, lon, lat, limit);
        SearchResult result = search.search(request);
        List<Feature> features = new ArrayList<>();
        for (SearchHit h : result.hits()) {
            features.add(feature(h, geometry ? search.geometry(h.placeId(), asOf) : null));
        }
        return new SearchResponse("FeatureCollection", q, result.normalizedQuery(), result.area(), features);
    }

    @GetMapping("/status")
    @Operation(summary = "搜索索引状态 / search index status")
    public SearchIndexStatus status() {
        return search.status();
    }

    /** The first value of a parameter (Spring's single-value binding takes the first too); blank is absent. */
    private static String text(MultiValueMap<String, String> params, String name, String absent) {
        String v = params.getFirst(name);
        return v == null || v.isBlank() ? absent : v.strip();
    }

    /** A parameter parsed by {@code parse}; a value it refuses is a field problem, and the result null. */
    private static <T> T parsed(
            MultiValueMap<String, String> params, String name, Function<String, T> parse, List<FieldProblem> problems) {
        String v = text(params, name, null);
        try {
            return v == null ? null : parse.apply(v);
        } catch (NumberFormatException | DateTimeParseException e) {
            problems.add(invalid(name, v));
            return null;
        }
    }

    /** A finite number: NaN and Infinity parse as doubles but are no coordinates. */
    private static Double finite(String v) {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException(v);
        }
        return d;
    }

    /** The words Spring's boolean conversion accepts, so existing links keep working. */
    private static boolean bool(MultiValueMap<String, String> params, String name, List<FieldProblem> problems) {
        String v = text(params, name, null);
        if (v == null) {
            return false;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1":
                return true;
            case "false", "off", "no", "0":
                return false;
            default:
                problems.add(invalid(name, v));
                return false;
        }
    }

    private static FieldProblem invalid(String name, String value) {
        return new FieldProblem(name, "error.parameter.invalid", new Object[] {name, value});
    }

    private static SearchRequest.BoundingBox parseBox(String bbox, List<FieldProblem> problems) {
        String[] parts = bbox.split(",");
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            double w = Double.parseDouble(parts[0].strip());
            double s = Double.parseDouble(parts[1].strip());
            double e = Double.parseDouble(parts[2].strip());
            double n = Double.parseDouble(parts[3].strip());
            if (w >= e || s >= n || w < -180 || e > 180 || s < -90 || n > 90) {
                throw new NumberFormatException();
            }
            return new SearchRequest.BoundingBox(w, s, e, n);
        } catch (NumberFormatException ex) {
            problems.add(new FieldProblem("bbox", "search.error.bbox", new Object[] {bbox}));
            return null;
        }
    }

    static Feature feature(SearchHit h, Geometry full) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("placeId", h.placeId());
        p.put("source", h.source());
        p.put("name", h.name());
        p.put("matchedName", h.matchedName());
        p.put("matchedNameKind", h.matchedNameKind().name().toLowerCase(Locale.ROOT));
        p.put("matchedValidFrom", h.matchedValidFrom());
        p.put("matchedValidTo", h.matchedValidTo());
        p.put("matchType", h.matchType().id());
        p.put("score", h.score());
        p.put("category", h.category());
        p.put("level", h.level());
        p.put("code", h.code());
        p.put("approximateLocation", h.approximateLocation());
        p.put("version", h.version());
        if (full == null && h.lon() != null) {
            // Most answers carry only the point: written directly (as GeoJsonOutput would), which saves a
            // JSON generator per hit on the busiest endpoint.
            return new Feature("Feature", h.placeId(), point(h.lon(), h.lat()), p);
        }
        return Feature.of(h.placeId(), full, p);
    }

    static String point(double lon, double lat) {
        return "{\"type\":\"Point\",\"coordinates\":[" + degrees(lon) + "," + degrees(lat) + "]}";
    }

    /**
     * {@code value} rounded half-up to {@link GeoJsonOutput#DEFAULT_DECIMALS} decimals without trailing zeros,
     * exactly as GeoJsonOutput writes it ({@code BigDecimal.valueOf(value).setScale(7, HALF_UP)
     * .stripTrailingZeros()}), but rounded on the digits of {@code Double.toString} in a long: the BigDecimals
     * cost ~5 % of a search request's HTTP/Spring CPU. Exponent notation (below 0.001) takes the BigDecimal way.
     */
    static String degrees(double value) {
        String s = Double.toString(value);
        int dot = s.indexOf('.');
        if (dot < 0 || dot > 10 || s.indexOf('E') >= 0) {
            return BigDecimal.valueOf(value)
                    .setScale(GeoJsonOutput.DEFAULT_DECIMALS, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        boolean negative = s.charAt(0) == '-';
        long scaled = 0;
        for (int i = negative ? 1 : 0; i < dot; i++) {
            scaled = scaled * 10 + (s.charAt(i) - '0');
        }
        int last = dot + GeoJsonOutput.DEFAULT_DECIMALS;
        for (int i = dot + 1; i <= last; i++) {
            scaled = scaled * 10 + (i < s.length() ? s.charAt(i) - '0' : 0);
        }
        // Half-up on the decimal digits BigDecimal.valueOf sees: the first dropped digit decides, away from zero.
        if (last + 1 < s.length() && s.charAt(last + 1) >= '5') {
            scaled++;
        }
        if (scaled == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder(16);
        if (negative) {
            b.append('-');
        }
        b.append(scaled / DEGREE_UNIT);
        long fraction = scaled % DEGREE_UNIT;
        if (fraction != 0) {
            int digits = GeoJsonOutput.DEFAULT_DECIMALS;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            String f = Long.toString(fraction);
            b.append('.');
            for (int i = f.length(); i < digits; i++) {
                b.append('0');
            }
            b.append(f);
        }
        return b.toString();
    }
}
