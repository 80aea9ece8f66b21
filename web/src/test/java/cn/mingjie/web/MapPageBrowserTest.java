package cn.mingjie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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

    @Test
    void showsDistrictsAndDerivedTownshipsWithALayerSwitcherAndPopups() throws Exception {
        browser.driver().get("http://127.0.0.1:" + port + "/");
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.mapReady")));

        assertThat(browser.driver().getTitle()).contains("名界");
        assertThat(browser.driver().findElement(By.id("notice")).getText()).contains("派生示意");
        long districtPaths = (Long) browser.script("return Object.keys(window.mingjieMap.districts._layers).length");
        assertThat(districtPaths).isEqualTo(38);

        List<WebElement> overlays =
                browser.driver().findElements(By.cssSelector(".leaflet-control-layers-overlays label"));
        assertThat(overlays).extracting(WebElement::getText).containsExactly("区县", "乡镇（街道，派生示意）");

        // Switching the township layer off and on again.
        WebElement townshipToggle = overlays.get(1).findElement(By.tagName("input"));
        long before = countPaths();
        townshipToggle.click();
        long hidden = countPaths();
        townshipToggle.click();
        assertThat(hidden).isLessThan(before);
        assertThat(countPaths()).isEqualTo(before);

        // A click on 潼南区 opens its popup, whose text came in through textContent.
        browser.script("const m = window.mingjieMap;"
                + "m.map.removeLayer(m.townships);"
                + "const l = Object.values(m.districts._layers).find(x => x.feature.properties.code === '500152000000');"
                + "m.map.fitBounds(l.getBounds());"
                + "l.fire('click', {latlng: l.getBounds().getCenter()});");
        WebElement popup = browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".leaflet-popup-content .popup")));
        assertThat(popup.getText()).contains("潼南区").contains("500152000000").contains("tianditu");
        Path shot = browser.screenshot("map-tongnan-popup");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void aDerivedTownshipPopupSaysItIsNotALegalBoundary() {
        browser.driver().get("http://127.0.0.1:" + port + "/");
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.mapReady")));
        browser.script("const m = window.mingjieMap;"
                + "const group = m.townships.getLayers()[0];"
                + "const l = Object.values(group._layers)[0];"
                + "m.map.fitBounds(l.getBounds());"
                + "l.fire('click', {latlng: l.getBounds().getCenter()});");
        WebElement popup = browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".leaflet-popup-content .popup .derived")));
        assertThat(popup.getText()).isEqualTo("派生示意边界，非法定界线");
        browser.screenshot("map-derived-township-popup");
    }

    private long countPaths() {
        return (Long) browser.script("return document.querySelectorAll('.leaflet-overlay-pane path').length");
    }
}
