package cn.mingjie.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.data.SampleDataLoader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Boots the whole app on the real Chongqing sample and talks to it over real HTTP. */
@MingjieAppTest
class ApplicationTest {

    private static final String TONGNAN = "500152000000";
    /** Renamed between the NBS 2021 and 2023 editions. */
    private static final String MIXIN_COMMUNITY = "500152108001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SampleDataLoader loader;

    Http http() {
        return new Http(port);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void usesTheConfiguredDatabaseAndNoTestConfigurationFromAnotherModule() {
        assertThat(((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl())
                .isEqualTo(environment.getProperty("spring.datasource.url"));
        assertThat(((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize())
                .isEqualTo(16);
    }

    @Test
    void loadsAllNbs2023DivisionsAsTheCurrentRegister() {
        Integer current = jdbc.queryForObject(
                // As of 2024: other tests here edit from 2025 on.
                "select count(*) from geo.division_version where valid_from <= '2024-01-01'"
                        + " and (valid_to is null or valid_to > '2024-01-01')",
                Integer.class);
        assertThat(current).isEqualTo(12_342);
        Http.Answer townships = http().get("/api/v1/divisions?parent=500152&level=4&limit=100&asOf=2024-01-01");
        assertThat(townships.status()).isEqualTo(200);
        assertThat(townships.json().get("items")).hasSize(23);
        assertThat(townships.json().get("items").get(0).get("parentCode").asText())
                .isEqualTo(TONGNAN);
    }

    @Test
    void answersAsOfADateWithTheNameValidThen() {
        JsonNode before = http().get("/api/v1/divisions/" + MIXIN_COMMUNITY + "?asOf=2022-01-01")
                .json();
        JsonNode now = http().get("/api/v1/divisions/" + MIXIN_COMMUNITY).json();
        assertThat(before.at("/properties/name").asText()).isEqualTo("米心镇社区居民委员会");
        assertThat(now.at("/properties/name").asText()).isEqualTo("长河源社区居民委员会");

        JsonNode history =
                http().get("/api/v1/divisions/" + MIXIN_COMMUNITY + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("validTo").asText()).isEqualTo("2023-06-30");
        assertThat(history.get(1).get("validFrom").asText()).isEqualTo("2023-06-30");
    }

    @Test
    void servesDistrictGeometryAsGeoJsonInLonLatOrder() {
        Http.Answer tongnan = http().get("/api/v1/divisions/500152");
        assertThat(tongnan.status()).isEqualTo(200);
        assertThat(tongnan.header("ETag")).matches("\"\\d+\\.\\d+\"");
        JsonNode ring = tongnan.json().at("/geometry/coordinates/0/0");
        assertThat(ring.get(0).get(0).asDouble()).isBetween(105.4, 106.1); // lon first
        assertThat(ring.get(0).get(1).asDouble()).isBetween(29.8, 30.5);

        JsonNode districts = http().get("/api/v1/divisions/features?level=3").json();
        assertThat(districts.get("features")).hasSize(38);
    }

    @Test
    void derivesTownshipPolygonsOnlyForTheSampleDistrictsAndLabelsThem() {
        JsonNode tongnan =
                http().get("/api/v1/divisions/features?level=4&parent=500152").json();
        assertThat(tongnan.get("features").size()).isGreaterThanOrEqualTo(20);
        for (JsonNode f : tongnan.get("features")) {
            assertThat(f.at("/properties/derivedGeometry").asBoolean()).isTrue();
            assertThat(f.at("/properties/geometrySource").asText()).isEqualTo("derived:voronoi-of-seats");
        }
        Integer outside = jdbc.queryForObject(
                "select count(*) from geo.division_version t join geo.division_version d"
                        + " on d.code = t.parent_code and d.valid_to is null"
                        + " where t.valid_to is null and t.geom_source like 'derived:%'"
                        + " and not st_coveredby(t.geom, st_buffer(d.geom, 1e-9))",
                Integer.class);
        assertThat(outside).isZero();
        Integer elsewhere = jdbc.queryForObject(
                "select count(*) from geo.division_version where level = 4 and geom is not null"
                        + " and parent_code not in ('500152000000', '500112000000', '500229000000')",
                Integer.class);
        assertThat(elsewhere).isZero();
    }

    @Test
    void flagsTheGeoNamesPlacesThatLieOutsideChongqing() {
        Integer outside = jdbc.queryForObject(
                "select count(*) from sample.geonames_place where not inside_chongqing", Integer.class);
        Integer zhejiang =
                jdbc.queryForObject("select count(*) from sample.geonames_place where st_x(geom) > 120", Integer.class);
        assertThat(zhejiang).isEqualTo(7);
        assertThat(outside).isGreaterThanOrEqualTo(7);
    }

    @Test
    void loadingTheSampleAgainChangesNothing() {
        Integer versions = jdbc.queryForObject("select count(*) from geo.division_version", Integer.class);
        Long rowVersions = jdbc.queryForObject("select sum(row_version) from geo.division_version", Long.class);
        assertThat(loader.loadAll()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from geo.division_version", Integer.class))
                .isEqualTo(versions);
        assertThat(jdbc.queryForObject("select sum(row_version) from geo.division_version", Long.class))
                .isEqualTo(rowVersions);
    }

    @Test
    void badInputGetsAProblemDocumentSayingWhatAndWhere() {
        Http.Answer badCode = http().get("/api/v1/divisions/50015x");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badCode.json().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(badCode.json().get("detail").asText()).contains("50015x");

        Http.Answer badDate = http().get("/api/v1/divisions/500152?asOf=2023-13-45");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().at("/errors/0/field").asText()).isEqualTo("asOf");

        Http.Answer missing = http().get("/api/v1/divisions/500199");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("title").asText()).isEqualTo("未找到");

        Http.Answer english = http().get("/api/v1/divisions/500199", "Accept-Language", "en");
        assertThat(english.json().get("title").asText()).isEqualTo("Not found");

        Http.Answer level = http().get("/api/v1/divisions?level=9");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.json().at("/errors/0/field").asText()).isEqualTo("level");
    }

    @Test
    void writesNeedTheRightRoleAnIfMatchAndLeaveAnAuditEntry() {
        String path = "/api/v1/divisions/500229001000"; // 城口县葛城街道
        JsonNode current = http().get(path).json();
        String etag = http().get(path).header("ETag");
        String body = "{\"name\":\"葛城街道（测试）\",\"effectiveFrom\":\"2025-01-01\",\"reason\":\"测试更名\"}";

        Http.Answer anonymous = http().send("PATCH", path, body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"mingjie\"");
        // The pages' scripts get no challenge: Chromium would hold their request for its sign-in prompt.
        Http.Answer fromAPage = http().send("PATCH", path, body, "X-Requested-With", "XMLHttpRequest");
        assertThat(fromAPage.status()).isEqualTo(401);
        assertThat(fromAPage.header("WWW-Authenticate")).isNull();
        assertThat(fromAPage.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http().send("PATCH", path, body, Http.basic("planner", "mingjie"))
                        .status())
                .isEqualTo(403);
        Http.Answer noIfMatch = http().send("PATCH", path, body, Http.basic("admin", "mingjie"));
        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(noIfMatch.header("Content-Type")).startsWith("application/problem+json");

        Http.Answer stale = http().send("PATCH", path, body, Http.basic("admin", "mingjie", "If-Match", "\"1.1\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asText()).isEqualTo(etag.replace("\"", ""));

        Http.Answer noReason = http().send(
                        "PATCH",
                        path,
                        "{\"name\":\"葛城街道（测试）\",\"effectiveFrom\":\"2025-01-01\"}",
                        Http.basic("admin", "mingjie", "If-Match", etag));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("reason");

        Http.Answer renamed = http().send("PATCH", path, body, Http.basic("admin", "mingjie", "If-Match", etag));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().at("/properties/name").asText()).isEqualTo("葛城街道（测试）");
        assertThat(http().get(path + "?asOf=2024-12-31")
                        .json()
                        .at("/properties/name")
                        .asText())
                .isEqualTo(current.at("/properties/name").asText());

        // The second editor, still holding the old ETag, is told about the other change.
        Http.Answer second = http().send("PATCH", path, body, Http.basic("admin", "mingjie", "If-Match", etag));
        assertThat(second.status()).isEqualTo(412);

        JsonNode audit =
                http().get(path + "/audit", Http.basic("planner", "mingjie")).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(audit.get(0).get("reason").asText()).isEqualTo("测试更名");
        assertThat(audit.get(0).get("before").asText()).contains("葛城街道");
        assertThat(http().get(path + "/audit").status()).isEqualTo(401);
    }

    @Test
    void splitsAStreetOfficeOverHttpKeepingTheOldStateAsOfADate() {
        String body = "{\"code\":\"500152099000\",\"name\":\"测试新街道\",\"level\":4,"
                + "\"parentCode\":\"500152000000\",\"validFrom\":\"2025-03-01\",\"reason\":\"测试拆分\"}";
        Http.Answer created = http().send("POST", "/api/v1/divisions", body, Http.basic("admin", "mingjie"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/divisions/500152099000");

        JsonNode villages =
                http().get("/api/v1/divisions?parent=500152002&level=5&limit=2").json();
        String first = villages.at("/items/0/code").asText();
        String second = villages.at("/items/1/code").asText();
        Http.Answer moved = http().send(
                        "POST",
                        "/api/v1/divisions/500152099000/transfers",
                        "{\"children\":[\"" + first + "\",\"" + second + "\"],\"effectiveFrom\":\"2025-03-01\","
                                + "\"reason\":\"测试拆分\"}",
                        Http.basic("admin", "mingjie"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json()).hasSize(2);

        assertThat(http().get("/api/v1/divisions?parent=500152099000&asOf=2025-03-01")
                        .json()
                        .get("items"))
                .hasSize(2);
        assertThat(http().get("/api/v1/divisions/" + first + "?asOf=2025-02-28")
                        .json()
                        .at("/properties/parentCode")
                        .asText())
                .isEqualTo("500152002000");

        Http.Answer wrongLevel = http().send(
                        "POST",
                        "/api/v1/divisions",
                        body.replace("500152099000", "500152099001").replace("\"level\":4", "\"level\":5"),
                        Http.basic("admin", "mingjie"));
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(wrongLevel.json().at("/errors/0/field").asText()).isEqualTo("parentCode");
    }

    @Test
    void publishesAnOpenApiDocument() {
        Http.Answer api = http().get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().at("/paths").has("/api/v1/divisions/{code}/history"))
                .isTrue();
    }
}
