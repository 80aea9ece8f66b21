package cn.mingjie.web.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.web.Browser;
import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The place-name office's edit forms in real headless Chromium: a sign edited, photographed and checked against the
 * register; a case reviewed and approved, with its history and announcement. Screenshots go to target/screenshots.
 */
@MingjieAppTest
class GazetteerOfficeBrowserTest {

    static final String[] EDITOR = Http.basic("editor", "mingjie");
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

    Http http() {
        return new Http(port);
    }

    void open(String hash) {
        browser.driver().get("about:blank");
        browser.driver().get("http://127.0.0.1:" + port + "/gazetteer.html" + hash);
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.ready")));
    }

    void waitFor(String dataKey, String value) {
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(d -> value.equals(browser.script("return document.body.dataset." + dataKey)));
    }

    void signIn(String user) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get("http://127.0.0.1:" + port + "/login.html");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        browser.driver().findElement(By.name("username")).sendKeys(user);
        browser.driver().findElement(By.name("password")).sendKeys("mingjie");
        browser.driver().findElement(By.cssSelector("form.login button")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("login"));
    }

    WebElement field(String form, String name) {
        return browser.driver().findElement(By.cssSelector("#" + form + " [name=" + name + "]"));
    }

    void type(String form, String name, String value) {
        WebElement input = field(form, name);
        // Chromium types into a date input in the locale's order; select and date values are set directly.
        if ("select".equals(input.getTagName()) || "date".equals(input.getAttribute("type"))) {
            browser.script("arguments[0].value = arguments[1]", input, value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    void save(String form, String key, String expected) {
        browser.script("document.body.dataset." + key + " = ''");
        browser.driver()
                .findElement(By.cssSelector("#" + form + " button[type=submit]"))
                .click();
        waitFor(key, expected);
    }

    String text(String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getText();
    }

    @Test
    void anEditorRecordsASignEditsItUploadsAPhotoAndTheCheckFlagsTheMismatch() throws Exception {
        // A recorded place with a romanization, so that both the text and the pinyin can be checked.
        String place =
                """
                {"properName":"标志","genericName":"路","romanization":"Biaozhi Lu","categoryCode":"25100",
                 "divisionCode":"500152002000","status":"recorded","effectiveFrom":"2024-01-01",
                 "positionMethod":"surveyed","geometry":{"type":"Point","coordinates":[105.79,30.18]},
                 "reason":"浏览器测试登记"}""";
        Http.Answer created = http().send("POST", "/api/v1/places", place, EDITOR);
        assertThat(created.status()).isEqualTo(201);
        String placeId = created.json().get("id").asText();

        signIn("editor");
        open("#signs");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#signs tbody tr")).isEmpty());
        browser.driver().findElement(By.id("sign-new")).click();
        type("sign-form", "placeId", placeId);
        type("sign-form", "signType", "ROAD");
        type("sign-form", "printedText", "标志路");
        type("sign-form", "printedPinyin", "BIAOZHI LU");
        type("sign-form", "lon", "105.7901");
        type("sign-form", "lat", "30.1802");
        type("sign-form", "condition", "GOOD");

        // Without a reason the server refuses, and says so next to the reason field.
        save("sign-form", "signSaved", "failed");
        assertThat(text("#sign-form .field-error[data-field=reason]")).contains("原因");

        type("sign-form", "reason", "新设路牌登记");
        save("sign-form", "signSaved", "ok");
        waitFor("signCheck", "text-ok,pinyin-ok");
        String signId = browser.script("return document.body.dataset.signOpen").toString();
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#signs tr[data-sign-id='" + signId + "']"))
                        .getText())
                .contains("标志路")
                .contains("✓");

        // The sign as printed differs from the register: wrong character and wrong generic term in pinyin.
        type("sign-form", "printedText", "标致路");
        type("sign-form", "printedPinyin", "BIAOZHI JIE");
        type("sign-form", "condition", "WORN");
        type("sign-form", "reason", "按现场照片更正标志文字");
        save("sign-form", "signSaved", "ok");
        waitFor("signCheck", "text-mismatch,pinyin-mismatch");
        assertThat(text("#sign-check"))
                .contains("文字与标准名称不符")
                .contains("标致路")
                .contains("标志路")
                .contains("拼音与罗马字母拼写不符")
                .contains("Biaozhi Lu");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#signs tr[data-sign-id='" + signId + "']"))
                        .getText())
                .contains("✗ 文字、拼音");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#sign-history li")).size() == 2);
        assertThat(text("#sign-history"))
                .contains("editor")
                .contains("新建")
                .contains("修改")
                .contains("按现场照片更正标志文字")
                .contains("标志文字：\"标志路\" → \"标致路\"");

        // A text file named .jpg is refused, next to the file field; a real PNG is stored and shown.
        Path fake = Files.createDirectories(Path.of("target", "upload")).resolve("not-a-photo.jpg");
        Files.writeString(fake, "这不是照片", StandardCharsets.UTF_8);
        field("sign-photo-form", "file").sendKeys(fake.toAbsolutePath().toString());
        type("sign-photo-form", "reason", "现场拍照");
        save("sign-photo-form", "signUpload", "failed");
        assertThat(text("#sign-photo-form .field-error[data-field=file]")).contains("不是 JPEG、PNG 或 WebP");

        Path png = Path.of("target", "upload", "sign.png");
        BufferedImage img = new BufferedImage(320, 120, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color(0x1F, 0x4E, 0x9A)); // the blue of a road sign
        g.fillRect(0, 0, 320, 120);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
        field("sign-photo-form", "file").sendKeys(png.toAbsolutePath().toString());
        type("sign-photo-form", "caption", "路牌正面");
        type("sign-photo-form", "reason", "现场拍照");
        save("sign-photo-form", "signUpload", "ok");
        waitFor("signPhotos", "1");
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> Long.valueOf(320)
                .equals(browser.script("const i = document.querySelector('#sign-photos img');"
                        + " return i && i.complete ? i.naturalWidth : 0")));
        assertThat(text("#sign-photos")).contains("路牌正面").contains("image/png");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> text("#sign-history").contains("上传照片"));
        browser.script("document.getElementById('sign-editor').scrollIntoView()");
        assertThat(Files.size(browser.screenshot("gazetteer-sign-edited-photo-mismatch")))
                .isGreaterThan(10_000);

        // Someone else changes the sign meanwhile: saving the stale form is refused (If-Match), not overwritten.
        String etag = http().get("/api/v1/signs/" + signId).header("ETag");
        assertThat(http().send(
                                "PATCH",
                                "/api/v1/signs/" + signId,
                                "{\"condition\":\"DAMAGED\",\"reason\":\"巡查发现损坏\"}",
                                GazetteerApiTest.with(EDITOR, "If-Match", etag))
                        .status())
                .isEqualTo(200);
        type("sign-form", "printedText", "标志路");
        type("sign-form", "reason", "改回");
        save("sign-form", "signSaved", "failed");
        assertThat(text("#sign-status")).contains("请重新打开");
        assertThat(http().get("/api/v1/signs/" + signId)
                        .json()
                        .get("printedText")
                        .asText())
                .isEqualTo("标致路");
    }

    @Test
    void anEditorAddsAProtectionEntryAndAnUnpublishableDateIsMarkedOnItsField() {
        signIn("editor");
        open("#protection");
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#protection tbody tr"))
                .isEmpty());
        browser.driver().findElement(By.id("entry-new")).click();
        type("entry-form", "name", "浏览器老街");
        type("entry-form", "listKind", "DISTRICT");
        type("entry-form", "batch", "2");
        type("entry-form", "criteria", "百年老街（测试数据）");
        type("entry-form", "nameAgeYears", "120");
        type("entry-form", "status", "VANISHED");
        type("entry-form", "commentFrom", "2025-01-01");
        type("entry-form", "commentTo", "2025-01-31");
        type("entry-form", "publishedOn", "2025-01-15");
        type("entry-form", "reason", "列入第二批名录");
        save("entry-form", "entrySaved", "failed"); // published inside its own comment period
        assertThat(text("#entry-form .field-error[data-field=publishedOn]")).contains("2025-01-31");
        type("entry-form", "publishedOn", "2025-02-10");
        save("entry-form", "entrySaved", "ok");
        String entryId =
                browser.script("return document.body.dataset.entryOpen").toString();
        assertThat(text("#protection tr[data-entry-id='" + entryId + "']")).contains("浏览器老街");

        type("entry-form", "measures", "设立历史地名标志牌");
        type("entry-form", "reason", "补充保护措施");
        save("entry-form", "entrySaved", "ok");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> text("#entry-history").contains("补充保护措施"));
        assertThat(text("#entry-history")).contains("保护措施：null → \"设立历史地名标志牌\"");
        browser.script("document.getElementById('entry-editor').scrollIntoView()");
        browser.screenshot("gazetteer-protection-entry-edited");
    }

    /** Clicks the step's button on the case's inbox row, fills the form and waits for the case's new state. */
    void step(String caseId, String button, String expectedState, String... fieldValues) {
        By buttonOnRow = By.cssSelector("#cases tr[data-case-id='" + caseId + "'] button[data-step=" + button + "]");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(d -> !d.findElements(buttonOnRow).isEmpty());
        browser.driver().findElement(buttonOnRow).click();
        for (int i = 0; i < fieldValues.length; i += 2) {
            type("case-action-fields", fieldValues[i], fieldValues[i + 1]);
        }
        browser.script("document.body.dataset.caseStep = ''");
        browser.driver()
                .findElement(By.cssSelector("#case-action button[type=submit]"))
                .click();
        waitFor("caseStep", expectedState);
    }

    @Test
    void anApproverApprovesACaseAndSeesItsHistoryOpinionAndAnnouncement() {
        String application =
                """
                {"kind":"NAMING","reasons":"新建道路需要命名","featureLocation":"梓潼街道东侧",
                 "reason":"申报",
                 "proposal":{"properName":"审批","genericName":"路","romanization":"Shenpi Lu","categoryCode":"25100",
                   "divisionCode":"500152002000","meaning":"纪念审批制度改革","origin":"2025年新建",
                   "description":"东西走向城市支路","geometryWkt":"LINESTRING (105.82 30.17, 105.83 30.175)",
                   "positionMethod":"surveyed","sources":"潼南区地名办"}}""";
        Http.Answer applied = http().send("POST", "/api/v1/naming-cases", application, EDITOR);
        assertThat(applied.status()).isEqualTo(201);
        String caseId = applied.json().at("/namingCase/caseId").asText();
        String etag = applied.header("ETag");
        for (String kind : List.of("ASSESSMENT", "EXPERT_REVIEW", "CONSULTATION")) {
            Http.Answer r = http().send(
                            "POST",
                            "/api/v1/naming-cases/" + caseId + "/reports",
                            "{\"kind\":\"" + kind + "\",\"title\":\"" + kind + " 报告\",\"reason\":\"附报告\"}",
                            GazetteerApiTest.with(EDITOR, "If-Match", etag));
            assertThat(r.status()).isEqualTo(200);
            etag = r.header("ETag");
        }

        signIn("approver");
        open("#inbox");
        step(caseId, "gzReview", "REVIEWED", "opinion", "材料齐全，名称符合规定，同意", "reason", "审核");
        step(
                caseId,
                "gzApprove",
                "APPROVED",
                "authority",
                "重庆市潼南区人民政府",
                "documentNumber",
                "潼南府〔2025〕77号",
                "reason",
                "区政府批准");

        By detail = By.cssSelector("#cases tr[data-case-id='" + caseId + "'] button[data-detail]");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> !d.findElements(detail).isEmpty());
        browser.driver().findElement(detail).click();
        waitFor("caseDetail", caseId);
        assertThat(text("#case-facts"))
                .contains("审核意见")
                .contains("材料齐全，名称符合规定，同意")
                .contains("潼南府〔2025〕77号")
                .contains("备案期限");
        List<WebElement> steps = browser.driver().findElements(By.cssSelector("#case-history li"));
        assertThat(steps)
                .extracting(e -> e.getAttribute("data-action"))
                .containsExactly(
                        "apply",
                        "attach-report:ASSESSMENT",
                        "attach-report:EXPERT_REVIEW",
                        "attach-report:CONSULTATION",
                        "review",
                        "approve");
        assertThat(steps.get(4).getText())
                .contains("approver")
                .contains("审核通过")
                .contains("理由：审核")
                .contains("材料齐全，名称符合规定，同意");
        assertThat(steps.get(4).getText()).contains("审核意见：null → \"材料齐全，名称符合规定，同意\"");
        assertThat(steps.get(5).getText()).contains("区政府批准").contains("状态：\"REVIEWED\" → \"APPROVED\"");
        assertThat(text("#case-announcement-fields"))
                .contains("审批路")
                .contains("Shenpi Lu")
                .contains("重庆市潼南区人民政府");
        WebElement csv = browser.driver().findElement(By.id("case-announcement-csv"));
        assertThat(csv.getText()).isEqualTo("导出公告（CSV）");
        assertThat(csv.getAttribute("href")).endsWith("/api/v1/naming-cases/" + caseId + "/announcement?format=csv");
        Object exported = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(document.getElementById('case-announcement-csv').href).then(r => r.text()).then(done);");
        assertThat(exported.toString())
                .contains("标准名称,罗马字母拼写,所在行政区域,地理实体位置描述,批准机关,批准时间")
                .contains("审批路,Shenpi Lu");
        browser.script("document.getElementById('case-detail').scrollIntoView()");
        browser.screenshot("gazetteer-case-history-announcement");
    }
}
