package cn.mingjie.geocore.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.geocore.layer.geoserver.GeoServerException;
import cn.mingjie.geocore.layer.geoserver.GeoServerPublisher;
import cn.mingjie.geocore.layer.geoserver.GeoServerSettings;
import cn.mingjie.geocore.layer.geoserver.PublishReport;
import cn.mingjie.geocore.layer.geoserver.PublishStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The publisher against a loopback stand-in that enforces GeoServer's documented REST contract. */
class GeoServerPublisherTest {

    FakeGeoServer geoServer;
    final ObjectMapper json = new ObjectMapper();
    final DivisionLayers layers = new DivisionLayers();
    final LayerCatalogue catalogue =
            new LayerCatalogue(List.of(layers.districtLayer(), layers.townshipLayer(), layers.provinceLayer()));

    @BeforeEach
    void start() throws Exception {
        geoServer = new FakeGeoServer();
    }

    @AfterEach
    void stop() {
        geoServer.close();
    }

    GeoServerSettings settings(String password) {
        return new GeoServerSettings(
                geoServer.url(),
                FakeGeoServer.USER,
                password,
                "mingjie",
                "db.bureau",
                5432,
                "mingjie",
                "geoserver_ro",
                "s3cret");
    }

    @Test
    void aDryRunPlansEverythingAndWritesNothing() {
        PublishReport plan = GeoServerPublisher.publish(settings(FakeGeoServer.PASSWORD), catalogue, true);
        assertThat(geoServer.writes).isEmpty();
        assertThat(plan.steps()).extracting(PublishStep::action).doesNotContain(PublishStep.Action.UNCHANGED);
        assertThat(plan.describe())
                .contains("CREATE    workspace mingjie")
                .contains("POST /rest/workspaces/mingjie/datastores/mingjie/featuretypes")
                .contains("SEED")
                .doesNotContain("s3cret");
    }

    @Test
    void publishesTheCatalogueThenChangesNothingOnTheSecondRun() throws Exception {
        PublishReport first = GeoServerPublisher.publish(settings(FakeGeoServer.PASSWORD), catalogue, false);
        assertThat(first.changes()).isGreaterThan(10);

        JsonNode store = json.readTree(geoServer.resources.get("ds:mingjie/mingjie"));
        assertThat(entry(store, "preparedStatements")).isEqualTo("true");
        assertThat(entry(store, "encode functions")).isEqualTo("false");
        assertThat(entry(store, "dbtype")).isEqualTo("postgis");
        assertThat(entry(store, "schema")).isEqualTo("layers");

        JsonNode district = json.readTree(geoServer.resources.get("ft:mingjie/mingjie/district"));
        assertThat(district.at("/featureType/srs").asText()).isEqualTo("EPSG:4490");
        assertThat(district.at("/featureType/projectionPolicy").asText()).isEqualTo("FORCE_DECLARED");
        assertThat(district.at("/featureType/title").asText()).isEqualTo("区县");

        JsonNode township = json.readTree(geoServer.resources.get("ft:mingjie/mingjie/township"));
        JsonNode view = township.at("/featureType/metadata/entry/0/virtualTable");
        assertThat(view.path("sql").asText()).contains("%name%");
        JsonNode nameParameter = view.path("parameter").get(1);
        assertThat(nameParameter.path("name").asText()).isEqualTo("name");
        Pattern validator =
                Pattern.compile(nameParameter.path("regexpValidator").asText());
        assertThat(validator.matcher("潼南区").matches()).isTrue();
        assertThat(validator.matcher("双江镇（街道）").matches()).isTrue();
        assertThat(validator.matcher("x' OR '1'='1").matches()).isFalse();
        assertThat(validator.matcher("潼南区'; drop table x; --").matches()).isFalse();

        assertThat(geoServer.resources.get("style:mingjie/mingjie_district")).contains("Noto Sans CJK SC");
        assertThat(geoServer.resources.get("layer:mingjie/district")).contains("mingjie_district");
        assertThat(geoServer.resources.get("group:mingjie/base"))
                .contains("mingjie:district")
                .contains("mingjie:province")
                .doesNotContain("mingjie:township");
        assertThat(geoServer.seeds)
                .extracting(s -> s.at("/seedRequest/name").asText())
                .containsExactlyInAnyOrder("mingjie:district", "mingjie:province");

        int writes = geoServer.writes.size();
        PublishReport second = GeoServerPublisher.publish(settings(FakeGeoServer.PASSWORD), catalogue, false);
        assertThat(second.changes()).isZero();
        assertThat(geoServer.writes).hasSize(writes);
    }

    @Test
    void republishesAndReseedsALayerWhoseDefinitionChanged() {
        GeoServerPublisher.publish(settings(FakeGeoServer.PASSWORD), catalogue, false);
        geoServer.seeds.clear();
        LayerDefinition d = layers.districtLayer();
        LayerDefinition renamed = new LayerDefinition(
                d.id(),
                "区县（新）",
                d.titleEn(),
                d.source(),
                d.idColumn(),
                d.geometryColumn(),
                d.geometryKind(),
                d.attributes(),
                d.labelAttribute(),
                d.minZoom(),
                d.maxZoom(),
                d.delivery(),
                d.base(),
                d.derived(),
                d.recordPath(),
                d.watchedTables(),
                d.materialized(),
                d.sqlView(),
                d.styleResource(),
                d.drawOrder(),
                d.thinning());
        LayerCatalogue changed = new LayerCatalogue(List.of(renamed, layers.townshipLayer(), layers.provinceLayer()));

        PublishReport report = GeoServerPublisher.publish(settings(FakeGeoServer.PASSWORD), changed, false);
        assertThat(report.steps().stream().filter(PublishStep::changes).map(PublishStep::what))
                .containsExactly(
                        "featuretype district", "layer mingjie:district default style", "gwc seed mingjie:district");
        assertThat(geoServer.resources.get("ft:mingjie/mingjie/district")).contains("区县（新）");
    }

    @Test
    void reportsGeoServersRefusalWithTheRequest() {
        assertThatThrownBy(() -> GeoServerPublisher.publish(settings("wrong"), catalogue, false))
                .isInstanceOf(GeoServerException.class)
                .hasMessageContaining("GET " + geoServer.url() + "/rest/workspaces/mingjie.json")
                .hasMessageContaining("HTTP 401");
        // A conflicting workspace created by someone else between our read and write: 409 is reported.
        geoServer.resources.put("ws:mingjie", "{\"workspace\":{\"name\":\"mingjie\"}}");
        geoServer.resources.put("ds:mingjie/mingjie", "not json");
        assertThatThrownBy(() -> GeoServerPublisher.publish(settings(FakeGeoServer.PASSWORD), catalogue, false))
                .isInstanceOf(GeoServerException.class)
                .hasMessageContaining("unreadable JSON");
    }

    private static String entry(JsonNode store, String key) {
        for (JsonNode e : store.at("/dataStore/connectionParameters/entry")) {
            if (e.path("@key").asText().equals(key)) {
                return e.path("$").asText();
            }
        }
        return null;
    }
}
