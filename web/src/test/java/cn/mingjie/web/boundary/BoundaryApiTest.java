package cn.mingjie.web.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.geocore.media.TestImages;
import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
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

/** The boundary API over real HTTP on the sample: derived lines, synthetic markers, checks, inspections. */
@MingjieAppTest
class BoundaryApiTest {

    static final String[] PLANNER = Http.basic("planner", "mingjie");
    static final String[] INSPECTOR = Http.basic("inspector", "mingjie");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http() {
        return new Http(port);
    }

    @Test
    void signedInUsersReadTheDerivedTongnanLinesAndAnonymousUsersDoNot() {
        assertThat(http().get("/api/v1/boundary/lines?division=500152").status())
                .isEqualTo(401);
        JsonNode lines =
                http().get("/api/v1/boundary/lines?division=500152", PLANNER).json();
        List<String> names = new ArrayList<>();
        lines.get("features").forEach(f -> names.add(f.at("/properties/name").asText()));
        assertThat(names).containsExactlyInAnyOrder("大足区—潼南区", "合川区—潼南区", "铜梁区—潼南区");
        for (JsonNode f : lines.get("features")) {
            assertThat(f.at("/properties/derived").asBoolean()).isTrue();
            assertThat(f.at("/properties/geometrySource").asText()).isEqualTo("derived:shared-edge:tianditu");
            assertThat(f.at("/geometry/coordinates/0/0").asDouble()).isBetween(105.4, 106.1); // lon first
        }
        Integer townshipLines = jdbc.queryForObject(
                "select count(*) from boundary.line where geom_source = 'derived:shared-edge:voronoi-of-seats'",
                Integer.class);
        assertThat(townshipLines).isGreaterThan(30);
        Integer countyLines = jdbc.queryForObject("select count(*) from boundary.line where level = 3", Integer.class);
        assertThat(countyLines).isEqualTo(83);
    }

    @Test
    void theSampleJunctionOfDazuTongliangTongnanJoinsItsThreeLinesAndHasASyntheticTriple() {
        JsonNode junctions = http().get("/api/v1/boundary/junctions?division=500111", PLANNER)
                .json();
        assertThat(junctions.get("features")).hasSize(1);
        JsonNode j = junctions.get("features").get(0);
        assertThat(j.at("/properties/name").asText()).isEqualTo("大足区—铜梁区—潼南区三交点");
        assertThat(j.at("/geometry/coordinates/0").asDouble()).isEqualTo(105.774048); // lon first
        assertThat(j.at("/geometry/coordinates/1").asDouble()).isEqualTo(29.814016);
        assertThat(j.at("/properties/derived").asBoolean()).isTrue();
        List<String> lineNames = new ArrayList<>();
        for (JsonNode id : j.at("/properties/lineIds")) {
            lineNames.add(http().get("/api/v1/boundary/lines/" + id.asLong(), PLANNER)
                    .json()
                    .at("/properties/name")
                    .asText());
        }
        assertThat(lineNames).containsExactlyInAnyOrder("大足区—铜梁区", "大足区—潼南区", "铜梁区—潼南区");
        List<String> triple = new ArrayList<>();
        j.at("/properties/markerNumbers").forEach(n -> triple.add(n.asText()));
        assertThat(triple).containsExactly("500111500151001C", "500111500151001D", "500111500151001E");
        // Each marker of the triple stands in a different unit: the one responsible for it.
        List<String> units = jdbc.queryForList(
                "select d.code from boundary.marker m join geo.division_version d on d.valid_to is null"
                        + " and d.level = 3 and st_contains(d.geom, m.geom) where m.junction_id = ? order by m.number",
                String.class,
                j.at("/properties/id").asLong());
        assertThat(units).containsExactly("500111000000", "500151000000", "500152000000");
    }

    @Test
    void measuresDescribesAndChecksALineWithItsSyntheticMarkers() {
        long tongliang = lineId("500151500152");
        JsonNode measure = http().get("/api/v1/boundary/lines/" + tongliang + "/measure", PLANNER)
                .json();
        assertThat(measure.at("/segments/0/epsgWithPrefix").asInt()).isEqualTo(4523);
        assertThat(measure.get("geodesicLength").asDouble()).isBetween(69_800.0, 69_900.0);
        JsonNode markers = http().get("/api/v1/boundary/lines/" + tongliang + "/markers", PLANNER)
                .json();
        assertThat(markers).hasSize(7);
        assertThat(markers.get(0).get("number").asText()).isEqualTo("500151500152001Q");
        assertThat(markers.get(2).get("number").asText()).isEqualTo("500151500152003A");
        JsonNode description = http().get("/api/v1/boundary/lines/" + tongliang + "/description", PLANNER)
                .json();
        assertThat(description.get("textZh").asText()).startsWith("自界线起点起").contains("500151500152003A/B号界桩");
        assertThat(http().get("/api/v1/boundary/lines/" + tongliang + "/checks", PLANNER)
                        .json())
                .isEmpty();

        // The synthetic re-survey of 500111500152004Q found it 3 m east of its record.
        long dazu = lineId("500111500152");
        JsonNode checks = http().get("/api/v1/boundary/lines/" + dazu + "/checks", PLANNER)
                .json();
        // Flagged twice: against the installation survey (σ 5 cm each) and against the recorded position.
        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).get("check").asText()).isEqualTo("displacement");
        assertThat(checks.get(0).get("subject").asText()).isEqualTo("500111500152004Q@2024-05-10");
        assertThat(checks.get(0).get("tolerance").asDouble()).isEqualTo(0.141);
        assertThat(checks.get(1).get("check").asText()).isEqualTo("displacement-from-record");
        assertThat(checks.get(1).get("subject").asText()).isEqualTo("500111500152004Q");
        assertThat(checks.get(1).get("measured").asDouble()).isBetween(2.9, 3.1);

        Http.Answer csv = http().get("/api/v1/boundary/lines/" + tongliang + "/markers.csv", PLANNER);
        assertThat(csv.body()).contains("500151500152004Q").contains(",4523,");
        Http.Answer pdf = http().get("/api/v1/boundary/lines/" + tongliang + "/markers.pdf", PLANNER);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void anRtkImportWithABadRowSavesNothingAndSaysWhichRow() {
        long hechuan = lineId("500117500152");
        JsonNode m = http().get("/api/v1/boundary/lines/" + hechuan + "/markers", PLANNER)
                .json()
                .get(0);
        String csv = "name,lon,lat,height,accuracy\n" + m.get("number").asText() + ","
                + m.get("lat").asText() + "," + m.get("lon").asText() + ",,0.02\n";
        String path = "/api/v1/boundary/lines/" + hechuan + "/surveys?epsg=4490&surveyedOn=2025-05-01&reason=RTK";
        assertThat(sendCsv(path, csv, PLANNER).status()).isEqualTo(403);
        Http.Answer bad = sendCsv(path, csv, INSPECTOR);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("rows/1");
        assertThat(bad.json().at("/errors/0/message").asText()).isEqualTo("lon 与 lat 两列疑似颠倒");
        assertThat(http().get("/api/v1/boundary/markers/" + m.get("id").asText() + "/surveys", PLANNER)
                        .json())
                .hasSize(1); // only the synthetic installation survey
    }

    @Test
    void aJointInspectionIsPlannedConductedBlockedByTheChecksAndSignedByBothSides() {
        long dazu = lineId("500111500152");
        String base = "/api/v1/boundary/lines/" + dazu + "/inspections";
        Http.Answer planned =
                http().send("POST", base, "{\"kind\":\"periodic\",\"year\":2025,\"reason\":\"计划\"}", INSPECTOR);
        assertThat(planned.status()).isEqualTo(201);
        long id = planned.json().get("id").asLong();
        assertThat(planned.json().get("leadCode").asText()).isEqualTo("500111000000");
        String insp = "/api/v1/boundary/inspections/" + id;
        String conduct = "{\"leadTeam\":\"大足组\",\"supportingTeam\":\"潼南组\",\"inspectedOn\":\"2025-04-02\","
                + "\"deskCheck\":\"资料齐全\",\"fieldCheck\":\"全线踏勘\",\"reason\":\"联检\"}";
        assertThat(http().send("PUT", insp + "/conduct", conduct, INSPECTOR).status())
                .isEqualTo(428);
        Http.Answer conducted = http().send(
                        "PUT",
                        insp + "/conduct",
                        conduct,
                        Http.basic("inspector", "mingjie", "If-Match", planned.header("ETag")));
        assertThat(conducted.status()).isEqualTo(200);

        Http.Answer blocked = http().send(
                        "POST",
                        insp + "/sign-off",
                        "{\"sideCode\":\"500111000000\",\"signatory\":\"张三\",\"reason\":\"签署\"}",
                        Http.basic("inspector", "mingjie", "If-Match", conducted.header("ETag")));
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.json().at("/errors/0/field").asText())
                .isEqualTo("checks/displacement:500111500152004Q@2024-05-10");
        assertThat(blocked.json().at("/errors/1/field").asText())
                .isEqualTo("checks/displacement-from-record:500111500152004Q");
        assertThat(blocked.json().at("/errors/1/message").asText()).contains("偏离登记位置");

        Http.Answer ack = http().send(
                        "POST",
                        insp + "/acknowledge",
                        "{\"keys\":[\"displacement:500111500152004Q@2024-05-10\","
                                + "\"displacement-from-record:500111500152004Q\"],\"reason\":\"双方确认，待复测\"}",
                        Http.basic("inspector", "mingjie", "If-Match", conducted.header("ETag")));
        assertThat(ack.status()).isEqualTo(200);
        Http.Answer one = http().send(
                        "POST",
                        insp + "/sign-off",
                        "{\"sideCode\":\"500111000000\",\"signatory\":\"张三\",\"reason\":\"签署\"}",
                        Http.basic("inspector", "mingjie", "If-Match", ack.header("ETag")));
        Http.Answer both = http().send(
                        "POST",
                        insp + "/sign-off",
                        "{\"sideCode\":\"500152000000\",\"signatory\":\"李四\",\"reason\":\"签署\"}",
                        Http.basic("inspector", "mingjie", "If-Match", one.header("ETag")));
        assertThat(both.json().get("status").asText()).isEqualTo("signed");
        Http.Answer report = http().get(insp + "/report.pdf", PLANNER);
        assertThat(report.body()).startsWith("%PDF-");
        assertThat(http().get(insp + "/audit", PLANNER).json()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aDisputeFreezesTheLineOverHttpAndEveryStepIsAudited() {
        long line = jdbc.queryForObject(
                "select id from boundary.line where geom_source = 'derived:shared-edge:voronoi-of-seats'"
                        + " order by code limit 1",
                Long.class);
        JsonNode feature = http().get("/api/v1/boundary/lines/" + line, PLANNER).json();
        String etag = http().get("/api/v1/boundary/lines/" + line, PLANNER).header("ETag");
        JsonNode parties = feature.at("/properties/parties");
        String dispute = "{\"lineId\":" + line + ",\"title\":\"山林权属争议\",\"parties\":" + parties
                + ",\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[105.9,30.1],[105.91,30.1],[105.91,30.11],"
                + "[105.9,30.1]]]},\"reason\":\"登记争议\"}";
        Http.Answer opened = http().send("POST", "/api/v1/boundary/disputes", dispute, INSPECTOR);
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().at("/geometry/type").asText()).isEqualTo("MultiPolygon");

        String move = "{\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[105.9,30.1],[105.91,30.11]]},"
                + "\"reason\":\"改线\"}";
        String path = "/api/v1/boundary/lines/" + line;
        assertThat(http().send("PATCH", path, move, INSPECTOR).status()).isEqualTo(428);
        assertThat(http().send("PATCH", path, move, Http.basic("inspector", "mingjie", "If-Match", etag))
                        .status())
                .isEqualTo(412); // opening the dispute changed the line's status
        String current = http().get(path, PLANNER).header("ETag");
        Http.Answer frozen = http().send("PATCH", path, move, Http.basic("inspector", "mingjie", "If-Match", current));
        assertThat(frozen.status()).isEqualTo(400);
        assertThat(frozen.json().at("/errors/0/message").asText()).contains("争议解决前不得改变现状");
        Http.Answer english = http().send(
                        "PATCH",
                        path,
                        move,
                        Http.basic("inspector", "mingjie", "If-Match", current, "Accept-Language", "en"));
        assertThat(english.json().at("/errors/0/message").asText()).contains("open dispute");

        String disputePath = "/api/v1/boundary/disputes/"
                + opened.json().at("/properties/id").asLong();
        Http.Answer closed = http().send(
                        "POST",
                        disputePath + "/advance",
                        "{\"status\":\"closed\",\"decisionRef\":\"协议〔2025〕1号\",\"reason\":\"协商一致\"}",
                        Http.basic("inspector", "mingjie", "If-Match", opened.header("ETag")));
        assertThat(closed.json().at("/properties/status").asText()).isEqualTo("closed");
        assertThat(http().get(path, PLANNER)
                        .json()
                        .at("/properties/legalStatus")
                        .asText())
                .isEqualTo("agreed");
    }

    @Test
    void markerPhotosAreCheckedByTheirBytes() throws Exception {
        long hechuan = lineId("500117500152");
        String marker = http().get("/api/v1/boundary/lines/" + hechuan + "/markers", PLANNER)
                .json()
                .get(0)
                .get("id")
                .asText();
        String photos = "/api/v1/boundary/markers/" + marker + "/photos";
        String withReason = photos + "?reason=" + enc("联检拍照");
        int before = http().get(photos, PLANNER).json().size();

        // A PNG declared as a JPEG is stored as what it is, and served back as exactly that type.
        byte[] png = TestImages.encoded("png");
        HttpResponse<byte[]> stored = upload(withReason + "&caption=" + enc("界桩正面"), "image/jpeg", png, "zh-CN");
        assertThat(stored.statusCode()).isEqualTo(201);
        JsonNode photo = new ObjectMapper().readTree(stored.body());
        assertThat(photo.get("contentType").asText()).isEqualTo("image/png");
        HttpResponse<byte[]> served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/boundary/photos/" + photo.get("id")))
                                .header(PLANNER[0], PLANNER[1])
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png"); // no charset on bytes
        assertThat(served.body()).isEqualTo(png);

        // A page declared as a PNG is refused, in the asker's language, and nothing is stored.
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> zh = upload(withReason, "image/png", page, "zh-CN");
        assertThat(zh.statusCode()).isEqualTo(400);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(zh.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("photo");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("照片不是 JPEG、PNG 或 WebP 图像（按文件内容判断）");
        JsonNode en = new ObjectMapper()
                .readTree(upload(withReason, "image/png", page, "en").body());
        assertThat(en.at("/errors/0/message").asText())
                .isEqualTo("The photo is not a JPEG, PNG or WebP image (judged by its content)");
        assertThat(http().get(photos, PLANNER).json()).hasSize(before + 1);
    }

    /** The field page sets aside what the server refuses and shows the problem's detail: it has to say why. */
    @Test
    void whatTheFieldPageSendsIsRefusedWithAReasonInTheAskersLanguage() throws Exception {
        long inspection = jdbc.queryForObject(
                "insert into boundary.inspection (line_id, kind, round_year, lead_code, supporting_code, status,"
                        + " inspected_on) values (?, 'ad-hoc', 2027, '500117000000', '500152000000', 'open',"
                        + " '2027-05-01') returning id",
                Long.class,
                lineId("500117500152"));
        Http.Answer gone = http().send(
                        "POST",
                        "/api/v1/boundary/inspections/" + inspection + "/marker-findings",
                        "{\"markerId\":999999999,\"condition\":\"完好\",\"clientId\":\"gone-1\",\"reason\":\"联检\"}",
                        INSPECTOR);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(gone.json().get("detail").asText()).isEqualTo("找不到界桩：999999999");

        // A phone's HEIC photo is refused by its declared type, before its bytes are read.
        String photos = "/api/v1/boundary/markers/"
                + jdbc.queryForObject("select id from boundary.marker where number = '500117500152005Q'", Long.class)
                + "/photos?reason=" + enc("联检拍照");
        byte[] heic = "....ftypheic".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> zh = upload(photos, "image/heic", heic, "zh-CN");
        assertThat(zh.statusCode()).isEqualTo(415);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(zh.body());
        assertThat(problem.get("detail").asText())
                .startsWith("不接收内容类型“image/heic”，应为以下之一：")
                .contains("image/jpeg");
        assertThat(problem.get("title").asText()).isEqualTo("内容类型不支持");
        JsonNode en = new ObjectMapper()
                .readTree(upload(photos, "image/heic", heic, "en").body());
        assertThat(en.get("detail").asText()).startsWith("Content type \"image/heic\" is not accepted; one of: ");
    }

    private HttpResponse<byte[]> upload(String path, String declaredType, byte[] bytes, String language)
            throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Content-Type", declaredType)
                                .header("Accept-Language", language)
                                .header(INSPECTOR[0], INSPECTOR[1])
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private long lineId(String code) {
        return jdbc.queryForObject("select id from boundary.line where code = ?", Long.class, code);
    }

    /** Http sends JSON; a CSV body needs its own request. */
    private Http.Answer sendCsv(String path, String csv, String[] auth) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "text/csv; charset=utf-8")
                    .header(auth[0], auth[1])
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            boolean json = r.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Http.Answer(
                    r.statusCode(), r.body(), r.headers(), json ? new ObjectMapper().readTree(r.body()) : null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
