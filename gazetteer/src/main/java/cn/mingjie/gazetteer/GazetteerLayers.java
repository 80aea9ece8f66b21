package cn.mingjie.gazetteer;

import static cn.mingjie.geocore.layer.LayerAttribute.bool;
import static cn.mingjie.geocore.layer.LayerAttribute.date;
import static cn.mingjie.geocore.layer.LayerAttribute.text;

import cn.mingjie.geocore.layer.Delivery;
import cn.mingjie.geocore.layer.GeometryKind;
import cn.mingjie.geocore.layer.LayerAttribute;
import cn.mingjie.geocore.layer.LayerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gazetteer's map layers in the layer catalogue: current standard/recorded place names by category group (at a
 * label point inside each geometry) and the place-name signs. Views and change triggers: migration
 * {@code gazetteer/V2__map_layers.sql}; styles: {@code layer/styles/<id>.sld}.
 */
@Configuration(proxyBeanMethods = false)
public class GazetteerLayers {

    private static final String PLACE_RECORD = "/api/v1/places/{id}";
    /** A place-name layer reads versions, places (deprecation) and, for village seats, the division register. */
    private static final String[] PLACE_TABLES = {"gazetteer.place_version", "gazetteer.place", "geo.division_version"};

    @Bean
    LayerDefinition settlementNamesLayer() {
        return placeNames("place_settlement", "居民点地名", "Settlement names", "gazetteer.layer_settlement", 12, 40);
    }

    @Bean
    LayerDefinition streetAndBuildingNamesLayer() {
        return placeNames(
                "place_street_building",
                "道路街巷与建筑物地名",
                "Street and building names",
                "gazetteer.layer_street_building",
                14,
                41);
    }

    @Bean
    LayerDefinition landmarkAndNaturalNamesLayer() {
        return placeNames(
                "place_landmark_nature",
                "纪念地与自然地理实体地名",
                "Landmark and natural feature names",
                "gazetteer.layer_landmark_nature",
                11,
                42);
    }

    @Bean
    LayerDefinition placeNameSignLayer() {
        return LayerDefinition.builder("place_sign")
                .title("地名标志", "Place-name signs")
                .source("gazetteer.layer_sign", GeometryKind.POINT, "sign_id", "geom")
                .attributes(
                        text("sign_id", "标志编号", "Sign no."),
                        text("printed_text", "标志文字", "Printed text"),
                        text("printed_pinyin", "标志拼音", "Printed pinyin"),
                        text("sign_type", "标志类型", "Sign type"),
                        text("condition", "状况", "Condition"),
                        date("installed_on", "设置日期", "Installed on"),
                        text("place_id", "地名编号", "Place id"),
                        bool("text_matches", "与标准名称一致", "Matches the standard name"))
                .label("printed_text")
                .zoom(13, 20)
                // A district has thousands of signs, not millions: GeoJSON by bounding box is enough.
                .delivery(Delivery.GEOJSON)
                .recordPath("/api/v1/signs/{id}")
                .watches("gazetteer.sign", "gazetteer.place_version", "gazetteer.place")
                .drawOrder(50)
                .build();
    }

    /** Place names are served as vector tiles: the national register has some 13 million of them. */
    private static LayerDefinition placeNames(
            String id, String titleZh, String titleEn, String view, int minZoom, int drawOrder) {
        return LayerDefinition.builder(id)
                .title(titleZh, titleEn)
                .source(view, GeometryKind.POINT, "place_id", "geom")
                .attributes(placeAttributes())
                .label("name")
                .zoom(minZoom, 20)
                .delivery(Delivery.TILES)
                .recordPath(PLACE_RECORD)
                .watches(PLACE_TABLES)
                .drawOrder(drawOrder)
                .build();
    }

    private static LayerAttribute[] placeAttributes() {
        return new LayerAttribute[] {
            text("place_id", "地名编号", "Place id"),
            text("name", "标准名称", "Name"),
            text("romanization", "罗马字母拼写", "Romanization"),
            text("category_code", "类别代码", "Category code"),
            text("category_name", "类别", "Category"),
            text("division_code", "所在行政区划", "Division"),
            text("status", "状态", "Status"),
            date("valid_from", "起始日期", "Valid from")
        };
    }
}
