package cn.mingjie.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.web.Browser;
import cn.mingjie.web.MingjieAppTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The search page in a real headless Chromium: search as you type, area + name, former names. */
@MingjieAppTest
class SearchPageBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlaceSearch search;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private List<WebElement> resultsAfterTyping(String text, boolean enter) {
        WebElement box = browser.driver().findElement(By.id("q"));
        box.clear();
        String before = String.valueOf(browser.script("return document.body.dataset.searchDone || ''"));
        box.sendKeys(text);
        if (enter) {
            box.sendKeys(Keys.ENTER);
        }
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> {
            Object done = browser.script("return document.body.dataset.searchDone || ''");
            return !String.valueOf(done).equals(before);
        });
        return browser.driver().findElements(By.cssSelector("#results li.hit"));
    }

    @Test
    void findsPlacesAsYouTypeAndExplainsFormerNames() {
        search.awaitCurrent(Duration.ofSeconds(120));
        browser.driver().get("http://127.0.0.1:" + port + "/search.html");
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.searchReady")));
        assertThat(browser.driver().getTitle()).contains("地名搜索");

        List<WebElement> typed = resultsAfterTyping("tongn", false);
        assertThat(typed).isNotEmpty();
        assertThat(typed.get(0).findElement(By.tagName("strong")).getText()).isEqualTo("潼南区");

        List<WebElement> area = resultsAfterTyping("潼南 双江", true);
        assertThat(area.get(0).findElement(By.tagName("strong")).getText()).isEqualTo("双江镇");

        List<WebElement> former = resultsAfterTyping("米心镇社区居民委员会", true);
        assertThat(former.get(0).findElement(By.tagName("strong")).getText()).isEqualTo("长河源社区居民委员会");
        assertThat(former.get(0).findElement(By.className("match")).getText())
                .contains("曾用名 米心镇社区居民委员会")
                .contains("2023-06-30");
        long markers = (Long) browser.script("return document.querySelectorAll('.leaflet-marker-icon').length");
        assertThat(markers).isPositive();
        browser.screenshot("search-former-name");
    }
}
