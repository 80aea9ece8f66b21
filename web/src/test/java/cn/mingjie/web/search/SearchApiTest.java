package cn.mingjie.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The search and romanization API over real HTTP on the whole Chongqing sample. */
@MingjieAppTest
class SearchApiTest {

    @LocalServerPort
    int port;

    @Autowired
    PlaceSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    Http http() {
        return new Http(port);
    }

    @BeforeEach
    void indexCurrent() {
        search.awaitCurrent(Duration.ofSeconds(120));
    }

    private JsonNode top(String queryString) {
        Http.Answer a = http().get("/api/v1/search?" + queryString);
        assertThat(a.status()).as(queryString).isEqualTo(200);
        assertThat(a.json().get("features").size()).as(queryString).isPositive();
        return a.json().at("/features/0");
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void answersEveryQueryKindWithGeoJsonAMatchTypeAndAScore() {
        record Case(String query, String name, String matchType) {}
        for (Case c : new Case[] {
            new Case("潼南区", "潼南区", "exact"),
            new Case("tongnan", "潼南区", "pinyin"),
            new Case("tnq", "潼南区", "initials"),
            new Case("潼nan", "潼南区", "pinyin"),
            new Case("tongnam", "潼南区", "fuzzy"),
            new Case("铜南", "潼南区", "homophone"),
            new Case("重慶市", "重庆市", "exact"),
            new Case("双江镇", "双江镇", "exact"),
            new Case("米心镇社区居民委员会", "长河源社区居民委员会", "historical"),
        }) {
            JsonNode f = top(q(c.query()));
            assertThat(f.at("/properties/name").asText()).as(c.query()).isEqualTo(c.name());
            assertThat(f.at("/properties/matchType").asText()).as(c.query()).isEqualTo(c.matchType());
            assertThat(f.at("/properties/score").asDouble()).as(c.query()).isPositive();
            assertThat(f.get("type").asText()).isEqualTo("Feature");
        }
        JsonNode historical = top(q("米心镇社区居民委员会"));
        assertThat(historical.at("/properties/matchedName").asText()).isEqualTo("米心镇社区居民委员会");
        assertThat(historical.at("/properties/matchedValidTo").asText()).isEqualTo("2023-06-30");
    }

    @Test
    void restrictsAreaPlusNameAndFiltersAndReturnsFullGeometryOnRequest() {
        JsonNode r = http().get("/api/v1/search?" + q("潼南 双江")).json();
        assertThat(r.get("area").asText()).isEqualTo("500152000000");
        assertThat(r.at("/features/0/properties/code").asText()).isEqualTo("500152110000");

        JsonNode within = http().get("/api/v1/search?" + q("双江") + "&within=500152&level=4")
                .json();
        assertThat(within.get("features")).isNotEmpty();
        for (JsonNode f : within.get("features")) {
            assertThat(f.at("/properties/code").asText()).startsWith("500152");
            assertThat(f.at("/properties/level").asInt()).isEqualTo(4);
        }
        // 潼南's townships have derived polygons in the sample: the full geometry is a MultiPolygon, [lon, lat].
        JsonNode full = top(q("双江镇") + "&within=500152&geometry=true");
        assertThat(full.at("/geometry/type").asText()).isEqualTo("MultiPolygon");
        assertThat(full.at("/geometry/coordinates/0/0/0/0").asDouble()).isBetween(105.4, 106.1);
        JsonNode point = top(q("潼南区"));
        assertThat(point.at("/geometry/type").asText()).isEqualTo("Point");

        JsonNode boxed = http().get("/api/v1/search?" + q("双江") + "&bbox=105.4,29.8,106.1,30.5")
                .json();
        assertThat(boxed.get("features")).isNotEmpty();
        for (JsonNode f : boxed.get("features")) {
            assertThat(f.at("/geometry/coordinates/0").asDouble()).isBetween(105.4, 106.1);
        }
        JsonNode completing = http().get("/api/v1/search?" + q("shuangj") + "&mode=autocomplete&limit=20")
                .json();
        assertThat(completing.get("features").findValuesAsText("name")).contains("双江镇");
    }

    @Test
    void aRenameThroughTheApiIsFoundByItsNewAndOldNames() throws InterruptedException {
        String path = "/api/v1/divisions/500152113000"; // 柏梓镇
        String etag = http().get(path).header("ETag");
        Http.Answer renamed = http().send(
                        "PATCH",
                        path,
                        "{\"name\":\"柏梓古镇\",\"effectiveFrom\":\"2025-03-01\",\"reason\":\"搜索测试更名\"}",
                        Http.basic("admin", "mingjie", "If-Match", etag));
        assertThat(renamed.status()).isEqualTo(200);
        // Polled for; the 30 s guard only keeps a broken feed from hanging (SearchFreshnessBench measures it).
        long guard = System.nanoTime() + 30_000_000_000L;
        JsonNode hit = null;
        while (System.nanoTime() < guard) {
            JsonNode r = http().get("/api/v1/search?" + q("柏梓古镇")).json();
            if (r.get("features").size() > 0
                    && r.at("/features/0/properties/name").asText().equals("柏梓古镇")) {
                hit = r.at("/features/0");
                break;
            }
            Thread.sleep(20);
        }
        assertThat(hit).as("the new name is searchable").isNotNull();
        assertThat(hit.at("/properties/matchType").asText()).isEqualTo("exact");
        JsonNode old = top(q("柏梓镇"));
        assertThat(old.at("/properties/code").asText()).isEqualTo("500152113000");
        assertThat(old.at("/properties/name").asText()).isEqualTo("柏梓古镇");
        assertThat(old.at("/properties/matchType").asText()).isEqualTo("historical");
        assertThat(old.at("/properties/matchedValidTo").asText()).isEqualTo("2025-03-01");
    }

    @Test
    void badParametersGetProblemDocumentsNamingTheField() {
        String[][] cases = {
            {"", "q"},
            {q("潼南") + "&mode=fuzzy", "mode"},
            {q("潼南") + "&level=7", "level"},
            {q("潼南") + "&within=5001x", "within"},
            {q("潼南") + "&bbox=106,30,105,29", "bbox"},
            {q("潼南") + "&lat=30", "lon"},
            {q("潼南") + "&limit=1000", "limit"},
            {q("潼南") + "&asOf=2024-02-30", "asOf"},
            {q("潼南") + "&lat=NaN&lon=106", "lat"},
            {q("潼南") + "&lat=30&lon=-Infinity", "lon"},
            {q("潼南") + "&limit=ten", "limit"},
            {q("潼南") + "&geometry=maybe", "geometry"},
        };
        for (String[] c : cases) {
            Http.Answer a = http().get("/api/v1/search?" + c[0]);
            assertThat(a.status()).as(c[0]).isEqualTo(400);
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            assertThat(a.json().at("/errors").findValuesAsText("field"))
                    .as(c[0])
                    .containsExactly(c[1]);
        }
        Http.Answer english = http().get("/api/v1/search?mode=x&q=a", "Accept-Language", "en");
        assertThat(english.json().at("/errors/0/message").asText()).contains("search or autocomplete");
        Http.Answer unparsable = http().get("/api/v1/search?" + q("潼南") + "&level=x&limit=y");
        assertThat(unparsable.json().at("/errors").findValuesAsText("field")).containsExactly("level", "limit");
        assertThat(unparsable.json().at("/errors/0/message").asText()).contains("x");
    }

    @Test
    void aSearchSetsNoCookieAndIsNotTimedForUnexposedMetrics() {
        Http.Answer a = http().get("/api/v1/search?" + q("潼南区"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(meters.find("http.server.requests").meters()).isEmpty();
    }

    @Test
    void aRepeatedParameterCountsWithItsFirstValue() {
        JsonNode r = http().get("/api/v1/search?" + q("潼南区") + "&" + q("双江镇") + "&limit=1&limit=1000")
                .json();
        assertThat(r.get("query").asText()).isEqualTo("潼南区");
        assertThat(r.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(r.get("features")).hasSize(1);
        assertThat(r.at("/features/0/properties/name").asText()).isEqualTo("潼南区");
    }

    @Test
    void theOpenApiDocumentListsEverySearchParameter() {
        JsonNode parameters = http().get("/v3/api-docs").json().at("/paths/~1api~1v1~1search/get/parameters");
        assertThat(parameters.findValuesAsText("name"))
                .containsExactlyInAnyOrder(
                        "q", "mode", "level", "category", "within", "asOf", "bbox", "lat", "lon", "limit", "geometry");
        for (JsonNode p : parameters) {
            assertThat(p.get("in").asText()).as(p.toString()).isEqualTo("query");
        }
    }

    @Test
    void romanizesAndLetsTheOfficeDecideAmbiguousReadings() {
        JsonNode r = http().get("/api/v1/romanization?name=" + URLEncoder.encode("潼南区", StandardCharsets.UTF_8))
                .json();
        assertThat(r.get("text").asText()).isEqualTo("Tongnan Qu");
        assertThat(r.get("toned").asText()).isEqualTo("Tóngnán Qū");
        assertThat(r.get("ambiguous").asBoolean()).isFalse();

        String path = "/api/v1/romanization?name=" + URLEncoder.encode("长坪镇", StandardCharsets.UTF_8);
        JsonNode before = http().get(path).json();
        assertThat(before.get("ambiguous").asBoolean()).isTrue();
        assertThat(before.get("alternatives").toString()).contains("Zhangping Zhen");

        String word = "/api/v1/romanization/readings/" + URLEncoder.encode("长坪", StandardCharsets.UTF_8);
        String body = "{\"pinyin\":\"zhang3 ping2\",\"note\":\"测试\",\"reason\":\"本地读音\"}";
        assertThat(http().send("PUT", word, body, Http.basic("planner", "mingjie"))
                        .status())
                .isEqualTo(403);
        Http.Answer bad = http().send(
                        "PUT", word, "{\"pinyin\":\"zhang ping\",\"reason\":\"x\"}", Http.basic("editor", "mingjie"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("pinyin");
        assertThat(http().send("PUT", word, body, Http.basic("editor", "mingjie"))
                        .status())
                .isEqualTo(200);
        JsonNode after = http().get(path).json();
        assertThat(after.get("text").asText()).isEqualTo("Zhangping Zhen");
        assertThat(after.get("ambiguous").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from geo.audit_event where entity_type = 'place-reading' and entity_id = '长坪'",
                        Integer.class))
                .isEqualTo(1);
    }
}
