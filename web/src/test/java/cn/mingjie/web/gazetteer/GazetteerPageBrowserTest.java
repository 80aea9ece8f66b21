package cn.mingjie.web.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.web.Browser;
import cn.mingjie.web.MingjieAppTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The place-name office's page in real headless Chromium; screenshots go to target/screenshots. */
@MingjieAppTest
class GazetteerPageBrowserTest {

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

    void open(String hash) {
        browser.driver().get("about:blank"); // a hash-only change would not reload the page
        browser.driver().get("http://127.0.0.1:" + port + "/gazetteer.html" + hash);
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.ready")));
    }

    void waitFor(String dataKey, String value) {
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(d -> value.equals(browser.script("return document.body.dataset." + dataKey)));
    }

    @Test
    void findsAFormerNameAndShowsThePlacesTimeline() throws Exception {
        open("");
        assertThat(browser.driver().getTitle()).contains("地名管理");
        WebElement name = browser.driver().findElement(By.cssSelector("#filters input[name=name]"));
        name.sendKeys("米心镇社区");
        browser.driver()
                .findElement(By.cssSelector("#filters input[name=historical]"))
                .click();
        browser.script("document.body.dataset.registerRows = ''");
        browser.driver()
                .findElement(By.cssSelector("#filters button[type=submit]"))
                .click();
        waitFor("registerRows", "1");
        WebElement row = browser.driver().findElement(By.cssSelector("#places tbody tr"));
        assertThat(row.getText()).contains("长河源社区居民委员会").contains("500152108000");
        row.click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("timeline")).isDisplayed());
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#tl-versions li")).size() == 2);
        String versions = browser.driver().findElement(By.id("tl-versions")).getText();
        assertThat(versions).contains("2021-10-31 — 2023-06-30：米心镇社区居民委员会（更名）");
        assertThat(versions).contains("2023-06-30 — 现行：长河源社区居民委员会");
        assertThat(browser.driver().findElement(By.id("tl-names")).getText()).contains("米心镇社区居民委员会");
        assertThat(Files.size(browser.screenshot("gazetteer-timeline"))).isGreaterThan(10_000);

        // Markup in data stays text.
        browser.script("document.querySelector('#filters input[name=name]').value = '<b>x</b>';");
        assertThat(browser.driver().findElements(By.cssSelector("#places b"))).isEmpty();
    }

    void signIn(String user) {
        browser.driver().manage().deleteAllCookies(); // ends the previous user's session
        browser.driver().get("http://127.0.0.1:" + port + "/login.html");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        browser.driver().findElement(By.name("username")).sendKeys(user);
        browser.driver().findElement(By.name("password")).sendKeys("mingjie");
        browser.driver().findElement(By.cssSelector("form.login button")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("login"));
    }

    /** Clicks the step's button on the case's inbox row, fills the form and waits for the case's new state. */
    void step(String caseId, String button, String expectedState, String... fieldValues) {
        By buttonOnRow = By.cssSelector("#cases tr[data-case-id='" + caseId + "'] button[data-step=" + button + "]");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(d -> !d.findElements(buttonOnRow).isEmpty());
        browser.driver().findElement(buttonOnRow).click();
        for (int i = 0; i < fieldValues.length; i += 2) {
            String selector = "#case-action-fields [name=" + fieldValues[i] + "]";
            if ("SELECT".equals(browser.script("return document.querySelector(\"" + selector + "\").tagName"))) {
                browser.script("document.querySelector(\"" + selector + "\").value = arguments[0]", fieldValues[i + 1]);
            } else {
                WebElement input = browser.driver().findElement(By.cssSelector(selector));
                input.clear();
                input.sendKeys(fieldValues[i + 1]);
            }
        }
        browser.script("document.body.dataset.caseStep = ''");
        browser.driver()
                .findElement(By.cssSelector("#case-action button[type=submit]"))
                .click();
        waitFor("caseStep", expectedState);
    }

    @Test
    void aCaseGoesFromApplicationToAnnouncementThroughTheInbox() {
        signIn("editor");
        open("#propose");
        browser.script("document.querySelector('#proposal select[name=categoryCode]').value = '25100';");
        for (String[] field : new String[][] {{"properName", "全程"}, {"genericName", "路"}}) {
            browser.driver()
                    .findElement(By.cssSelector("#proposal input[name=" + field[0] + "]"))
                    .sendKeys(field[1]);
        }
        for (String[] field : new String[][] {
            {"meaning", "取全程贯通之意"}, {"origin", "2025年新建"}, {"description", "南北走向支路"}, {"reasons", "新建道路命名"}
        }) {
            browser.driver()
                    .findElement(By.cssSelector("#proposal textarea[name=" + field[0] + "]"))
                    .sendKeys(field[1]);
        }
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("checks")).getText().contains("未发现问题"));
        browser.driver()
                .findElement(By.cssSelector("#proposal button[type=submit]"))
                .click();
        waitFor("submitted", "true");
        String caseId =
                browser.driver().findElement(By.id("proposal-result")).getText().replaceAll("\\D", "");

        open("#inbox");
        // The editor sees no approver buttons.
        step(caseId, "gzAttach", "APPLIED", "kind", "ASSESSMENT", "title", "综合评估报告");
        assertThat(browser.driver()
                        .findElements(By.cssSelector("#cases tr[data-case-id='" + caseId
                                + "'] button[data-step=gzApprove], #cases tr[data-case-id='" + caseId
                                + "'] button[data-step=gzReview]")))
                .isEmpty();
        step(caseId, "gzAttach", "APPLIED", "kind", "EXPERT_REVIEW", "title", "专家论证意见");
        step(caseId, "gzAttach", "APPLIED", "kind", "CONSULTATION", "title", "征求意见汇总");
        assertThat(rowText(caseId)).contains("3/3");
        browser.screenshot("gazetteer-inbox-editor-reports");

        signIn("approver");
        open("#inbox");
        step(caseId, "gzReview", "REVIEWED", "opinion", "材料齐全，同意");
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(
                        By.cssSelector("#cases tr[data-case-id='" + caseId + "'] button[data-step=gzApprove]"))
                .isEmpty());
        browser.driver()
                .findElement(By.cssSelector("#cases tr[data-case-id='" + caseId + "'] button[data-step=gzApprove]"))
                .click();
        browser.screenshot("gazetteer-inbox-approval-form");
        browser.driver().findElement(By.id("case-action-cancel")).click();
        step(caseId, "gzApprove", "APPROVED", "authority", "重庆市潼南区人民政府", "documentNumber", "潼南府〔2025〕99号");
        assertThat(rowText(caseId)).contains("已批准").contains("潼南府〔2025〕99号");
        browser.screenshot("gazetteer-inbox-approved");

        signIn("editor");
        open("#inbox");
        step(caseId, "gzFile", "FILED", "filedWith", "重庆市民政局");
        step(caseId, "gzAnnounce", "ANNOUNCED", "reference", "潼南区地名公告〔2025〕1号");
        assertThat(rowText(caseId)).contains("已公告");
        // No step is left; only the details button stays.
        assertThat(browser.driver()
                        .findElements(By.cssSelector("#cases tr[data-case-id='" + caseId + "'] button[data-step]")))
                .isEmpty();
        assertThat(browser.driver()
                        .findElements(By.cssSelector("#cases tr[data-case-id='" + caseId + "'] button[data-detail]")))
                .hasSize(1);
        browser.screenshot("gazetteer-inbox-announced");
    }

    String rowText(String caseId) {
        return browser.driver()
                .findElement(By.cssSelector("#cases tr[data-case-id='" + caseId + "']"))
                .getText();
    }

    @Test
    void theProposalFormChecksTheRulesAsOneTypesAndSubmitsWhenSignedIn() {
        signIn("editor");

        open("#propose");
        browser.script("const s = document.querySelector('#proposal select[name=categoryCode]'); s.value = '11400';");
        WebElement division = browser.driver().findElement(By.cssSelector("#proposal input[name=divisionCode]"));
        division.clear();
        division.sendKeys("500229");
        browser.driver()
                .findElement(By.cssSelector("#proposal input[name=genericName]"))
                .sendKeys("街道");
        browser.driver()
                .findElement(By.cssSelector("#proposal input[name=properName]"))
                .sendKeys("桂林");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("checks")).getText().contains("ART9_DUPLICATE"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#checks li.BLOCK"))
                        .getText())
                .contains("重名")
                .contains("桂林街道");
        browser.screenshot("gazetteer-proposal-duplicate");

        // A fresh road name in 梓潼街道, with the three mandatory texts, goes through.
        browser.script("const s = document.querySelector('#proposal select[name=categoryCode]'); s.value = '25100';");
        division.clear();
        division.sendKeys("500152002000");
        WebElement proper = browser.driver().findElement(By.cssSelector("#proposal input[name=properName]"));
        proper.clear();
        proper.sendKeys("页面");
        WebElement generic = browser.driver().findElement(By.cssSelector("#proposal input[name=genericName]"));
        generic.clear();
        generic.sendKeys("路");
        for (String[] field : new String[][] {
            {"meaning", "测试页面提交"}, {"origin", "2025年新建"}, {"description", "东西走向支路"}, {"reasons", "浏览器测试申报"}
        }) {
            browser.driver()
                    .findElement(By.cssSelector("#proposal textarea[name=" + field[0] + "]"))
                    .sendKeys(field[1]);
        }
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("checks")).getText().contains("未发现问题"));
        browser.driver()
                .findElement(By.cssSelector("#proposal button[type=submit]"))
                .click();
        waitFor("submitted", "true");
        assertThat(browser.driver().findElement(By.id("proposal-result")).getText())
                .startsWith("已提交，案件编号");
        browser.screenshot("gazetteer-proposal-submitted");

        browser.driver()
                .findElement(By.cssSelector(".tabs button[data-tab=inbox]"))
                .click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d ->
                        d.findElement(By.cssSelector("#cases tbody")).getText().contains("页面路"));
        assertThat(browser.driver().findElement(By.cssSelector("#cases tbody")).getText())
                .contains("已申报");
        browser.screenshot("gazetteer-inbox");
    }

    @Test
    void showsTheSyntheticProtectionListLabelledAsSuch() {
        open("#protection");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d ->
                        d.findElements(By.cssSelector("#protection tbody tr")).size() >= 5);
        String table = browser.driver().findElement(By.id("protection")).getText();
        assertThat(table).contains("双江镇").contains("潼南县").contains("消失").contains("synthetic");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#tab-protection .notice"))
                        .getText())
                .contains("虚构");
        browser.screenshot("gazetteer-protection-list");

        // The English toggle relabels the page; the data stay as they are.
        browser.driver().findElement(By.id("lang")).click();
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.ready")));
        try {
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".tabs button[data-tab=register]"))
                            .getText())
                    .isEqualTo("Standard names");
            browser.driver()
                    .findElement(By.cssSelector(".tabs button[data-tab=protection]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("protection")).getText().contains("vanished"));
            assertThat(browser.driver().findElement(By.id("protection")).getText())
                    .contains("双江镇");
            browser.screenshot("gazetteer-protection-list-en");
        } finally {
            browser.script("localStorage.removeItem('mingjie.lang')");
        }
    }
}
