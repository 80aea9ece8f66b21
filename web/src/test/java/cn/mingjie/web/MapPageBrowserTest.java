package cn.mingjie.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The map page in a real headless Chromium against the booted app on the sample data. */
@MingjieAppTest
class MapPageBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private void open() {
        browser.driver().get("http://127.0.0.1:" + port + "/");
        browser.script("localStorage.setItem('mingjie.lang', 'zh')");
        browser.driver().navigate().refresh();
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.mapReady")));
    }

    @Test
    void showsTheCatalogueLayersWithSwitcherLegendAndARealClickPopup() throws Exception {
        open();
        assertThat(browser.driver().getTitle()).contains("名界");
        assertThat(browser.driver().findElement(By.id("notice")).getText()).contains("派生示意");
        long districts = (Long) browser.script("return Object.keys(window.mingjieMap.layers.district._layers).length");
        assertThat(districts).isEqualTo(38);

        List<WebElement> overlays =
                browser.driver().findElements(By.cssSelector(".leaflet-control-layers-overlays label"));
        assertThat(overlays)
                .extracting(WebElement::getText)
                .containsExactly(
                        "区县",
                        "乡镇（街道，派生示意）",
                        "省级界线",
                        "行政区域界线",
                        "居民点地名",
                        "道路街巷与建筑物地名",
                        "纪念地与自然地理实体地名",
                        "界桩（按状况）",
                        "地名标志",
                        "三交点");
        // One legend entry per SLD rule of each layer on the map: 2 line rules, 6 marker conditions, 1 junction.
        assertThat(browser.driver().findElements(By.cssSelector(".mj-legend .row")))
                .hasSize(1 + 1 + 1 + 2 + 1 + 1 + 1 + 6 + 1 + 1);
        assertThat(browser.driver().findElements(By.cssSelector(".mj-legend .row[data-layer=boundary_marker]")))
                .extracting(WebElement::getText)
                .containsExactly("完好", "新设", "重建", "损坏", "移位", "丢失");

        // Switching the township layer off and on again.
        WebElement townshipToggle = overlays.get(1).findElement(By.tagName("input"));
        long before = countPaths();
        townshipToggle.click();
        long hidden = countPaths();
        townshipToggle.click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> countPaths() == before);
        assertThat(hidden).isLessThan(before);
        assertThat(browser.driver().findElements(By.cssSelector(".mj-legend .row[data-layer=township]")))
                .hasSize(1);
        browser.screenshot("map-overview");

        // Townships off, zoom to 潼南区 and click the middle of the map with the real mouse.
        townshipToggle.click();
        browser.script("const m = window.mingjieMap;"
                + "const l = Object.values(m.layers.district._layers).find(x => x.feature.properties.code === '500152000000');"
                + "m.map.fitBounds(l.getBounds(), {animate: false});");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> "true".equals(browser.script("return document.body.dataset.mapReady")));
        Thread.sleep(500); // the bbox reload after the move
        WebElement mapElement = browser.driver().findElement(By.id("map"));
        new Actions(browser.driver()).moveToElement(mapElement, 0, 0).click().perform();
        WebElement popup = popupShowing("潼南区");
        assertThat(popup.getText()).contains("500152000000").contains("tianditu");
        assertThat(popup.findElement(By.cssSelector("a.record")).getAttribute("href"))
                .endsWith("/api/v1/divisions/500152000000");
        assertThat(browser.driver().findElement(By.id("coords")).getText())
                .matches("CGCS2000\\s+经度 10\\d\\.\\d{6}°\\s+纬度 \\d\\d\\.\\d{6}°");
        Path shot = browser.screenshot("map-tongnan-popup");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void aDerivedTownshipPopupSaysItIsNotALegalBoundary() {
        open();
        browser.script("const m = window.mingjieMap;"
                + "const l = Object.values(m.layers.township._layers)[0];"
                + "m.map.fitBounds(l.getBounds());"
                + "l.fire('click', {latlng: l.getBounds().getCenter()});");
        WebElement popup = popupShowing("派生示意");
        assertThat(popup.findElement(By.cssSelector(".derived")).getText()).isEqualTo("派生示意边界，非法定界线");
        browser.screenshot("map-derived-township-popup");
    }

    @Test
    void searchingANameZoomsToItAndShowsItsPopup() {
        open();
        WebElement search = browser.driver().findElement(By.id("search"));
        search.sendKeys("城口");
        WebElement hit = browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#search-results li")).stream()
                        .filter(li -> li.getText().startsWith("城口县"))
                        .findFirst()
                        .orElse(null));
        assertThat(hit.getText()).contains("500229000000");
        hit.click();
        WebElement popup = popupShowing("城口县");
        assertThat(popup.getText()).contains("500229000000");
        @SuppressWarnings("unchecked")
        Map<String, Object> center = (Map<String, Object>)
                browser.script("const c = window.mingjieMap.map.getCenter(); return {lat: c.lat, lng: c.lng};");
        assertThat(((Number) center.get("lng")).doubleValue()).isBetween(108.2, 109.2); // 城口县, north-east Chongqing
        assertThat(((Number) center.get("lat")).doubleValue()).isBetween(31.5, 32.3);
        browser.screenshot("map-search-chengkou");
    }

    @Test
    void switchesToEnglish() {
        open();
        browser.driver().findElement(By.id("lang")).click();
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.mapReady"))
                        && "en".equals(browser.script("return document.documentElement.lang")));
        List<WebElement> overlays =
                browser.driver().findElements(By.cssSelector(".leaflet-control-layers-overlays label"));
        assertThat(overlays)
                .extracting(WebElement::getText)
                .containsExactly(
                        "Districts and counties",
                        "Townships (derived sample)",
                        "Province outline",
                        "Boundary lines",
                        "Settlement names",
                        "Street and building names",
                        "Landmark and natural feature names",
                        "Boundary markers by condition",
                        "Place-name signs",
                        "Junctions of three units");
        browser.screenshot("map-english");
        browser.script("localStorage.setItem('mingjie.lang', 'zh')");
    }

    @Test
    void placeNamesAreDrawnFromVectorTilesAndAClickOnANameOpensItsPopupWithTheRecordLink() {
        JsonNode place = new Http(port)
                .get("/ogc/collections/place_settlement/items?limit=1")
                .json()
                .at("/features/0");
        String name = place.at("/properties/name").asText();
        String placeId = place.at("/properties/place_id").asText();
        double lon = place.at("/geometry/coordinates/0").asDouble();
        double lat = place.at("/geometry/coordinates/1").asDouble();
        open();
        browser.script("window.mingjieMap.map.setView([arguments[0], arguments[1]], 15, {animate: false})", lat, lon);
        @SuppressWarnings("unchecked")
        Map<String, Object> label = (Map<String, Object>) browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> browser.script(
                        "const l = window.mingjieMap.layers.place_settlement.drawnLabels()"
                                + ".find(x => x.props.name === arguments[0]);"
                                + "return l ? {x: l.x, y: l.y} : null;",
                        name));
        // Drawn on a canvas from the layer's MVT tiles, not as SVG or DOM markers.
        assertThat((Boolean) browser.script("return performance.getEntriesByType('resource')"
                        + ".some(e => /\\/tiles\\/place_settlement\\/15\\/\\d+\\/\\d+\\.mvt$/.test(e.name))"))
                .isTrue();
        assertThat(browser.driver().findElements(By.cssSelector(".leaflet-vectorTiles-pane canvas")))
                .isNotEmpty();
        browser.screenshot("map-place-names-from-tiles");

        // A real mouse click on the drawn name (Selenium's offsets count from the element's centre).
        WebElement mapElement = browser.driver().findElement(By.id("map"));
        new Actions(browser.driver())
                .moveToElement(
                        mapElement,
                        (int) Math.round(((Number) label.get("x")).doubleValue() - mapElement.getSize().width / 2.0),
                        (int) Math.round(((Number) label.get("y")).doubleValue() - mapElement.getSize().height / 2.0))
                .click()
                .perform();
        WebElement popup = popupShowing(name);
        assertThat(popup.getText()).contains("标准名称").contains("类别").contains(placeId);
        assertThat(popup.findElement(By.cssSelector("a.record")).getAttribute("href"))
                .endsWith("/api/v1/places/" + placeId);
        browser.screenshot("map-place-name-popup");
    }

    @Test
    void boundaryMarkersAreColouredByTheirConditionFromEverySldRule() {
        Http inspector = new Http(port);
        JsonNode markers = inspector
                .get("/ogc/collections/boundary_marker/items?limit=100")
                .json()
                .get("features");
        // Two neighbouring markers get new conditions, so that three conditions are in one view.
        JsonNode first = markers.get(0);
        JsonNode second = null;
        double nearest = Double.MAX_VALUE;
        for (JsonNode m : markers) {
            double d = Math.hypot(
                    m.at("/geometry/coordinates/0").asDouble()
                            - first.at("/geometry/coordinates/0").asDouble(),
                    m.at("/geometry/coordinates/1").asDouble()
                            - first.at("/geometry/coordinates/1").asDouble());
            if (m != first && d < nearest) {
                nearest = d;
                second = m;
            }
        }
        Map<JsonNode, String> conditions = Map.of(first, "损坏", second, "丢失");
        for (Map.Entry<JsonNode, String> e : conditions.entrySet()) {
            String id = e.getKey().at("/properties/id").asText();
            Http.Answer current =
                    inspector.send("GET", "/api/v1/boundary/markers/" + id, null, Http.basic("inspector", "mingjie"));
            Http.Answer recorded = inspector.send(
                    "POST",
                    "/api/v1/boundary/markers/" + id + "/condition",
                    "{\"condition\":\"" + e.getValue() + "\",\"observedOn\":\"2026-11-20\","
                            + "\"note\":\"地图测试\",\"reason\":\"巡查记录（地图图例测试）\"}",
                    Http.basic("inspector", "mingjie", "If-Match", current.header("ETag")));
            assertThat(recorded.status()).isEqualTo(200);
        }
        open();
        browser.script(
                "window.mingjieMap.map.fitBounds([[arguments[0], arguments[1]], [arguments[2], arguments[3]]],"
                        + " {maxZoom: 15, padding: [200, 200], animate: false})",
                first.at("/geometry/coordinates/1").asDouble(),
                first.at("/geometry/coordinates/0").asDouble(),
                second.at("/geometry/coordinates/1").asDouble(),
                second.at("/geometry/coordinates/0").asDouble());
        @SuppressWarnings("unchecked")
        Map<String, Object> colours = (Map<String, Object>) browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> browser.script("const seen = {};"
                        + "window.mingjieMap.layers.boundary_marker.eachLayer(l =>"
                        + "  seen[l.feature.properties.condition] = l.options.fillColor);"
                        + "return Object.keys(seen).length >= 3 ? seen : null;"));
        // The colours of the SLD's rules (boundary_marker.sld), one per condition.
        assertThat(colours)
                .containsEntry("新设", "#1f6fd1")
                .containsEntry("损坏", "#e07b00")
                .containsEntry("丢失", "#6b0f1a");
        browser.screenshot("map-markers-by-condition");
    }

    /** The open popup once it shows {@code text} (Leaflet fades popups in; hidden text reads as ""). */
    private WebElement popupShowing(String text) {
        return browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup")).stream()
                        .filter(p -> p.getText().contains(text))
                        .findFirst()
                        .orElse(null));
    }

    private long countPaths() {
        return (Long) browser.script("return document.querySelectorAll('.leaflet-overlay-pane path').length");
    }
}
