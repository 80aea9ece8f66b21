package cn.mingjie.web.layers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tiles, OGC API – Features, the catalogue and the attack shapes, over real HTTP on the sample. */
@MingjieAppTest
class LayersApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http() {
        return new Http(port);
    }

    @Test
    void theCatalogueListsTheDivisionLayersWithLeafletStylesAndNoGeoServer() {
        JsonNode catalogue = http().get("/api/v1/layers").json();
        assertThat(catalogue.get("renderer").asText()).isEqualTo("built-in");
        assertThat(catalogue.get("layers"))
                .extracting(l -> l.get("id").asText())
                .containsExactly(
                        "district",
                        "township",
                        "province",
                        "boundary_line",
                        "place_settlement",
                        "place_street_building",
                        "place_landmark_nature",
                        "boundary_marker",
                        "place_sign",
                        "boundary_junction");
        JsonNode district = catalogue.get("layers").get(0);
        assertThat(district.get("titleZh").asText()).isEqualTo("区县");
        assertThat(district.at("/rules/0/style/color").asText()).isEqualTo("#24466b");
        assertThat(district.at("/rules/0/style/label/fontFamily").asText()).isEqualTo("Noto Sans CJK SC");
        assertThat(district.get("tiles").asText()).isEqualTo("/tiles/district/{z}/{x}/{y}.mvt");
        assertThat(district.get("wms").isNull()).isTrue();
        // Every SLD rule reaches the map: the markers' six conditions, each with its filter and scale range.
        JsonNode markers = catalogue.get("layers").get(7);
        assertThat(markers.get("id").asText()).isEqualTo("boundary_marker");
        assertThat(markers.get("rules")).hasSize(6);
        assertThat(markers.at("/rules/3/title").asText()).isEqualTo("损坏");
        assertThat(markers.at("/rules/3/filter/op").asText()).isEqualTo("=");
        assertThat(markers.at("/rules/3/filter/property").asText()).isEqualTo("condition");
        assertThat(markers.at("/rules/3/filter/value").asText()).isEqualTo("损坏");
        assertThat(markers.at("/rules/3/style/fillColor").asText()).isEqualTo("#e07b00");
        assertThat(markers.at("/rules/3/maxScaleDenominator").asDouble()).isEqualTo(272989.39);
        assertThat(catalogue.get("layers").get(4).get("delivery").asText()).isEqualTo("TILES");
        Http.Answer sld = http().get("/api/v1/layers/district/style.sld");
        assertThat(sld.header("Content-Type")).startsWith("application/vnd.ogc.sld+xml");
        assertThat(sld.body()).contains("<StyledLayerDescriptor");
    }

    @Test
    void servesVectorTilesWithETagsThatChangeWhenTheDataDoes() throws Exception {
        // z8 tile over 潼南区 (105.8E 30.2N).
        String path = "/tiles/district/8/203/105.mvt";
        HttpResponse<byte[]> tile = bytes(path, null);
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.mapbox-vector-tile");
        assertThat(tile.headers().firstValue("Cache-Control").orElse("")).contains("max-age=60");
        assertThat(new String(tile.body(), StandardCharsets.UTF_8)).contains("潼南区");
        String etag = tile.headers().firstValue("ETag").orElseThrow();

        assertThat(bytes(path, etag).statusCode()).isEqualTo(304);
        assertThat(bytes(path, "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        // Any write to the divisions moves the data version (a statement-level trigger), even one that changes no row.
        jdbc.update("update geo.division_version set row_version = row_version where false");
        HttpResponse<byte[]> after = bytes(path, etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

        assertThat(bytes("/tiles/district/8/10/10.mvt", null).body()).isEmpty();
        assertProblem(http().get("/tiles/district/23/0/0.mvt"), 400, "z");
        assertProblem(http().get("/tiles/district/8/256/0.mvt"), 400, "x");
        assertProblem(http().get("/tiles/district/8/0/99999999999.mvt"), 400, "y");
        assertThat(http().get("/tiles/nosuchlayer/8/0/0.mvt").status()).isEqualTo(404);
    }

    @Test
    void ogcApiFeaturesPagesWithNextLinksAndFilters() {
        assertThat(http().get("/ogc").json().get("links")).isNotEmpty();
        assertThat(http().get("/ogc/conformance").json().get("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core")
                .contains("cql2-text");
        assertThat(http().get("/ogc/collections").json().get("collections")).hasSize(10);
        assertThat(http().get("/ogc/collections/township")
                        .json()
                        .get("description")
                        .asText())
                .contains("派生示意");

        JsonNode first = http().get("/ogc/collections/district/items?limit=10").json();
        assertThat(first.get("numberReturned").asInt()).isEqualTo(10);
        String next = link(first, "next");
        assertThat(next).contains("offset=10");
        JsonNode second = http().get(next.substring(next.indexOf("/ogc"))).json();
        assertThat(second.get("features").get(0).get("id").asText())
                .isGreaterThan(first.get("features").get(9).get("id").asText());
        JsonNode last =
                http().get("/ogc/collections/district/items?limit=10&offset=30").json();
        assertThat(last.get("numberReturned").asInt()).isEqualTo(8);
        assertThat(link(last, "next")).isNull();

        JsonNode tongnan = http().get("/ogc/collections/district/items?filter=" + enc("name = '潼南区'"))
                .json();
        assertThat(tongnan.get("features")).hasSize(1);
        assertThat(tongnan.at("/features/0/properties/code").asText()).isEqualTo("500152000000");
        JsonNode inBox = http().get("/ogc/collections/district/items?bbox=105.7,30.1,105.8,30.2&filter="
                        + enc("name LIKE '潼%' OR name IN ('渝北区', '城口县')"))
                .json();
        assertThat(inBox.get("features")).hasSize(1);
        JsonNode one =
                http().get("/ogc/collections/district/items/500152000000").json();
        assertThat(one.at("/properties/name").asText()).isEqualTo("潼南区");
    }

    @Test
    void attackShapesGetA400ProblemAndQuotedValuesAreJustValues() {
        String items = "/ogc/collections/district/items?filter=";
        assertProblem(http().get(items + enc("exec(java.lang.Runtime.getRuntime(),'id') = 1")), 400, "filter");
        assertProblem(http().get(items + enc("\"exec(java.lang.Runtime.getRuntime(),'id')\" = 1")), 400, "filter");
        Http.Answer cve25157 = http().get(items + enc("strStartsWith(name,'x'') = true OR 1=1 --') = true"));
        assertProblem(cve25157, 400, "filter");
        Http.Answer function = http().get(items + enc("strStartsWith(name,'潼') = true"));
        assertThat(function.json().get("detail").asText()).contains("strStartsWith");
        Http.Answer unknown = http().get(items + enc("password = 'x'"));
        assertProblem(unknown, 400, "filter");
        assertThat(unknown.json().get("detail").asText()).contains("password").contains("name");
        assertProblem(http().get(items + enc("level BETWEEN 1 AND 3")), 400, "filter");

        // Quotes and comment markers in a value are a value: no match, no error, the table intact.
        Http.Answer quoted = http().get(items + enc("name = '潼南区'' OR ''1''=''1'' --'"));
        assertThat(quoted.status()).isEqualTo(200);
        assertThat(quoted.json().get("features")).isEmpty();
        assertThat(http().get(items + enc("name = '/* */; drop table geo.division_version; --'"))
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from geo.division_version where level = 3 and valid_to is null",
                        Integer.class))
                .isEqualTo(38);

        assertProblem(http().get("/ogc/collections/district/items?callback=alert"), 400, "callback");
        assertProblem(http().get("/api/v1/layers?jsonp=x"), 400, "jsonp");
        assertProblem(http().get("/tiles/district/8/203/105.mvt?SLD=http://evil.example/x.sld"), 400, "SLD");
        assertProblem(http().get("/ogc/collections/district/items?sld_body=" + enc("<x/>")), 400, "sld_body");
        assertProblem(http().get("/ogc/collections/district/items?bbox=-180,-90,180,90"), 400, "bbox");
        assertProblem(http().get("/api/v1/layers/district/features?bbox=0,0,1"), 400, "bbox");
        assertProblem(http().get("/ogc/collections/district/items?sortby=name"), 400, "sortby");
        assertProblem(http().get("/ogc/collections/district/items?filter-lang=cql2-json&filter=x"), 400, "filter-lang");
    }

    @Test
    void uploadedSldIsCheckedForEntitiesRemoteReferencesAndTheSchema() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"><NamedLayer><Name>&e;</Name>"
                + "</NamedLayer></StyledLayerDescriptor>";
        Http.Answer refused = sld(xxe, "admin");
        assertProblem(refused, 400, "sld");
        assertThat(refused.json().get("detail").asText()).contains("DOCTYPE").doesNotContain("root:");

        String valid = http().get("/api/v1/layers/township/style.sld").body();
        Http.Answer ok = sld(valid, "admin");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().at("/0/style/dashArray").asText()).isEqualTo("4 3");

        String remote = valid.replace(
                "<PolygonSymbolizer>",
                "<PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                        + " xlink:type=\"simple\" xlink:href=\"http://169.254.169.254/latest\"/><Format>image/png</Format>"
                        + "</ExternalGraphic></Graphic></PointSymbolizer><PolygonSymbolizer>");
        Http.Answer ssrf = sld(remote, "admin");
        assertProblem(ssrf, 400, "sld");
        assertThat(ssrf.json().get("detail").asText()).contains("169.254.169.254");

        assertProblem(sld(valid.replace("<Rule>", "<Rule><Colour/>"), "admin"), 400, "sld");
        assertThat(sld(valid, "planner").status()).isEqualTo(403);
    }

    @Test
    void publishingNeedsAnAdminAndAConfiguredGeoServer() {
        assertThat(http().send("POST", "/api/v1/layers/geoserver/publication", null, Http.basic("planner", "mingjie"))
                        .status())
                .isEqualTo(403);
        Http.Answer none =
                http().send("POST", "/api/v1/layers/geoserver/publication", null, Http.basic("admin", "mingjie"));
        assertProblem(none, 400, "mingjie.geoserver.url");
    }

    private Http.Answer sld(String body, String user) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/api/v1/layers/styles/validation"))
                                    .header("Content-Type", "application/vnd.ogc.sld+xml")
                                    .header("Authorization", Http.basic(user, "mingjie")[1])
                                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode node = r.headers().firstValue("Content-Type").orElse("").contains("json")
                    ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())
                    : null;
            return new Http.Answer(r.statusCode(), r.body(), r.headers(), node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> bytes(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertProblem(Http.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(answer.json().get("detail").asText()).isNotBlank();
    }

    private static String link(JsonNode collection, String rel) {
        for (JsonNode l : collection.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                return l.get("href").asText();
            }
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
