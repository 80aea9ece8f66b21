package cn.mingjie.web.layers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.web.Browser;
import cn.mingjie.web.MingjieAppTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The layer catalogue page in a real headless Chromium, as a visitor who is not signed in. */
@MingjieAppTest
class LayersPageBrowserTest {

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
    void listsEveryLayerWithItsStyleRules() {
        browser.driver().get("http://127.0.0.1:" + port + "/layers.html");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#catalogue tbody tr"))
                .isEmpty());

        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#catalogue tbody tr"));
        assertThat(rows)
                .extracting(r -> r.findElement(By.cssSelector("td")).getText())
                .contains("district", "boundary_marker", "place_settlement", "boundary_junction");
        WebElement markers = rows.stream()
                .filter(r -> r.findElement(By.cssSelector("td")).getText().equals("boundary_marker"))
                .findFirst()
                .orElseThrow();
        // One line per SLD rule, each with the condition it filters on.
        assertThat(markers.findElements(By.cssSelector("td:nth-child(6) div")))
                .extracting(WebElement::getText)
                .hasSize(6)
                .allSatisfy(line -> assertThat(line).contains("condition"))
                .anySatisfy(line -> assertThat(line).startsWith("丢失"));

        browser.screenshot("layers-catalogue");
    }

    /**
     * The GeoServer line needs an administrator. Not signed in, it says so: the page asks with
     * X-Requested-With, so the 401 carries no Basic challenge on which Chromium would hold the request for
     * its own sign-in prompt (the line stayed blank).
     */
    @Test
    void theGeoServerLineAsksForSignIn() {
        String page = "http://127.0.0.1:" + port + "/layers.html";
        browser.driver().get(page);
        browser.script("localStorage.setItem('mingjie.lang', 'zh')");
        browser.driver().get(page);
        assertThat(statusLine()).isEqualTo("需要登录（管理员）");

        browser.script("localStorage.setItem('mingjie.lang', 'en')");
        browser.driver().get(page);
        assertThat(statusLine()).isEqualTo("Sign-in required (administrator)");
        browser.script("localStorage.removeItem('mingjie.lang')");
    }

    private String statusLine() {
        By status = By.id("geoserver-status");
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> !d.findElement(status).getText().isEmpty());
        return browser.driver().findElement(status).getText();
    }
}
