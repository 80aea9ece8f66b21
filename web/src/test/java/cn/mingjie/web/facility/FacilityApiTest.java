package cn.mingjie.web.facility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The facility and coverage API over real HTTP on the synthetic sample. */
@MingjieAppTest
class FacilityApiTest {

    static final String[] ADMIN = Http.basic("admin", "mingjie");
    static final String[] PLANNER = Http.basic("planner", "mingjie");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http() {
        return new Http(port);
    }

    @Test
    void theSyntheticSampleIsPublicAndLabelledButUnpublishedRowsNeedASignIn() {
        JsonNode anonymous = http().get("/api/v1/facilities?district=500152").json();
        assertThat(anonymous.get("features").size()).isGreaterThan(50);
        List<JsonNode> features = new ArrayList<>();
        anonymous.get("features").forEach(features::add);
        assertThat(features).allSatisfy(f -> {
            assertThat(f.at("/properties/synthetic").asBoolean()).isTrue();
            assertThat(f.at("/properties/published").asBoolean()).isTrue();
        });
        JsonNode signedIn =
                http().get("/api/v1/facilities?district=500152", PLANNER).json();
        assertThat(signedIn.get("features").size())
                .isEqualTo(anonymous.get("features").size() + 1);
        assertThat(http().get("/api/v1/facilities?type=养老院").status()).isEqualTo(400);
    }

    @Test
    void writesNeedAdminAReasonAndTheCurrentETag() {
        String body = "{\"type\":\"社区养老服务站\",\"name\":\"测试站\",\"divisionCode\":\"500152001001\","
                + "\"lon\":105.79,\"lat\":30.19,\"beds\":6,\"reason\":\"新建\"}";
        assertThat(http().send("POST", "/api/v1/facilities", body).status()).isEqualTo(401);
        assertThat(http().send("POST", "/api/v1/facilities", body, PLANNER).status())
                .isEqualTo(403);
        Http.Answer created = http().send("POST", "/api/v1/facilities", body, ADMIN);
        assertThat(created.status()).isEqualTo(201);
        String etag = created.header("ETag");
        long id = created.json().at("/properties/id").asLong();

        String update = body.replace("测试站", "测试站（改）").replace("新建", "更名");
        assertThat(http().send("PUT", "/api/v1/facilities/" + id, update, ADMIN).status())
                .isEqualTo(428);
        Http.Answer updated = http().send(
                        "PUT", "/api/v1/facilities/" + id, update, Http.basic("admin", "mingjie", "If-Match", etag));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/properties/name").asText()).isEqualTo("测试站（改）");
        Http.Answer stale = http().send(
                        "PUT", "/api/v1/facilities/" + id, update, Http.basic("admin", "mingjie", "If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo(updated.header("ETag"));

        JsonNode history =
                http().get("/api/v1/facilities/" + id + "/history", PLANNER).json();
        assertThat(history.findValuesAsText("action")).containsExactly("create", "update");
        assertThat(history.findValuesAsText("reason")).containsExactly("新建", "更名");
        assertThat(http().get("/api/v1/facilities/" + id + "/history").status()).isEqualTo(401);

        Http.Answer deleted = http().send(
                        "DELETE",
                        "/api/v1/facilities/" + id + "?reason="
                                + java.net.URLEncoder.encode("测试完毕", StandardCharsets.UTF_8),
                        null,
                        Http.basic("admin", "mingjie", "If-Match", updated.header("ETag")));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http().get("/api/v1/facilities/" + id).status()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblemThatSaysWhere() {
        String swapped = "{\"type\":\"COMMUNITY_STATION\",\"name\":\"错站\",\"divisionCode\":\"500152001001\","
                + "\"lon\":30.19,\"lat\":105.79,\"reason\":\"新建\"}";
        Http.Answer answer = http().send("POST", "/api/v1/facilities", swapped, ADMIN);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).contains("problem+json");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("lon");

        String outside = swapped.replace("\"lon\":30.19,\"lat\":105.79", "\"lon\":106.5,\"lat\":29.5");
        Http.Answer far = http().send("POST", "/api/v1/facilities", outside, ADMIN);
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.json().at("/errors/0/field").asText()).isEqualTo("geometry");
        assertThat(far.json().at("/errors/0/message").asText()).contains("潼南区").contains("写反");
    }

    @Test
    void aCsvImportWithABadRowStoresNothing() throws Exception {
        int before = count();
        String csv = "type,name,division_code,lon,lat\n"
                + "社区养老服务站,导入甲,500152001001,105.79,30.19\n"
                + "社区养老服务站,导入乙,500152001001,105.79,北纬30\n";
        HttpResponse<String> r = importCsv(csv);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("第3行.lat").contains("不是数字");
        assertThat(count()).isEqualTo(before);

        HttpResponse<String> ok = importCsv(csv.substring(0, csv.lastIndexOf("社区养老服务站,导入乙")));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(count()).isEqualTo(before + 1);
        jdbc.update("delete from facility.facility where name = '导入甲'");
    }

    @Test
    void theIndicatorsSayTheyAreStraightLineEstimatesInChongqing() {
        JsonNode report =
                http().get("/api/v1/coverage/districts/500152/indicators").json();
        assertThat(report.get("fallback").asBoolean()).isTrue();
        assertThat(report.get("indicators").size()).isEqualTo(8);
        JsonNode coverage = null;
        for (JsonNode i : report.get("indicators")) {
            if (i.get("key").asText().equals("fifteen-minute-coverage")) {
                coverage = i;
            }
        }
        assertThat(coverage).isNotNull();
        assertThat(coverage.get("fallback").asBoolean()).isTrue();
        assertThat(coverage.get("walkingMethod").asText()).isEqualTo("fallback:straight-line");
        assertThat(coverage.get("value").asDouble()).isBetween(1.0, 99.0);
        assertThat(report.get("communitiesWithoutStation").size()).isGreaterThan(0);
        assertThat(report.get("notes").toString()).contains("合成样例").contains("估算");

        JsonNode towns = http().get("/api/v1/coverage/districts/500152/towns").json();
        assertThat(towns.get("features").size()).isGreaterThan(10);
        assertThat(towns.at("/features/0/properties/derivedGeometry").asBoolean())
                .isTrue();
        assertThat(http().get("/api/v1/coverage/districts/500152001/indicators").status())
                .isEqualTo(400);
    }

    @Test
    void serviceAreasUseTheAndorraNetworkThereAndTheFallbackInChongqing() {
        JsonNode andorra = http().get("/api/v1/facilities/service-areas?lon=1.5218&lat=42.5075&minutes=15")
                .json();
        assertThat(andorra.at("/features/0/properties/walkingMethod").asText()).isEqualTo("network:andorra");
        assertThat(andorra.at("/features/0/properties/fallback").asBoolean()).isFalse();

        JsonNode tongnan = http().get("/api/v1/facilities/service-areas?lon=105.84&lat=30.19")
                .json();
        assertThat(tongnan.get("features").size()).isEqualTo(3);
        assertThat(tongnan.at("/features/2/properties/fallback").asBoolean()).isTrue();
        assertThat(tongnan.at("/features/2/properties/methodLabel").asText()).contains("估算");
        assertThat(http().get("/api/v1/facilities/service-areas?lon=105.84&lat=30.19&minutes=90")
                        .status())
                .isEqualTo(400);

        JsonNode nearest = http().get("/api/v1/facilities/nearest?lon=105.84&lat=30.19&type=COMMUNITY_STATION")
                .json();
        assertThat(nearest.get("features").size()).isEqualTo(3);
        assertThat(nearest.at("/features/0/properties/fallback").asBoolean()).isTrue();
        assertThat(nearest.at("/features/0/geometry/coordinates").size()).isEqualTo(2);
    }

    @Test
    void exportsAndSiteSuggestions() {
        Http.Answer csv = http().get("/api/v1/coverage/districts/500229/indicators.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("城口县").contains("城市公益性公墓").contains("未达成");

        Http.Answer pdf = http().get("/api/v1/coverage/districts/500229/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");

        JsonNode s = http().get("/api/v1/coverage/districts/500229/site-suggestions?k=2")
                .json();
        assertThat(s.get("sites").size()).isEqualTo(2);
        assertThat(s.get("fallback").asBoolean()).isTrue();
        assertThat(s.get("greedyCovered").asLong()).isPositive();
        assertThat(http().get("/api/v1/coverage/districts/500229/site-suggestions?k=0")
                        .status())
                .isEqualTo(400);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from facility.facility", Integer.class);
    }

    private HttpResponse<String> importCsv(String csv) throws Exception {
        String[] auth = ADMIN;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/facilities/import?fileName=t.csv&reason="
                        + java.net.URLEncoder.encode("批量导入", StandardCharsets.UTF_8)))
                .header(auth[0], auth[1])
                .header("Content-Type", "text/csv")
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
