package cn.mingjie.geocore.layer;

import static cn.mingjie.geocore.layer.LayerAttribute.bool;
import static cn.mingjie.geocore.layer.LayerAttribute.date;
import static cn.mingjie.geocore.layer.LayerAttribute.integer;
import static cn.mingjie.geocore.layer.LayerAttribute.text;

import cn.mingjie.geocore.postgis.ModuleSchema;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schema {@code layers} (views, data versions) and the division layers geo-core owns: the
 * province outline, districts (level 3) and townships (level 4, derived in the sample).
 */
@Configuration(proxyBeanMethods = false)
public class DivisionLayers {

    static final String DIVISIONS = "geo.division_version";
    private static final String RECORD = "/api/v1/divisions/{id}";
    /** Chinese names, Latin letters, digits and the punctuation of official names — never quotes. */
    public static final String NAME_VALIDATOR = "^[\\p{IsHan}\\p{L}\\p{N}·（）()\\- ]{0,40}$";

    /** After geo (0), whose table the views read; before the domain modules (10+). */
    @Bean
    ModuleSchema layersSchema() {
        return new ModuleSchema("layers", 5);
    }

    @Bean
    LayerDefinition provinceLayer() {
        return LayerDefinition.builder("province")
                .title("省级界线", "Province outline")
                .source("layers.province_outline", GeometryKind.POLYGON, "code", "geom")
                .attributes(text("code", "区划代码", "Code"), text("name", "名称", "Name"))
                .zoom(0, 16)
                .delivery(Delivery.GEOJSON)
                .base()
                .recordPath(RECORD)
                .watches(DIVISIONS)
                .materialized()
                .drawOrder(30)
                .build();
    }

    @Bean
    LayerDefinition districtLayer() {
        return LayerDefinition.builder("district")
                .title("区县", "Districts and counties")
                .source("layers.district", GeometryKind.POLYGON, "code", "geom")
                .attributes(divisionAttributes())
                .label("name")
                .zoom(5, 18)
                .delivery(Delivery.GEOJSON)
                .base()
                .recordPath(RECORD)
                .watches(DIVISIONS)
                .drawOrder(10)
                .build();
    }

    @Bean
    LayerDefinition townshipLayer() {
        List<LayerAttribute> attributes = new ArrayList<>(List.of(divisionAttributes()));
        attributes.add(bool("derived", "派生示意", "Derived"));
        return LayerDefinition.builder("township")
                .title("乡镇（街道，派生示意）", "Townships (derived sample)")
                .source("layers.township", GeometryKind.POLYGON, "code", "geom")
                .attributes(attributes.toArray(LayerAttribute[]::new))
                .label("name")
                .zoom(8, 18)
                .delivery(Delivery.GEOJSON)
                .derived()
                .recordPath(RECORD)
                .watches(DIVISIONS)
                // GeoServer substitutes %parent% and %name% as text; its validators below run first.
                .sqlView(new SqlView(
                        "select code, name, level, parent_code, valid_from, geom_source, derived, geom"
                                + " from layers.township"
                                + " where ('%parent%' = '' or parent_code = '%parent%')"
                                + " and strpos(name, '%name%') > 0",
                        List.of(
                                new SqlView.Parameter("parent", "", "^[0-9]{0,12}$"),
                                new SqlView.Parameter("name", "", NAME_VALIDATOR))))
                .drawOrder(20)
                .build();
    }

    private static LayerAttribute[] divisionAttributes() {
        return new LayerAttribute[] {
            text("code", "区划代码", "Code"),
            text("name", "名称", "Name"),
            integer("level", "级别", "Level"),
            text("parent_code", "上级代码", "Parent code"),
            date("valid_from", "起始日期", "Valid from"),
            text("geom_source", "几何来源", "Geometry source")
        };
    }
}
