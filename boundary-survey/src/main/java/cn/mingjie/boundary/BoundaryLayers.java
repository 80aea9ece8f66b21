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
 * The boundary module's map layers: the boundary lines, the markers coloured by condition, and the
 * junctions of three units (三交点). Drawn
 * from zoom 11, where a line or a marker no longer hides the districts it separates.
 */
@Configuration(proxyBeanMethods = false)
public class BoundaryLayers {

    static final String LINES = "boundary.line";
    static final String MARKERS = "boundary.marker";
    static final String JUNCTIONS = "boundary.junction";

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

    @Bean
    LayerDefinition boundaryJunctionLayer() {
        return LayerDefinition.builder("boundary_junction")
                .title("三交点", "Junctions of three units")
                .source("layers.boundary_junction", GeometryKind.POINT, "id", "geom")
                .attributes(
                        text("id", "编号", "Id"),
                        text("code", "编码", "Code"),
                        text("name", "名称", "Name"),
                        integer("level", "级别", "Level"),
                        text("parties", "相邻单元", "Units"),
                        integer("line_count", "界线数", "Lines"),
                        bool("derived", "派生示意", "Derived"),
                        text("geom_source", "几何来源", "Geometry source"))
                .label("name")
                .zoom(11, 18)
                .delivery(Delivery.GEOJSON)
                .recordPath("/api/v1/boundary/junctions/{id}")
                .watches(JUNCTIONS)
                .drawOrder(55)
                .build();
    }
}
