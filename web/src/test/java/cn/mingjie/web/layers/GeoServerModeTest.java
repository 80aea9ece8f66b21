package cn.mingjie.web.layers;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.geocore.layer.FakeGeoServer;
import cn.mingjie.geocore.layer.LayerCatalogue;
import cn.mingjie.web.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with a GeoServer configured (the loopback stand-in that enforces GeoServer's REST
 * contract): the catalogue hands the map WMS 1.1.1 parameters, and an administrator plans and
 * publishes from the API the admin page uses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mingjie.postgres.state-dir=target/test-postgres-geoserver",
            "mingjie.search.index-dir=target/search-index-geoserver",
            "mingjie.postgres.fresh=true",
            "mingjie.sample-data.load=false",
            "mingjie.geoserver.username=" + FakeGeoServer.USER,
            "mingjie.geoserver.password=" + FakeGeoServer.PASSWORD,
            "mingjie.geoserver.public-url=https://gis.bureau.example/geoserver"
        })
class GeoServerModeTest {

    static FakeGeoServer geoServer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void geoServer(DynamicPropertyRegistry registry) throws IOException {
        geoServer = new FakeGeoServer();
        registry.add("mingjie.geoserver.url", geoServer::url);
    }

    @AfterAll
    static void stop() {
        geoServer.close();
    }

    @Autowired
    GeoServerProperties properties;

    @Autowired
    LayerCatalogue catalogue;

    @Test
    void theCommandLinePrintsThePlanAndReportsAFailingRequest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GeoServerConfig.publishCommand(
                properties, catalogue, true, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        assertThat(status).isZero();
        assertThat(out.toString(UTF_8))
                .startsWith("Plan (dry run, nothing changed) for " + geoServer.url())
                .contains("featuretype district");

        GeoServerProperties wrongPassword = new GeoServerProperties(
                properties.url(), properties.username(), "wrong", null, null, properties.database());
        int failed = GeoServerConfig.publishCommand(
                wrongPassword, catalogue, true, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        assertThat(failed).isEqualTo(1);
        assertThat(err.toString(UTF_8))
                .contains("GET " + geoServer.url() + "/rest/workspaces/mingjie.json")
                .contains("HTTP 401");
    }

    @Test
    void theMapGetsWmsLayersAndAnAdminPublishesThePlanThenTheLayers() {
        Http http = new Http(port);
        JsonNode catalogue = http.get("/api/v1/layers").json();
        assertThat(catalogue.get("renderer").asText()).isEqualTo("geoserver-wms");
        JsonNode wms = catalogue.at("/layers/0/wms");
        assertThat(wms.get("url").asText()).isEqualTo("https://gis.bureau.example/geoserver/mingjie/wms");
        assertThat(wms.get("layers").asText()).isEqualTo("mingjie:district");
        assertThat(wms.get("version").asText()).isEqualTo("1.1.1");

        String publish = "/api/v1/layers/geoserver/publication";
        JsonNode plan = http.send("POST", publish + "?dryRun=true", null, Http.basic("admin", "mingjie"))
                .json();
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(plan.get("steps").get(0).get("action").asText()).isEqualTo("CREATE");
        assertThat(geoServer.writes).isEmpty();

        Http.Answer done = http.send("POST", publish + "?dryRun=false", null, Http.basic("admin", "mingjie"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(geoServer.resources).containsKeys("ws:mingjie", "ds:mingjie/mingjie", "group:mingjie/base");
        JsonNode again = http.send("POST", publish + "?dryRun=false", null, Http.basic("admin", "mingjie"))
                .json();
        for (JsonNode step : again.get("steps")) {
            assertThat(step.get("action").asText()).isEqualTo("UNCHANGED");
        }
    }
}
