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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The gazetteer API over real HTTP on the booted app with the Chongqing sample. */
@MingjieAppTest
class GazetteerApiTest {

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
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String[] with(String[] auth, String... more) {
        List<String> all = new ArrayList<>(List.of(auth));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    long placeOfDivision(String code) {
        return jdbc.queryForObject("select place_id from gazetteer.place where division_code = ?", Long.class, code);
    }

    @Test
    void theSampleDivisionsAndGeoNamesPlacesAreInTheRegister() {
        JsonNode townships = http().get("/api/v1/places?division=500152&category=11400&limit=100")
                .json();
        assertThat(townships.get("items")).hasSize(23);
        long zitong = placeOfDivision("500152002000");
        JsonNode timeline = http().get("/api/v1/places/" + zitong + "/timeline").json();
        // GeoNames 1783700 (梓潼街道, the seat of 潼南) is this division, not a copy of it.
        assertThat(timeline.get("externalIds").toString()).contains("geonames:1783700");
        Integer geonamesSettlements = jdbc.queryForObject(
                "select count(*) from gazetteer.place_version where source = 'geonames'", Integer.class);
        Integer linked = jdbc.queryForObject(
                "select count(*) from gazetteer.external_id where scheme = 'geonames'", Integer.class);
        assertThat(linked).isGreaterThan(900);
        assertThat(geonamesSettlements).isLessThan(linked);
        JsonNode feature = http().get("/api/v1/places/features?division=500152&category=21100")
                .json();
        for (JsonNode f : feature.get("features")) {
            assertThat(f.at("/geometry/coordinates/0").asDouble()).isBetween(105.4, 106.1); // lon first
        }
    }

    @Test
    void answersAsOfTheReal2021To2023Changes() {
        long community = placeOfDivision("500152108001");
        assertThat(http().get("/api/v1/places/" + community + "?asOf=2022-01-01")
                        .json()
                        .at("/properties/name")
                        .asText())
                .isEqualTo("米心镇社区居民委员会");
        assertThat(http().get("/api/v1/places/" + community)
                        .json()
                        .at("/properties/name")
                        .asText())
                .isEqualTo("长河源社区居民委员会");
        JsonNode found =
                http().get("/api/v1/places?historical=true&name=" + q("米心镇社区")).json();
        assertThat(found.at("/items/0/name").asText()).isEqualTo("长河源社区居民委员会");
        JsonNode notNow = http().get("/api/v1/places?name=" + q("米心镇社区")).json();
        assertThat(notNow.get("items")).isEmpty();
        JsonNode timeline =
                http().get("/api/v1/places/" + community + "/timeline").json();
        assertThat(timeline.at("/versions/0/endReason").asText()).isEqualTo("renamed");
        assertThat(timeline.at("/historicalNames/0/name").asText()).isEqualTo("米心镇社区居民委员会");
    }

    @Test
    void checksNamingRulesLiveWithMessagesInChineseAndEnglish() {
        String path = "/api/v1/places/rules/check?properName=" + q("桂林") + "&genericName=" + q("街道")
                + "&categoryCode=11400&divisionCode=500229";
        JsonNode zh = http().get(path).json();
        assertThat(zh.at("/0/rule").asText()).isEqualTo("ART9_DUPLICATE");
        assertThat(zh.at("/0/severity").asText()).isEqualTo("BLOCK");
        assertThat(zh.at("/0/message").asText()).contains("重名").contains("桂林街道");
        assertThat(zh.at("/0/conflicts/0/divisionCode").asText()).isEqualTo("500152000000");
        JsonNode en = http().get(path, "Accept-Language", "en").json();
        assertThat(en.at("/0/message").asText()).contains("duplicates");
        Http.Answer bad = http().get("/api/v1/places/rules/check?properName=x&divisionCode=12x");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("divisionCode");
    }

    @Test
    void registerWritesNeedRolesIfMatchAndValidInput() {
        String body =
                """
                {"properName":"试验","genericName":"路","categoryCode":"25100","divisionCode":"500152002000",
                 "status":"recorded","effectiveFrom":"2024-01-01","positionMethod":"surveyed",
                 "geometry":{"type":"Point","coordinates":[105.8,30.18]},"reason":"登记新路"}""";
        assertThat(http().send("POST", "/api/v1/places", body).status()).isEqualTo(401);
        assertThat(http().send("POST", "/api/v1/places", body, Http.basic("planner", "mingjie"))
                        .status())
                .isEqualTo(403);
        assertThat(http().send("POST", "/api/v1/places", body.replace("recorded", "standard"), EDITOR)
                        .status())
                .isEqualTo(403);
        Http.Answer created = http().send("POST", "/api/v1/places", body, EDITOR);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String etag = created.header("ETag");

        Http.Answer invalid = http().send(
                        "POST",
                        "/api/v1/places",
                        body.replace("25100", "99999").replace("[105.8,30.18]", "[30.18,105.8]"),
                        EDITOR);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactly("categoryCode", "geometry");

        String correction = body.replace("登记新路", "补充别名").replace("\"status\"", "\"aliases\":[\"试验街\"],\"status\"");
        assertThat(http().send("PUT", "/api/v1/places/" + id, correction, EDITOR)
                        .status())
                .isEqualTo(428);
        assertThat(http().send("PUT", "/api/v1/places/" + id, correction, with(EDITOR, "If-Match", "\"r1.1\""))
                        .status())
                .isEqualTo(412);
        Http.Answer corrected = http().send("PUT", "/api/v1/places/" + id, correction, with(EDITOR, "If-Match", etag));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().at("/properties/aliases/0").asText()).isEqualTo("试验街");

        JsonNode audit = http().get("/api/v1/places/" + id + "/audit", EDITOR).json();
        assertThat(audit.findValuesAsText("action")).containsExactly("create", "correct");
        assertThat(http().get("/api/v1/places/" + id + "/audit").status()).isEqualTo(401);
    }

    @Test
    void aNamingCaseRunsFromApplicationToAnnouncementOverHttp() {
        String application =
                """
                {"kind":"NAMING","reasons":"新建道路需要命名","featureLocation":"梓潼街道涪江西岸",
                 "featureScale":"长约800米","featureNature":"城市支路","reason":"申报",
                 "proposal":{"properName":"涪滨","genericName":"路","romanization":"Fubin Lu","categoryCode":"25100",
                   "divisionCode":"500152002000","meaning":"沿涪江之滨","origin":"2024年新建",
                   "description":"南北走向城市支路","geometryWkt":"LINESTRING (105.80 30.17, 105.81 30.18)",
                   "positionMethod":"surveyed","sources":"潼南区地名办"}}""";
        assertThat(http().send("POST", "/api/v1/naming-cases", application, APPROVER)
                        .status())
                .isEqualTo(403);
        Http.Answer applied = http().send("POST", "/api/v1/naming-cases", application, EDITOR);
        assertThat(applied.status()).isEqualTo(201);
        String path = "/api/v1/naming-cases/"
                + applied.json().at("/namingCase/caseId").asLong();
        String etag = applied.header("ETag");

        // Approving now: the editor may not (403); the approver may not yet (409, wrong state).
        String approval = "{\"authority\":\"重庆市潼南区人民政府\",\"documentNumber\":\"潼南府〔2025〕12号\","
                + "\"approvalDate\":\"2025-03-10\",\"reason\":\"批准\"}";
        assertThat(http().send("POST", path + "/approval", approval, with(EDITOR, "If-Match", etag))
                        .status())
                .isEqualTo(403);
        Http.Answer early = http().send("POST", path + "/approval", approval, with(APPROVER, "If-Match", etag));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.header("Content-Type")).startsWith("application/problem+json");
        assertThat(early.json().get("detail").asText()).contains("APPLIED").contains("REVIEWED");
        assertThat(http().send("POST", path + "/review", "{\"accept\":true,\"reason\":\"审核\"}", APPROVER)
                        .status())
                .isEqualTo(428);
        Http.Answer missingReports = http().send(
                        "POST",
                        path + "/review",
                        "{\"accept\":true,\"reason\":\"审核\"}",
                        with(APPROVER, "If-Match", etag));
        assertThat(missingReports.status()).isEqualTo(409);
        assertThat(missingReports.json().get("detail").asText()).contains("ASSESSMENT");

        for (String kind : List.of("ASSESSMENT", "EXPERT_REVIEW", "CONSULTATION")) {
            Http.Answer r = http().send(
                            "POST",
                            path + "/reports",
                            "{\"kind\":\"" + kind + "\",\"title\":\"" + kind + " 报告\"}",
                            with(EDITOR, "If-Match", etag));
            assertThat(r.status()).isEqualTo(200);
            etag = r.header("ETag");
        }
        Http.Answer reviewed = http().send(
                        "POST",
                        path + "/review",
                        "{\"accept\":true,\"opinion\":\"同意\",\"reason\":\"审核\"}",
                        with(APPROVER, "If-Match", etag));
        assertThat(reviewed.json().at("/namingCase/state").asText()).isEqualTo("REVIEWED");
        Http.Answer badNumber = http().send(
                        "POST",
                        path + "/approval",
                        approval.replace("〔2025〕12号", "-12"),
                        with(APPROVER, "If-Match", reviewed.header("ETag")));
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.json().at("/errors/0/field").asText()).isEqualTo("approvalDocument");
        Http.Answer approved =
                http().send("POST", path + "/approval", approval, with(APPROVER, "If-Match", reviewed.header("ETag")));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().at("/namingCase/filingDue").asText()).isEqualTo("2025-03-25");
        assertThat(approved.json().get("overdue").asBoolean()).isTrue(); // 2025 deadlines are long past today
        JsonNode overdue = http().get("/api/v1/naming-cases/overdue").json();
        assertThat(overdue.findValuesAsText("approvalDocument")).contains("潼南府〔2025〕12号");

        Http.Answer filed = http().send(
                        "POST",
                        path + "/filing",
                        "{\"filedWith\":\"重庆市民政局\",\"filedOn\":\"2025-03-20\"}",
                        with(EDITOR, "If-Match", approved.header("ETag")));
        Http.Answer announced = http().send(
                        "POST",
                        path + "/announcement",
                        "{\"announcedOn\":\"2025-03-21\",\"reference\":\"公告2025年第3号\"}",
                        with(EDITOR, "If-Match", filed.header("ETag")));
        assertThat(announced.json().at("/namingCase/state").asText()).isEqualTo("ANNOUNCED");

        JsonNode six = http().get(path + "/announcement").json();
        assertThat(six.get("standardName").asText()).isEqualTo("涪滨路");
        assertThat(six.get("romanization").asText()).isEqualTo("Fubin Lu");
        assertThat(six.get("administrativeArea").asText()).isEqualTo("重庆市潼南区梓潼街道");
        assertThat(six.get("locationDescription").asText()).isEqualTo("梓潼街道涪江西岸");
        assertThat(six.get("approvingAuthority").asText()).isEqualTo("重庆市潼南区人民政府");
        assertThat(six.get("approvalDate").asText()).isEqualTo("2025-03-10");
        Http.Answer csv = http().get(path + "/announcement?format=csv");
        assertThat(csv.body()).contains("标准名称").contains("涪滨路,Fubin Lu,重庆市潼南区梓潼街道");

        JsonNode audit = http().get(path + "/audit", APPROVER).json();
        assertThat(audit.findValuesAsText("action"))
                .containsExactly(
                        "apply",
                        "attach-report:ASSESSMENT",
                        "attach-report:EXPERT_REVIEW",
                        "attach-report:CONSULTATION",
                        "review",
                        "approve",
                        "file",
                        "announce");
    }

    @Test
    void theSyntheticProtectionListBlocksAnUnprotectedRename() {
        JsonNode list = http().get("/api/v1/protection-list?division=500152").json();
        assertThat(list.findValuesAsText("name")).contains("双江镇", "潼南县");
        // The sample entries are synthetic; other tests of this context add "manual" ones through the API.
        assertThat(list.findValuesAsText("source"))
                .contains("synthetic")
                .allMatch(source -> source.equals("synthetic") || source.equals("manual"));
        long shuangjiang = placeOfDivision("500152107000");
        String rename = "{\"kind\":\"RENAMING\",\"placeId\":" + shuangjiang + ",\"reasons\":\"测试\","
                + "\"proposal\":{\"properName\":\"潼双\",\"genericName\":\"镇\"}}";
        Http.Answer blocked = http().send("POST", "/api/v1/naming-cases", rename, EDITOR);
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.json().at("/errors/0/field").asText()).isEqualTo("protectionMeasures");
        assertThat(blocked.json().at("/errors/0/message").asText())
                .contains("双江镇")
                .contains("保护名录");
    }

    @Test
    void aProtectionEntryIsChangedWithIfMatchAndPublishedOnlyAfterItsCommentPeriod() {
        String created = http().send(
                        "POST",
                        "/api/v1/protection-list",
                        "{\"name\":\"鸭嘴湾\",\"listKind\":\"RURAL\",\"batch\":2,\"criteria\":\"百年以上（测试）\","
                                + "\"status\":\"VANISHED\",\"commentFrom\":\"2025-08-01\",\"commentTo\":\"2025-08-31\","
                                + "\"reason\":\"测试\"}",
                        EDITOR)
                .json()
                .get("entryId")
                .asText();
        String path = "/api/v1/protection-list/" + created;
        String tag = http().get(path).header("ETag");
        String publishEarly = "{\"publishedOn\":\"2025-08-20\",\"reason\":\"公布\"}";

        assertThat(http().send("PATCH", path, publishEarly, EDITOR).status()).isEqualTo(428);
        assertThat(http().send("PATCH", path, publishEarly, with(APPROVER, "If-Match", tag))
                        .status())
                .as("NAME_EDITOR only")
                .isEqualTo(403);
        Http.Answer early = http().send("PATCH", path, publishEarly, with(EDITOR, "If-Match", tag));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().at("/errors/0/field").asText()).isEqualTo("publishedOn");
        assertThat(early.json().at("/errors/0/message").asText()).contains("2025-08-31");
        assertThat(http().get(path).json().get("publishedOn").isNull()).isTrue();

        Http.Answer published = http().send(
                        "PATCH",
                        path,
                        "{\"publishedOn\":\"2025-09-05\",\"measures\":\"设立纪念标志\",\"reason\":\"公示期满，公布\"}",
                        with(EDITOR, "If-Match", tag));
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("publishedOn").asText()).isEqualTo("2025-09-05");
        assertThat(published.json().get("measures").asText()).isEqualTo("设立纪念标志");
        assertThat(published.header("ETag")).isNotEqualTo(tag);
        assertThat(http().send("PATCH", path, "{\"batch\":3,\"reason\":\"x\"}", with(EDITOR, "If-Match", tag))
                        .status())
                .as("stale ETag")
                .isEqualTo(412);
        JsonNode history = http().get(path + "/audit", EDITOR).json();
        assertThat(history.findValuesAsText("action")).contains("create", "update");
        assertThat(history.findValuesAsText("reason")).contains("公示期满，公布");
    }

    @Test
    void aSignIsChangedWithIfMatchAndTheChangeIsAudited() {
        JsonNode sign = http().get("/api/v1/signs").json().get(0);
        String path = "/api/v1/signs/" + sign.get("signId").asText();
        String tag = http().get(path).header("ETag");
        String body = "{\"condition\":\"DAMAGED\",\"photoRefs\":[\"photo/2025-10-01.jpg\"],\"reason\":\"巡查发现损坏\"}";
        assertThat(http().send("PATCH", path, body, EDITOR).status()).isEqualTo(428);
        assertThat(http().send(
                                "PATCH",
                                path,
                                "{\"condition\":\"BROKEN\",\"reason\":\"x\"}",
                                with(EDITOR, "If-Match", tag))
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("condition");
        Http.Answer changed = http().send("PATCH", path, body, with(EDITOR, "If-Match", tag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("condition").asText()).isEqualTo("DAMAGED");
        assertThat(changed.json().get("printedText").asText())
                .isEqualTo(sign.get("printedText").asText());
        assertThat(http().send("PATCH", path, body, with(EDITOR, "If-Match", tag))
                        .status())
                .isEqualTo(412);
        JsonNode history = http().get(path + "/audit", EDITOR).json();
        assertThat(history.findValuesAsText("reason")).contains("巡查发现损坏");
    }

    @Test
    void signsAreCheckedAgainstTheCurrentStandardName() {
        JsonNode checks = http().get("/api/v1/signs/check").json();
        JsonNode outdated = null;
        for (JsonNode c : checks) {
            if (c.get("printedText").asText().equals("米心镇社区居民委员会")) {
                outdated = c;
            }
        }
        assertThat(outdated).isNotNull();
        assertThat(outdated.get("textMatches").asBoolean()).isFalse();
        assertThat(outdated.get("currentName").asText()).isEqualTo("长河源社区居民委员会");
        assertThat(checks.findValuesAsText("printedText")).contains("双江镇");
    }

    @Test
    void anExportImportedBackChangesNothing() {
        Map<String, Object> before = jdbc.queryForMap("select (select count(*) from gazetteer.place) p,"
                + " (select coalesce(sum(row_version), 0) from gazetteer.place_version) rv,"
                + " (select count(*) from gazetteer.place_version) v");
        Http.Answer csv = http().get("/api/v1/places/export?format=csv&division=500152");
        assertThat(csv.status()).isEqualTo(200);
        Http.Answer report = http().send(
                        "POST",
                        "/api/v1/places/import?format=csv&dryRun=false&reason=" + q("回读测试"),
                        csv.body(),
                        EDITOR);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("rows").findValuesAsText("action")).containsOnly("UNCHANGED");
        Http.Answer geojson = http().get("/api/v1/places/export?format=geojson&division=500152");
        Http.Answer again =
                http().send("POST", "/api/v1/places/import?dryRun=false&reason=" + q("回读测试"), geojson.body(), EDITOR);
        assertThat(again.json().get("rows").findValuesAsText("action")).containsOnly("UNCHANGED");
        assertThat(jdbc.queryForMap("select (select count(*) from gazetteer.place) p,"
                        + " (select coalesce(sum(row_version), 0) from gazetteer.place_version) rv,"
                        + " (select count(*) from gazetteer.place_version) v"))
                .isEqualTo(before);

        Http.Answer lpf = http().get("/api/v1/places/export?format=lpf&division=500152108000");
        assertThat(lpf.json().get("@context").asText()).contains("linkedplaces");
        Http.Answer directory = http().get("/api/v1/places/directory?division=500152");
        assertThat(directory.header("Content-Type")).startsWith("text/html");
        assertThat(directory.body()).contains("潼南区标准地名录").contains("长河源社区居民委员会");
    }
}
