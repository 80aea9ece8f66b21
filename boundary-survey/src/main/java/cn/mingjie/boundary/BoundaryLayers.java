package cn.mingjie.boundary;

import static cn.mingjie.geocore.layer.LayerAttribute.bool;
import static cn.mingjie.geocore.layer.LayerAttribute.date;
import static cn.mingjie.geocore.layer.LayerAttribute.integer;
import static cn.mingjie.geocore.layer.LayerAttribute.text;

import cn.mingjie.geocore.layer.Delivery;
import cn.mingjie.geocore.layer.GeometryKind;
import cn.mingjie.geocore.layer.LayerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The boundary module's map layers: the boundary lines, and the markers coloured by condition. Drawn
 * from zoom 11, where a line or a marker no longer hides the districts it separates.
 */
@Configuration(proxyBeanMethods = false)
public class BoundaryLayers {

    static final String LINES = "boundary.line";
    static final String MARKERS = "boundary.marker";

    @Bean
    LayerDefinition boundaryLineLayer() {
        return LayerDefinition.builder("boundary_line")
                .title("行政区域界线", "Boundary lines")
                .source("layers.boundary_line", GeometryKind.LINE, "id", "geom")
                .attributes(
                        text("id", "编号", "Id"),
                        text("code", "界线编码", "Line code"),
                        text("name", "名称", "Name"),
                        integer("level", "级别", "Level"),
                        text("legal_status", "法律状态", "Legal status"),
                        bool("derived", "派生示意", "Derived"),
                        text("geom_source", "几何来源", "Geometry source"))
                .label("name")
                .zoom(11, 18)
                .delivery(Delivery.GEOJSON)
                .recordPath("/api/v1/boundary/lines/{id}")
                .watches(LINES)
                .drawOrder(40)
                .build();
    }

    @Bean
    LayerDefinition boundaryMarkerLayer() {
        return LayerDefinition.builder("boundary_marker")
                .title("界桩（按状况）", "Boundary markers by condition")
                .source("layers.boundary_marker", GeometryKind.POINT, "id", "geom")
                .attributes(
                        text("id", "编号", "Id"),
                        text("number", "界桩编号", "Marker number"),
                        text("line_code", "界线编码", "Line code"),
                        text("marker_type", "类型", "Type"),
                        text("condition", "状况", "Condition"),
                        text("material", "材质", "Material"),
                        date("installed_on", "埋设日期", "Installed on"))
                .label("number")
                .zoom(11, 18)
                .delivery(Delivery.GEOJSON)
                .recordPath("/api/v1/boundary/markers/{id}")
                .watches(MARKERS, LINES)
                .drawOrder(50)
                .build();
    }
}
