package cn.mingjie.web.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Over real HTTP on the sample: registering and linking a 三交点 (with problem+json for a point that is not
 * where its lines end), the 界桩登记表 PDF, and the re-survey step from an inspection finding to an approved
 * move.
 */
@MingjieAppTest
class BoundaryJunctionResurveyApiTest {

    static final String[] PLANNER = Http.basic("planner", "mingjie");
    static final String[] INSPECTOR = Http.basic("inspector", "mingjie");
    static final String HECHUAN = "500117000000";
    static final String TONGLIANG = "500151000000";
    static final String TONGNAN = "500152000000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http() {
        return new Http(port);
    }

    @Test
    void registersTheHechuanTongliangTongnanJunctionAndLinksItsThirdLine() {
        long tongliangTongnan = lineId("500151500152");
        long hechuanTongnan = lineId("500117500152");
        long hechuanTongliang = lineId("500117500151");
        // The three polygons' shared vertex, where the three derived lines end.
        String body = "{\"code\":\"J500117500151500152\",\"name\":\"合川区—铜梁区—潼南区三交点\",\"level\":3,"
                + "\"parties\":[\"" + HECHUAN + "\",\"" + TONGLIANG + "\",\"" + TONGNAN + "\"],"
                + "\"position\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
                + "\"lineIds\":[" + tongliangTongnan + "," + hechuanTongnan + "],\"reason\":\"登记三交点\"}";
        String right = body.formatted("105.977924", "30.063738");
        String hundredMetresNorth = body.formatted("105.977924", "30.064638");

        assertThat(http().send("POST", "/api/v1/boundary/junctions", right, PLANNER)
                        .status())
                .isEqualTo(403);
        Http.Answer bad = http().send("POST", "/api/v1/boundary/junctions", hundredMetresNorth, INSPECTOR);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("lineIds/0");
        assertThat(bad.json().at("/errors/0/message").asText()).contains("500151500152", "端点距三交点", "超过 1 米");
        assertThat(bad.json().at("/errors/1/field").asText()).isEqualTo("lineIds/1");
        assertThat(http().get("/api/v1/boundary/junctions?division=500117", PLANNER)
                        .json()
                        .get("features"))
                .isEmpty();
        Http.Answer noSuchLine = http().send(
                        "POST", "/api/v1/boundary/junctions", right.replace("" + hechuanTongnan, "999999"), INSPECTOR);
        assertThat(noSuchLine.status()).isEqualTo(400);
        assertThat(noSuchLine.json().at("/errors/0/field").asText()).isEqualTo("lineIds/1");

        Http.Answer created = http().send("POST", "/api/v1/boundary/junctions", right, INSPECTOR);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().at("/properties/id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/boundary/junctions/" + id);
        assertThat(created.json().at("/geometry/coordinates/0").asDouble()).isEqualTo(105.977924); // lon first

        String link = "{\"lineId\":" + hechuanTongliang + ",\"reason\":\"第三条界线协议登记\"}";
        String path = "/api/v1/boundary/junctions/" + id + "/lines";
        assertThat(http().send("POST", path, link, INSPECTOR).status()).isEqualTo(428);
        Http.Answer linked =
                http().send("POST", path, link, Http.basic("inspector", "mingjie", "If-Match", created.header("ETag")));
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.json().at("/properties/lineIds")).hasSize(3);
        assertThat(http().send(
                                "POST",
                                path,
                                link,
                                Http.basic("inspector", "mingjie", "If-Match", created.header("ETag")))
                        .status())
                .isEqualTo(412);
        // 500151500152001Q is a single marker, not a same-number triple (C/D/E).
        String triple = "{\"lineId\":" + tongliangTongnan + ",\"sequence\":1,\"reason\":\"登记同号三立\"}";
        String triplePath = "/api/v1/boundary/junctions/" + id + "/triple";
        assertThat(http().send("POST", triplePath, triple, INSPECTOR).status()).isEqualTo(428);
        Http.Answer notATriple = http().send(
                        "POST",
                        triplePath,
                        triple,
                        Http.basic("inspector", "mingjie", "If-Match", linked.header("ETag")));
        assertThat(notATriple.status()).isEqualTo(400);
        assertThat(notATriple.json().at("/errors/0/field").asText()).isEqualTo("sequence");
        assertThat(notATriple.json().at("/errors/0/message").asText()).contains("同号三立", "Q");
        List<String> actions = new ArrayList<>();
        http().get("/api/v1/boundary/junctions/" + id + "/audit", PLANNER)
                .json()
                .forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("create", "link-line");

        // The map layer serves it, with its SLD.
        JsonNode feature = http().get("/ogc/collections/boundary_junction/items/" + id, PLANNER)
                .json();
        assertThat(feature.at("/properties/name").asText()).isEqualTo("合川区—铜梁区—潼南区三交点");
        assertThat(feature.at("/properties/line_count").asInt()).isEqualTo(3);
        assertThat(http().get("/api/v1/layers/boundary_junction/style.sld", PLANNER)
                        .body())
                .contains("<WellKnownName>triangle</WellKnownName>");
    }

    @Test
    void printsTheRegistrationFormsOfALineAndOfOneMarker() {
        long line = lineId("500151500152");
        Http.Answer forms = http().get("/api/v1/boundary/lines/" + line + "/marker-forms.pdf", PLANNER);
        assertThat(forms.status()).isEqualTo(200);
        assertThat(forms.header("Content-Type")).startsWith("application/pdf");
        assertThat(forms.body()).startsWith("%PDF-");
        long marker =
                jdbc.queryForObject("select id from boundary.marker where number = '500151500152001Q'", Long.class);
        Http.Answer one = http().get("/api/v1/boundary/markers/" + marker + "/form.pdf", PLANNER);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).startsWith("%PDF-");
        assertThat(http().get("/api/v1/boundary/markers/999999/form.pdf", PLANNER)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aReMeasuredMarkerBeyondToleranceIsMovedOnlyByTheApprovedJointApplication() {
        long line = lineId("500117500152");
        Map<String, Object> marker = jdbc.queryForMap(
                "select id, st_x(geom) lon, st_y(geom) lat from boundary.marker where number = '500117500152006Q'");
        long markerId = ((Number) marker.get("id")).longValue();
        double lon = (Double) marker.get("lon");
        double lat = (Double) marker.get("lat");
        Http.Answer planned = http().send(
                        "POST",
                        "/api/v1/boundary/lines/" + line + "/inspections",
                        "{\"kind\":\"ad-hoc\",\"year\":2026,\"leadCode\":\"" + HECHUAN + "\",\"reason\":\"汛后临时联检\"}",
                        INSPECTOR);
        String insp = "/api/v1/boundary/inspections/" + planned.json().get("id").asLong();
        http().send(
                        "PUT",
                        insp + "/conduct",
                        "{\"leadTeam\":\"合川组\",\"supportingTeam\":\"潼南组\",\"inspectedOn\":\"2026-07-01\",\"reason\":\"联检\"}",
                        Http.basic("inspector", "mingjie", "If-Match", planned.header("ETag")));
        // RTK (σ 0.03 m) finds the marker ≈ 3 m east of its record: beyond 2·√(1² + 0.03²) ≈ 2.0 m.
        double movedLon = lon + 0.00003;
        Http.Answer finding = http().send(
                        "POST",
                        insp + "/marker-findings",
                        "{\"markerId\":" + markerId + ",\"condition\":\"移位\",\"lon\":" + movedLon + ",\"lat\":" + lat
                                + ",\"accuracy\":0.03,\"note\":\"施工推移\",\"reason\":\"复测\"}",
                        INSPECTOR);
        long findingId = finding.json().get("id").asLong();
        http().send(
                        "POST",
                        insp + "/other-findings",
                        "{\"kind\":\"跨界建设\",\"description\":\"新修机耕道跨越界线, 约 40 米\",\"lon\":" + lon + ",\"lat\":" + lat
                                + ",\"reason\":\"复测\"}",
                        INSPECTOR);
        JsonNode features = http().get(insp + "/findings", PLANNER).json().get("features");
        assertThat(features).hasSize(2);
        assertThat(features.get(0).at("/properties/markerNumber").asText()).isEqualTo("500117500152006Q");
        assertThat(features.get(0).at("/geometry/coordinates/0").asDouble())
                .isCloseTo(movedLon, within(1e-7)); // lon first; GeoJSON keeps 7 decimals (1 cm)
        assertThat(features.get(1).at("/properties/kind").asText()).isEqualTo("跨界建设");
        Http.Answer csv = http().get(insp + "/findings.csv", PLANNER);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body())
                .contains(findingId + ",marker,500117500152006Q,移位," + movedLon)
                .contains("\"新修机耕道跨越界线, 约 40 米\"");
        JsonNode resurvey = http().get(insp + "/resurveys", PLANNER).json().get(0);
        assertThat(resurvey.get("findingId").asLong()).isEqualTo(findingId);
        assertThat(resurvey.get("exceedsTolerance").asBoolean()).isTrue();
        assertThat(resurvey.get("displacement").asDouble()).isBetween(2.5, 3.2);

        String apply = "/api/v1/boundary/marker-findings/" + findingId + "/move-application";
        Http.Answer oneSide = http().send(
                        "POST",
                        apply,
                        "{\"applicants\":[{\"divisionCode\":\"" + HECHUAN
                                + "\",\"signatory\":\"王五\"}],\"reason\":\"复测超限\"}",
                        INSPECTOR);
        assertThat(oneSide.status()).isEqualTo(400);
        assertThat(oneSide.json().at("/errors/0/field").asText()).isEqualTo("applicants");
        String both = "{\"applicants\":[{\"divisionCode\":\"" + HECHUAN + "\",\"signatory\":\"王五\"},"
                + "{\"divisionCode\":\"" + TONGNAN + "\",\"signatory\":\"赵六\"}],\"reason\":\"复测超限，按复测坐标移位\"}";
        assertThat(http().send("POST", apply, both, PLANNER).status()).isEqualTo(403);
        Http.Answer applied = http().send("POST", apply, both, INSPECTOR);
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.json().get("kind").asText()).isEqualTo("move");
        assertThat(applied.json().get("findingId").asLong()).isEqualTo(findingId);
        assertThat(applied.json().at("/proposed/lon").asDouble()).isEqualTo(movedLon);
        assertThat(http().send("POST", apply, both, INSPECTOR)
                        .json()
                        .at("/errors/0/message")
                        .asText())
                .contains("已有移位申请");

        // Pending: the recorded position has not moved.
        String markerPath = "/api/v1/boundary/markers/" + markerId;
        assertThat(http().get(markerPath, PLANNER).json().get("lon").asDouble()).isEqualTo(lon);

        Http.Answer approved = http().send(
                        "POST",
                        "/api/v1/boundary/marker-changes/"
                                + applied.json().get("id").asLong() + "/approve",
                        "{\"decisionRef\":\"渝民界〔2026〕3号\",\"reason\":\"批准复测移位\"}",
                        Http.basic("inspector", "mingjie", "If-Match", applied.header("ETag")));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("lon").asDouble()).isEqualTo(movedLon);
        assertThat(http().get(markerPath, PLANNER).json().get("lat").asDouble()).isEqualTo(lat);
        assertThat(http().get(insp + "/resurveys", PLANNER)
                        .json()
                        .get(0)
                        .get("changeStatus")
                        .asText())
                .isEqualTo("approved");
    }

    private long lineId(String code) {
        return jdbc.queryForObject("select id from boundary.line where code = ?", Long.class, code);
    }
}
