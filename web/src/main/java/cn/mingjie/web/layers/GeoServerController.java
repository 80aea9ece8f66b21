package cn.mingjie.web.layers;

import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.layer.LayerCatalogue;
import cn.mingjie.geocore.layer.geoserver.GeoServerException;
import cn.mingjie.geocore.layer.geoserver.GeoServerPublisher;
import cn.mingjie.geocore.layer.geoserver.PublishReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Publishing the catalogue to the configured GeoServer, for administrators (layers.html). */
@RestController
@RequestMapping("/api/v1/layers/geoserver")
@Tag(name = "图层 Layers")
public class GeoServerController {

    private final GeoServerProperties properties;
    private final LayerCatalogue catalogue;

    public GeoServerController(GeoServerProperties properties, LayerCatalogue catalogue) {
        this.properties = properties;
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "GeoServer 配置 / whether and where GeoServer is configured (admin)")
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, Object> status() {
        return properties.configured()
                ? Map.of("configured", true, "url", properties.url(), "workspace", properties.workspaceName())
                : Map.of("configured", false);
    }

    @PostMapping("/publication")
    @Operation(summary = "发布到 GeoServer（dryRun=true 只出计划）/ publish the catalogue to GeoServer (admin)")
    @PreAuthorize("hasRole('ADMIN')")
    public PublishReport publish(@RequestParam(defaultValue = "true") boolean dryRun) {
        if (!properties.configured()) {
            throw ValidationException.of("mingjie.geoserver.url", "error.geoserver.not-configured");
        }
        return GeoServerPublisher.publish(properties.settings(), catalogue, dryRun);
    }

    /** GeoServer's refusal, with the request that caused it, as a 502 problem. */
    @ExceptionHandler(GeoServerException.class)
    ProblemDetail geoServerFailed(GeoServerException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("GeoServer");
        problem.setProperty("geoServerStatus", e.status());
        return problem;
    }
}
