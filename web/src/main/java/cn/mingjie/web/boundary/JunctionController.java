package cn.mingjie.web.boundary;

import cn.mingjie.boundary.Junction;
import cn.mingjie.boundary.Junctions;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.web.support.ETags;
import cn.mingjie.web.support.Feature;
import cn.mingjie.web.support.FeatureCollection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Junctions of three units (三交点), read-only: they are registered with their lines. */
@RestController
@RequestMapping("/api/v1/boundary")
@Tag(name = "行政区域界线 Boundary lines")
public class JunctionController {

    private final Junctions junctions;

    public JunctionController(Junctions junctions) {
        this.junctions = junctions;
    }

    @GetMapping(
            value = "/junctions",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "三交点（GeoJSON）/ junctions of three units, optionally of one division")
    @PreAuthorize("isAuthenticated()")
    public FeatureCollection list(@RequestParam(required = false) String division) {
        return FeatureCollection.of(
                junctions.list(division == null ? null : BoundaryLineController.twelve(division)).stream()
                        .map(JunctionController::feature)
                        .toList());
    }

    @GetMapping(
            value = "/junctions/{id}",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "一个三交点 / one junction")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Feature> get(@PathVariable long id) {
        Junction j =
                junctions.find(id).orElseThrow(() -> new NotFoundException("boundary-junction", String.valueOf(id)));
        return ResponseEntity.ok().eTag(ETags.quote(j.versionTag())).body(feature(j));
    }

    private static Feature feature(Junction j) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", j.id());
        p.put("code", j.code());
        p.put("name", j.name());
        p.put("level", j.level());
        p.put("parties", j.parties());
        p.put("lineIds", j.lineIds());
        p.put("markerNumbers", j.markerNumbers());
        p.put("geometrySource", j.geometrySource());
        p.put("derived", j.geometrySource().startsWith("derived:"));
        p.put("notes", j.notes());
        p.put("version", j.versionTag());
        return Feature.of(String.valueOf(j.id()), j.position(), p);
    }
}
