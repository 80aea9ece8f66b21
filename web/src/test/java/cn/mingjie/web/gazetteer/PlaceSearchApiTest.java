package cn.mingjie.web.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register's places in the search over real HTTP on the booted app with the sample: names from the
 * naming workflow are found (polled for) by new and old names, deprecated records are not, GeoNames
 * places the register took over are found once, and the street rule uses the sample's built-up areas.
 */
@MingjieAppTest
class PlaceSearchApiTest {

    static final String[] EDITOR = Http.basic("editor", "mingjie");
    static final String[] APPROVER = Http.basic("approver", "mingjie");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http() {
        return new Http(port);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String[] with(String[] auth, String... more) {
        List<String> all = new ArrayList<>(List.of(auth));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** A naming case from application to approval over HTTP; returns the place id. */
    long approvedCase(String kind, Long placeId, String proposal, String document, String date) {
        String application = "{\"kind\":\"" + kind + "\"," + (placeId == null ? "" : "\"placeId\":" + placeId + ",")
                + "\"reasons\":\"搜索测试\",\"featureLocation\":\"梓潼街道\",\"reason\":\"申报\",\"proposal\":" + proposal
                + "}";
        Http.Answer applied = http().send("POST", "/api/v1/naming-cases", application, EDITOR);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String path = "/api/v1/naming-cases/"
                + applied.json().at("/namingCase/caseId").asLong();
        String etag = applied.header("ETag");
        for (String report : List.of("ASSESSMENT", "EXPERT_REVIEW", "CONSULTATION")) {
            etag = http().send(
                            "POST",
                            path + "/reports",
                            "{\"kind\":\"" + report + "\",\"title\":\"" + report + "\"}",
                            with(EDITOR, "If-Match", etag))
                    .header("ETag");
        }
        etag = http().send(
                        "POST",
                        path + "/review",
                        "{\"accept\":true,\"reason\":\"审核\"}",
                        with(APPROVER, "If-Match", etag))
                .header("ETag");
        Http.Answer approved = http().send(
                        "POST",
                        path + "/approval",
                        "{\"authority\":\"重庆市潼南区人民政府\",\"documentNumber\":\"" + document + "\",\"approvalDate\":\""
                                + date + "\",\"reason\":\"批准\"}",
                        with(APPROVER, "If-Match", etag));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().at("/namingCase/placeId").asLong();
    }

    static String street(String proper, String wkt) {
        return "{\"properName\":\"" + proper + "\",\"genericName\":\"路\",\"categoryCode\":\"25100\","
                + "\"divisionCode\":\"500152002000\",\"meaning\":\"测试\",\"origin\":\"2025年新建\","
                + "\"description\":\"城市支路\",\"geometryWkt\":\"" + wkt + "\",\"positionMethod\":\"surveyed\","
                + "\"sources\":\"潼南区地名办（测试）\"}";
    }

    JsonNode features(String query) {
        return http().get("/api/v1/search?q=" + q(query) + "&limit=20").json().get("features");
    }

    /**
     * The feature of this place for the query, polled for (null if none). The 30 s guard only keeps a broken
     * feed from hanging the build; how fast changes become searchable is measured by SearchFreshnessBench.
     */
    JsonNode searchable(String query, String placeId, Predicate<JsonNode> wanted) throws InterruptedException {
        long guard = System.nanoTime() + 30_000_000_000L;
        do {
            for (JsonNode f : features(query)) {
                if (f.at("/properties/placeId").asText().equals(placeId) && wanted.test(f)) {
                    return f;
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() < guard);
        return null;
    }

    @Test
    void aPlaceNamedAndRenamedThroughTheWorkflowIsFoundByItsNewAndOldNames() throws InterruptedException {
        long id = approvedCase(
                "NAMING",
                null,
                street("拾光", "LINESTRING (105.836 30.185, 105.839 30.187)"),
                "潼南府〔2025〕41号",
                "2025-04-01");
        String placeId = "place:" + id;
        JsonNode created = searchable("拾光路", placeId, f -> true);
        assertThat(created).as("the new place is searchable").isNotNull();
        assertThat(created.at("/properties/matchType").asText()).isEqualTo("exact");
        assertThat(created.at("/properties/category").asText()).isEqualTo("street");
        assertThat(created.at("/geometry/coordinates/0").asDouble()).isBetween(105.83, 105.84); // lon first
        assertThat(http().get("/api/v1/places/" + id)
                        .json()
                        .at("/properties/romanization")
                        .asText())
                .isEqualTo("Shiguang Lu");
        // With geometry=true the register's own line, lon/lat.
        JsonNode full = http().get("/api/v1/search?q=" + q("拾光路") + "&geometry=true&limit=1")
                .json()
                .at("/features/0");
        assertThat(full.at("/properties/placeId").asText()).isEqualTo(placeId);
        assertThat(full.at("/geometry/type").asText()).isEqualTo("LineString");
        assertThat(full.at("/geometry/coordinates/1/0").asDouble()).isEqualTo(105.839);

        approvedCase("RENAMING", id, "{\"properName\":\"启晨\",\"genericName\":\"路\"}", "潼南府〔2025〕42号", "2025-05-01");
        JsonNode byNew = searchable(
                "启晨路", placeId, f -> f.at("/properties/matchType").asText().equals("exact"));
        assertThat(byNew).as("the new name is searchable").isNotNull();
        assertThat(byNew.at("/properties/matchedValidFrom").asText()).isEqualTo("2025-05-01");
        JsonNode byOld = searchable("拾光路", placeId, f -> true);
        assertThat(byOld.at("/properties/name").asText()).isEqualTo("启晨路");
        assertThat(byOld.at("/properties/matchType").asText()).isEqualTo("historical");
        assertThat(byOld.at("/properties/matchedName").asText()).isEqualTo("拾光路");
        assertThat(byOld.at("/properties/matchedValidFrom").asText()).isEqualTo("2025-04-01");
        assertThat(byOld.at("/properties/matchedValidTo").asText()).isEqualTo("2025-05-01");
        assertThat(http().get("/api/v1/places/" + id)
                        .json()
                        .at("/properties/romanization")
                        .asText())
                .isEqualTo("Qichen Lu");
    }

    @Test
    void aDeprecatedRecordIsNotReturnedAsCurrent() throws InterruptedException {
        String body = "{\"properName\":\"错录\",\"genericName\":\"巷\",\"categoryCode\":\"25100\","
                + "\"divisionCode\":\"500152002000\",\"status\":\"recorded\",\"effectiveFrom\":\"2020-01-01\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[105.833,30.181]},\"reason\":\"登记\"}";
        Http.Answer created = http().send("POST", "/api/v1/places", body, EDITOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/properties/placeId").asLong();
        String placeId = "place:" + id;
        assertThat(searchable("错录巷", placeId, f -> true)).isNotNull();

        Http.Answer deprecated = http().send(
                        "POST",
                        "/api/v1/places/" + id + "/deprecate",
                        "{\"reason\":\"登记错误，实地无此巷\"}",
                        with(APPROVER, "If-Match", created.header("ETag")));
        assertThat(deprecated.status()).as(deprecated.body()).isEqualTo(200);
        long guard = System.nanoTime() + 30_000_000_000L;
        boolean gone = false;
        while (!gone && System.nanoTime() < guard) {
            gone = true;
            for (JsonNode f : features("错录巷")) {
                gone &= !f.at("/properties/placeId").asText().equals(placeId);
            }
            Thread.sleep(10);
        }
        assertThat(gone).as("the deprecated record leaves the index").isTrue();
        for (JsonNode f : features("错录巷")) {
            assertThat(f.at("/properties/name").asText()).isNotEqualTo("错录巷");
        }
    }

    @Test
    void geoNamesPlacesTakenOverByTheRegisterAreFoundOnceWithTheirAliases() {
        // 梓潼街道 is GeoNames 1783700 too: one hit, the division, which also answers GeoNames' Wade–Giles name.
        JsonNode zitong = features("梓潼街道");
        assertThat(zitong.findValuesAsText("name").stream().filter("梓潼街道"::equals))
                .hasSize(1);
        assertThat(zitong.get(0).at("/properties/placeId").asText()).isEqualTo("division:500152002000");
        JsonNode wadeGiles = features("T'ung-nan-hsien");
        assertThat(wadeGiles.findValuesAsText("placeId")).contains("division:500152002000");
        // A GeoNames settlement that became a register place: found as the register's place, not twice.
        Map<String, Object> settlement = jdbc.queryForMap("select v.place_id, v.name from gazetteer.place_version v"
                + " where v.source = 'geonames' order by v.place_id limit 1");
        JsonNode hits = features((String) settlement.get("name"));
        assertThat(hits.findValuesAsText("placeId")).contains("place:" + settlement.get("place_id"));
        assertThat(hits.findValuesAsText("placeId")).noneMatch(p -> p.startsWith("geonames:"));
    }

    @Test
    void streetNamesAreUniqueWithinTheSampleBuiltUpAreas() throws InterruptedException {
        List<Map<String, Object>> areas = jdbc.queryForList("select name, st_x(st_pointonsurface(geom)) lon,"
                + " st_y(st_pointonsurface(geom)) lat from gazetteer.built_up_area order by id");
        assertThat(areas).extracting(a -> a.get("name")).containsExactly("潼南城区（桂林—梓潼，示例派生）", "双江镇区（示例派生）");
        Map<String, Object> town = areas.get(0);
        Map<String, Object> shuangjiang = areas.get(1);
        String wkt = "POINT (" + town.get("lon") + " " + town.get("lat") + ")";
        long id = approvedCase("NAMING", null, street("望江", wkt), "潼南府〔2025〕43号", "2025-04-02");
        assertThat(searchable("望江路", "place:" + id, f -> true)).isNotNull();

        String check = "/api/v1/places/rules/check?properName=" + q("望江") + "&genericName=" + q("路")
                + "&categoryCode=25100&divisionCode=500152002000";
        JsonNode sameArea = http().get(check + "&lon=" + town.get("lon") + "&lat=" + town.get("lat"))
                .json();
        JsonNode duplicate = null;
        for (JsonNode f : sameArea) {
            if (f.get("rule").asText().equals("ART9_DUPLICATE")) {
                duplicate = f;
            }
        }
        assertThat(duplicate).as(sameArea.toString()).isNotNull();
        assertThat(duplicate.get("message").asText()).contains("潼南城区").contains("望江路");
        assertThat(duplicate.at("/conflicts/0/placeId").asLong()).isEqualTo(id);

        JsonNode otherArea = http().get(check.replace("500152002000", "500152110000") + "&lon=" + shuangjiang.get("lon")
                        + "&lat=" + shuangjiang.get("lat"))
                .json();
        assertThat(otherArea.findValuesAsText("rule")).doesNotContain("ART9_DUPLICATE", "ART9_HOMOPHONE");
        // A homophone in the same area is a warning (忘 wàng = 望 wàng).
        JsonNode homophone = http().get(
                        check.replace(q("望江"), q("忘江")) + "&lon=" + town.get("lon") + "&lat=" + town.get("lat"))
                .json();
        assertThat(homophone.findValuesAsText("rule")).contains("ART9_HOMOPHONE");
    }
}
