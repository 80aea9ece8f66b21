package cn.mingjie.web.layers;

import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.layer.CqlFilters;
import cn.mingjie.geocore.layer.FeaturePage;
import cn.mingjie.geocore.layer.FeatureQuery;
import cn.mingjie.geocore.layer.LayerAttribute;
import cn.mingjie.geocore.layer.LayerCatalogue;
import cn.mingjie.geocore.layer.LayerDefinition;
import cn.mingjie.geocore.layer.LayerFeatures;
import cn.mingjie.web.support.Feature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API – Features Part 1 (core, GeoJSON) with Part 3's CQL2-text filter: the catalogue's layers
 * as collections, items by bbox, limit/offset paging with next links, and a filter translated to SQL
 * with bound values (see CqlFilters). Coordinates are CGCS2000 lon/lat, which GeoJSON clients read
 * as CRS84 (they differ by centimetres).
 */
@RestController
@RequestMapping(
        value = "/ogc",
        produces = {"application/json", "application/geo+json"})
@Tag(name = "OGC API – Features")
public class OgcFeaturesController {

    static final int DEFAULT_LIMIT = 10;
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2");
    private static final Set<String> ITEM_PARAMETERS =
            Set.of("bbox", "limit", "offset", "filter", "filter-lang", "f", "bbox-crs", "filter-crs");
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String CGCS2000 = "http://www.opengis.net/def/crs/EPSG/0/4490";

    private final LayerCatalogue catalogue;
    private final LayerFeatures features;

    public OgcFeaturesController(LayerCatalogue catalogue, LayerFeatures features) {
        this.catalogue = catalogue;
        this.features = features;
    }

    @GetMapping
    @Operation(summary = "OGC API 入口 / landing page")
    public Map<String, Object> landing() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "名界 Mingjie — OGC API – Features");
        m.put("description", "行政区划等图层 / administrative divisions and other map layers (CGCS2000)");
        m.put(
                "links",
                List.of(
                        link(base() + "/ogc", "self", "application/json", "本页 / this document"),
                        link(
                                base() + "/v3/api-docs",
                                "service-desc",
                                "application/vnd.oai.openapi+json;version=3.0",
                                "OpenAPI"),
                        link(base() + "/ogc/conformance", "conformance", "application/json", "符合性 / conformance"),
                        link(base() + "/ogc/collections", "data", "application/json", "图层 / collections")));
        return m;
    }

    @GetMapping("/conformance")
    @Operation(summary = "符合性声明 / conformance classes")
    public Map<String, Object> conformance() {
        return Map.of("conformsTo", CONFORMANCE);
    }

    @GetMapping("/collections")
    @Operation(summary = "要素集合 / collections")
    public Map<String, Object> collections() {
        return Map.of(
                "links", List.of(link(base() + "/ogc/collections", "self", "application/json", "collections")),
                "collections", catalogue.all().stream().map(this::collection).toList());
    }

    @GetMapping("/collections/{id}")
    @Operation(summary = "一个要素集合 / one collection")
    public Map<String, Object> collection(@PathVariable String id) {
        return collection(catalogue.get(id));
    }

    @GetMapping("/collections/{id}/items")
    @Operation(summary = "要素（bbox、limit、offset、CQL2 filter）/ items with bbox, paging and a CQL2-text filter")
    public Map<String, Object> items(
            @PathVariable String id,
            @RequestParam Map<String, String> all,
            @RequestParam(required = false) String bbox,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) String filter,
            @RequestParam(name = "filter-lang", required = false) String filterLang) {
        LayerDefinition layer = catalogue.get(id);
        for (String name : all.keySet()) {
            if (!ITEM_PARAMETERS.contains(name)) {
                throw ValidationException.of(
                        name, "error.parameter.forbidden", name, String.join(", ", ITEM_PARAMETERS));
            }
        }
        if (filterLang != null && !filterLang.equals("cql2-text") && !filterLang.equalsIgnoreCase("ecql")) {
            throw ValidationException.of("filter-lang", "error.filter.lang", filterLang);
        }
        // OGC API – Features: a limit above the maximum is served at the maximum.
        int effectiveLimit = Math.min(limit, FeatureQuery.MAX_LIMIT);
        FeaturePage page = features.query(
                layer.id(), new FeatureQuery(LayerRequests.bbox(bbox), filter, effectiveLimit, offset, 0));
        String self = base() + "/ogc/collections/" + id + "/items";
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(
                self + query(bbox, filter, effectiveLimit, offset), "self", "application/geo+json", "本页 / this page"));
        links.add(link(base() + "/ogc/collections/" + id, "collection", "application/json", layer.titleZh()));
        if (page.more()) {
            links.add(link(
                    self + query(bbox, filter, effectiveLimit, offset + effectiveLimit),
                    "next",
                    "application/geo+json",
                    "下一页 / next page"));
        }
        if (offset > 0) {
            links.add(link(
                    self + query(bbox, filter, effectiveLimit, Math.max(0, offset - effectiveLimit)),
                    "prev",
                    "application/geo+json",
                    "上一页 / previous page"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "FeatureCollection");
        m.put("timeStamp", Instant.now().toString());
        m.put("numberReturned", page.features().size());
        m.put(
                "features",
                page.features().stream()
                        .map(f -> Feature.of(f.id(), f.geometry(), f.properties()))
                        .toList());
        m.put("links", links);
        return m;
    }

    /** OGC API – Features Part 3: the properties a filter may name (the layer's allowlist) as JSON Schema. */
    @GetMapping(
            value = "/collections/{id}/queryables",
            produces = {"application/schema+json", "application/json"})
    @Operation(summary = "可查询属性 / queryables (the attributes a filter may use)")
    public Map<String, Object> queryables(@PathVariable String id) {
        LayerDefinition layer = catalogue.get(id);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CqlFilters.GEOMETRY, Map.of("format", "geometry-any", "title", "几何 / geometry"));
        for (LayerAttribute a : layer.attributes()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("title", a.titleZh() + " / " + a.titleEn());
            switch (a.type()) {
                case TEXT -> p.put("type", "string");
                case INTEGER -> p.put("type", "integer");
                case NUMBER -> p.put("type", "number");
                case BOOLEAN -> p.put("type", "boolean");
                case DATE -> {
                    p.put("type", "string");
                    p.put("format", "date");
                }
            }
            properties.put(a.name(), p);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        m.put("$id", base() + "/ogc/collections/" + id + "/queryables");
        m.put("type", "object");
        m.put("title", layer.titleZh());
        m.put("properties", properties);
        m.put("additionalProperties", false);
        return m;
    }

    @GetMapping("/collections/{id}/items/{featureId}")
    @Operation(summary = "一个要素 / one feature")
    public Feature item(@PathVariable String id, @PathVariable String featureId) {
        return features.find(id, featureId)
                .map(f -> Feature.of(f.id(), f.geometry(), f.properties()))
                .orElseThrow(() -> new NotFoundException("layer", id + "/" + featureId));
    }

    private Map<String, Object> collection(LayerDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("title", d.titleZh());
        m.put("description", d.titleEn() + (d.derived() ? " — 派生示意，非法定界线 / derived, not legal boundaries" : ""));
        m.put("itemType", "feature");
        m.put("crs", List.of(CRS84, CGCS2000));
        m.put("storageCrs", CGCS2000);
        m.put(
                "links",
                List.of(
                        link(base() + "/ogc/collections/" + d.id(), "self", "application/json", d.titleZh()),
                        link(
                                base() + "/ogc/collections/" + d.id() + "/items",
                                "items",
                                "application/geo+json",
                                d.titleZh()),
                        link(
                                base() + "/tiles/" + d.id() + "/{z}/{x}/{y}.mvt",
                                "item",
                                "application/vnd.mapbox-vector-tile",
                                "MVT"),
                        link(
                                base() + "/api/v1/layers/" + d.id() + "/style.sld",
                                "describedby",
                                "application/vnd.ogc.sld+xml",
                                "SLD 1.0")));
        return m;
    }

    private static String query(String bbox, String filter, int limit, int offset) {
        StringBuilder q =
                new StringBuilder("?limit=").append(limit).append("&offset=").append(offset);
        if (bbox != null) {
            q.append("&bbox=").append(URLEncoder.encode(bbox, StandardCharsets.UTF_8));
        }
        if (filter != null) {
            q.append("&filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("href", href);
        m.put("rel", rel);
        m.put("type", type);
        m.put("title", title);
        return m;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
