package cn.mingjie.web.facility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.web.Browser;
import cn.mingjie.web.MingjieAppTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The planners' facility page in headless Chromium on the synthetic sample. */
@MingjieAppTest
class FacilitiesPageBrowserTest {

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
        browser.driver().get("http://127.0.0.1:" + port + "/facilities.html");
        browser.waitUpTo(Duration.ofSeconds(60))
                .until(d -> "true".equals(browser.script("return document.body.dataset.ready")));
    }

    @Test
    void showsIndicatorsWithTargetsFacilitiesByTypeAndTheCoverageChoropleth() throws Exception {
        open();
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#indicators tbody tr"));
        assertThat(rows).hasSize(8);
        WebElement coverage =
                browser.driver().findElement(By.cssSelector("#indicators tr[data-key='fifteen-minute-coverage']"));
        assertThat(coverage.getText()).contains("一刻钟").contains("估算").contains("100%");
        assertThat(browser.driver().findElement(By.id("notices")).getText())
                .contains("合成样例")
                .contains("估算");
        long townPolygons = (Long) browser.script("return window.mingjieFacilities.towns.getLayers().length");
        assertThat(townPolygons).isGreaterThan(10);
        List<WebElement> overlays =
                browser.driver().findElements(By.cssSelector(".leaflet-control-layers-overlays label"));
        assertThat(overlays).extracting(WebElement::getText).anyMatch(t -> t.contains("社区养老服务站"));
        assertThat(browser.driver().findElements(By.cssSelector(".fac-icon"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.id("pdf")).getAttribute("href"))
                .endsWith("/report.pdf");
        assertThat(Files.size(browser.screenshot("facilities-tongnan-indicators")))
                .isGreaterThan(10_000);
    }

    @Test
    void aClickGivesTheNearestStationsWithALabelledStraightLineRoute() {
        open();
        browser.script("const m = window.mingjieFacilities;"
                + "m.map.setView([30.19, 105.84], 13);"
                + "m.map.fire('click', {latlng: L.latLng(30.19, 105.84)});");
        browser.waitUpTo(Duration.ofSeconds(20))
                .until(d -> "3".equals(browser.script("return document.body.dataset.nearest")));
        List<WebElement> items = browser.driver().findElements(By.cssSelector("#nearestList li"));
        assertThat(items).hasSize(3);
        assertThat(items.get(0).getText()).contains("分钟").contains("估算");
        long dashed = (Long) browser.script(
                "return window.mingjieFacilities.routes.getLayers()" + ".filter(l => l.options.dashArray).length");
        assertThat(dashed).isEqualTo(3);
        browser.screenshot("facilities-nearest-fallback-route");
    }

    @Test
    void aSearchedPlaceNameGivesTheNearestStationsFromThatPlace() {
        open();
        WebElement query = browser.driver().findElement(By.id("placeQuery"));
        query.sendKeys("双江镇");
        browser.driver().findElement(By.cssSelector("#placeSearch button")).click();
        browser.waitUpTo(Duration.ofSeconds(20))
                .until(d -> "3".equals(browser.script("return document.body.dataset.nearest")));
        assertThat(browser.driver().findElement(By.id("placeFound")).getText()).isEqualTo("双江镇");
        assertThat(browser.driver().findElements(By.cssSelector("#nearestList li")))
                .hasSize(3);
        // The map moved to the place (双江镇, 潼南区: about 105.8°E, 30.1°N).
        double lon = ((Number) browser.script("return window.mingjieFacilities.map.getCenter().lng")).doubleValue();
        assertThat(lon).isBetween(105.6, 106.0);
        browser.screenshot("facilities-nearest-from-searched-place");
    }

    @Test
    void aFacilityClickShowsItsServiceAreasAndSiteSuggestionsAppear() {
        open();
        browser.script("const m = window.mingjieFacilities;"
                + "const layer = m.typeLayers['STREET_CENTRE'].getLayers()[0];"
                + "m.map.setView(layer.getLatLng(), 14, {animate: false});"
                + "layer.fire('click');");
        browser.waitUpTo(Duration.ofSeconds(20))
                .until(d -> (Long) browser.script("return window.mingjieFacilities.areas.getLayers().length") == 3);
        browser.script("const m = window.mingjieFacilities; m.map.closePopup();"
                + "m.map.fitBounds(m.areas.getBounds(), {animate: false});");
        browser.screenshot("facilities-service-areas");
        browser.driver().findElement(By.id("k")).clear();
        browser.driver().findElement(By.id("k")).sendKeys("2");
        browser.driver().findElement(By.id("suggest")).click();
        WebElement result =
                browser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElement(By.cssSelector("#siteResult ol")));
        assertThat(result.findElements(By.tagName("li"))).hasSize(2);
        assertThat(browser.driver().findElement(By.id("siteResult")).getText()).contains("估算");
        browser.screenshot("facilities-site-suggestions");
    }
}
