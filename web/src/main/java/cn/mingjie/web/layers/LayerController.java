package cn.mingjie.web.layers;

import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.layer.Delivery;
import cn.mingjie.geocore.layer.FeaturePage;
import cn.mingjie.geocore.layer.FeatureQuery;
import cn.mingjie.geocore.layer.LayerAttribute;
import cn.mingjie.geocore.layer.LayerCatalogue;
import cn.mingjie.geocore.layer.LayerDefinition;
import cn.mingjie.geocore.layer.LayerFeatures;
import cn.mingjie.geocore.layer.SldDocuments;
import cn.mingjie.geocore.layer.StyleRule;
import cn.mingjie.geocore.layer.Thinning;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

/** The layer catalogue for the map page: definitions, Leaflet styles, SLD, GeoJSON by bbox. */
@RestController
@RequestMapping("/api/v1/layers")
@Tag(name = "图层 Layers")
public class LayerController {

    static final MediaType SLD = MediaType.parseMediaType("application/vnd.ogc.sld+xml");

    private final LayerCatalogue catalogue;
    private final LayerFeatures features;
    private final GeoServerProperties geoServer;

    public LayerController(LayerCatalogue catalogue, LayerFeatures features, GeoServerProperties geoServer) {
        this.catalogue = catalogue;
        this.features = features;
        this.geoServer = geoServer;
    }

    public record AttributeInfo(String name, String type, String titleZh, String titleEn) {}

    /** WMS 1.1.1 parameters of the layer on the configured GeoServer. */
    public record Wms(String url, String layers, String styles, String version, String format) {}

    public record LayerInfo(
            String id,
            String titleZh,
            String titleEn,
            String geometryType,
            int minZoom,
            int maxZoom,
            Delivery delivery,
            boolean base,
            boolean derived,
            String idAttribute,
            String labelAttribute,
            String recordPath,
            List<AttributeInfo> attributes,
            List<StyleRule> rules,
            Thinning thinning,
            String tiles,
            String features,
            String sld,
            Wms wms) {}

    public record Catalogue(String renderer, List<LayerInfo> layers) {}

    @GetMapping
    @Operation(summary = "图层目录 / the layer catalogue with Leaflet styles and where each layer is served")
    public Catalogue list() {
        return new Catalogue(
                geoServer.configured() ? "geoserver-wms" : "built-in",
                catalogue.all().stream().map(this::info).toList());
    }

    @GetMapping(value = "/{id}/style.sld", produces = "application/vnd.ogc.sld+xml")
    @Operation(summary = "图层样式（SLD 1.0）/ the layer's SLD 1.0 style")
    public ResponseEntity<String> sld(@PathVariable String id) {
        return ResponseEntity.ok().contentType(SLD).body(catalogue.style(id).sld());
    }

    @GetMapping(
            value = "/{id}/features",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "按范围取要素（小图层）/ GeoJSON by bbox for small layers, simplified for a zoom")
    public FeatureCollection features(
            @PathVariable String id,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) Integer zoom,
            @RequestParam(defaultValue = "1000") int limit) {
        LayerDefinition layer = catalogue.get(id);
        if (layer.delivery() == Delivery.TILES) {
            throw ValidationException.of("layer", "error.layer.tiles-only", id);
        }
        FeaturePage page = features.query(
                id, new FeatureQuery(LayerRequests.bbox(bbox), null, limit, 0, LayerRequests.toleranceAtZoom(zoom)));
        return FeatureCollection.of(page.features().stream()
                .map(f -> Feature.of(f.id(), f.geometry(), f.properties()))
                .toList());
    }

    @PostMapping(
            value = "/styles/validation",
            consumes = {"application/vnd.ogc.sld+xml", "application/xml", "text/xml"})
    @Operation(summary = "检查上传的 SLD（管理员）/ check an uploaded SLD 1.0 and show its rules as the map applies them")
    @PreAuthorize("hasRole('ADMIN')")
    public List<StyleRule> validateStyle(@RequestBody String sld) {
        var document = SldDocuments.parse(sld);
        SldDocuments.validate(document);
        SldDocuments.rejectRemoteReferences(document);
        return SldDocuments.toRules(document);
    }

    private LayerInfo info(LayerDefinition d) {
        Wms wms = geoServer.configured()
                ? new Wms(
                        geoServer.browserUrl() + "/" + geoServer.workspaceName() + "/wms",
                        geoServer.workspaceName() + ":" + d.id(),
                        geoServer.workspaceName() + "_" + d.id(),
                        "1.1.1",
                        "image/png")
                : null;
        return new LayerInfo(
                d.id(),
                d.titleZh(),
                d.titleEn(),
                d.geometryKind().ogcType(),
                d.minZoom(),
                d.maxZoom(),
                d.delivery(),
                d.base(),
                d.derived(),
                d.idColumn(),
                d.labelAttribute(),
                d.recordPath(),
                d.attributes().stream().map(LayerController::attribute).toList(),
                catalogue.style(d.id()).rules(),
                d.thinning(),
                "/tiles/" + d.id() + "/{z}/{x}/{y}.mvt",
                d.delivery() == Delivery.GEOJSON ? "/api/v1/layers/" + d.id() + "/features" : null,
                "/api/v1/layers/" + d.id() + "/style.sld",
                wms);
    }

    private static AttributeInfo attribute(LayerAttribute a) {
        return new AttributeInfo(
                a.name(), a.type().name().toLowerCase(java.util.Locale.ROOT), a.titleZh(), a.titleEn());
    }
}
