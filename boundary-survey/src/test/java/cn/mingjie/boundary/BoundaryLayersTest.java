package cn.mingjie.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.layer.LayerCatalogue;
import cn.mingjie.geocore.layer.LayerDataVersions;
import cn.mingjie.geocore.layer.LayerFeature;
import cn.mingjie.geocore.layer.LayerFeatures;
import cn.mingjie.geocore.layer.LeafletStyle;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The boundary layers in geo-core's catalogue: their SLDs pass the catalogue's validation when the
 * context starts, their views serve what the register holds, and every write moves their data version.
 */
@SpringJUnitConfig(BoundaryTestConfig.class)
class BoundaryLayersTest {

    static final String TONGNAN = "500152000000";
    static final String TONGLIANG = "500151000000";
    static final ChangeContext WHO = new ChangeContext("inspector", "测试图层");

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    LayerFeatures features;

    @Autowired
    LayerDataVersions versions;

    @Autowired
    BoundaryLines lines;

    @Autowired
    MarkerRegister markers;

    @Test
    void theCatalogueHasTheLineAndMarkerLayersWithTheirStyles() {
        LeafletStyle line = catalogue.style("boundary_line").leaflet();
        assertThat(line.color()).isEqualTo("#b5172a");
        assertThat(line.label().fontFamily()).isEqualTo("Noto Sans CJK SC");
        LeafletStyle marker = catalogue.style("boundary_marker").leaflet();
        assertThat(marker.fillColor()).isEqualTo("#2a9d3f"); // the first rule: 完好
        assertThat(marker.radius()).isEqualTo(5.0);
        String sld = catalogue.style("boundary_marker").sld();
        for (String condition : List.of("完好", "新设", "重建", "损坏", "移位", "丢失")) {
            assertThat(sld).contains("<ogc:Literal>" + condition + "</ogc:Literal>");
        }
        assertThat(catalogue.get("boundary_line").watchedTables()).containsExactly("boundary.line");
        LeafletStyle junction = catalogue.style("boundary_junction").leaflet();
        assertThat(junction.fillColor()).isEqualTo("#6a1b9a");
        assertThat(catalogue.get("boundary_junction").watchedTables()).containsExactly("boundary.junction");
    }

    @Test
    void writesToLinesAndMarkersMoveTheLayersDataVersionAndShowInTheirFeatures() throws Exception {
        long lineVersion = versions.version(catalogue.get("boundary_line"));
        long markerVersion = versions.version(catalogue.get("boundary_marker"));
        LineString geometry = (LineString) new WKTReader().read("LINESTRING (105.80 30.10, 105.90 30.15)");
        BoundaryLine line = lines.create(
                new NewLine(
                        "LAYER-TEST",
                        "图层测试界线",
                        3,
                        List.of(TONGLIANG, TONGNAN),
                        null,
                        LegalStatus.AGREED,
                        geometry,
                        "manual",
                        null),
                WHO);
        assertThat(versions.version(catalogue.get("boundary_line"))).isGreaterThan(lineVersion);
        LayerFeature lineFeature =
                features.find("boundary_line", String.valueOf(line.id())).orElseThrow();
        assertThat(lineFeature.properties())
                .containsEntry("code", "LAYER-TEST")
                .containsEntry("legal_status", "agreed")
                .containsEntry("derived", false);
        assertThat(lineFeature.geometry().getGeometryType()).isEqualTo("MultiLineString");

        MarkerChange change = markers.apply(
                line.id(),
                null,
                "add",
                new MarkerChange.Proposal(1, 'Q', 105.85, 30.125, null, "花岗岩", LocalDate.of(2024, 3, 1), TONGNAN, null),
                List.of(new MarkerChange.Applicant(TONGLIANG, "甲"), new MarkerChange.Applicant(TONGNAN, "乙")),
                WHO);
        Marker marker = markers.approve(change.id(), "测试批复", change.versionTag(), WHO);
        long afterAdd = versions.version(catalogue.get("boundary_marker"));
        assertThat(afterAdd).isGreaterThan(markerVersion);
        assertThat(features.find("boundary_marker", String.valueOf(marker.id()))
                        .orElseThrow()
                        .properties())
                .containsEntry("number", "LAYER-TEST001Q")
                .containsEntry("condition", "新设");

        markers.recordCondition(marker.id(), "丢失", LocalDate.of(2025, 6, 1), "巡查未见", marker.versionTag(), WHO);
        assertThat(versions.version(catalogue.get("boundary_marker"))).isGreaterThan(afterAdd);
        assertThat(features.find("boundary_marker", String.valueOf(marker.id()))
                        .orElseThrow()
                        .properties())
                .containsEntry("condition", "丢失");
    }
}
