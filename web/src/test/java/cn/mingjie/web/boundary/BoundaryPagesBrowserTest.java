package cn.mingjie.web.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.web.Browser;
import cn.mingjie.web.MingjieAppTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The boundary page and the phone field page in a real headless Chromium, with screenshots. */
@MingjieAppTest
class BoundaryPagesBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void showsTheTongnanLinesWithMarkersDescriptionAndChecks() {
        signIn();
        browser.driver().get(url("/boundary.html"));
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.linesReady")));
        assertThat(browser.driver().findElements(By.cssSelector("#lines li"))).hasSize(3);
        assertThat(browser.driver().findElement(By.id("notice")).getText()).contains("合成");
        assertThat(browser.driver().findElement(By.id("junctions")).getText())
                .contains("大足区—铜梁区—潼南区三交点", "500111500151001C");
        assertThat(String.valueOf(browser.script(
                        "return window.mingjieBoundary.junctionLayer.getLayers().map(l => l.feature.properties.name)")))
                .contains("大足区—铜梁区—潼南区三交点");
        browser.driver().findElements(By.cssSelector("#lines li")).stream()
                .filter(li -> li.getText().contains("铜梁区"))
                .findFirst()
                .orElseThrow()
                .click();
        try {
            browser.waitUpTo(Duration.ofSeconds(90))
                    .until(d -> d.findElements(By.cssSelector("#markerRows tr")).size() == 7);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("boundary-tongnan-tongliang-timeout");
            throw new AssertionError(
                    "marker table not filled; detailReady="
                            + browser.script("return document.body.dataset.detailReady") + ", page: "
                            + browser.script("return document.body.innerText.slice(0, 1500)"),
                    e);
        }
        assertThat(browser.driver().findElement(By.id("description")).getText()).contains("真方位角");
        assertThat(browser.driver().findElement(By.id("checks")).getText()).isEqualTo("各项检查均通过");
        assertThat(browser.driver().findElement(By.id("lineDerived")).getText()).isEqualTo("派生示意界线，非法定界线");
        browser.screenshot("boundary-tongnan-tongliang");
    }

    @Test
    void theFieldPageKeepsEntriesWhenTheConnectionIsLostAndSendsThemLater() {
        long inspection = adHocInspection("500117500152", 2025, "2025-07-01");
        signIn();
        browser.driver().manage().window().setSize(new Dimension(400, 820));
        chrome().executeCdpCommand("Browser.grantPermissions", Map.of("permissions", java.util.List.of("geolocation")));
        chrome().executeCdpCommand(
                        "Emulation.setGeolocationOverride",
                        Map.of("latitude", 30.1, "longitude", 105.95, "accuracy", 4.0));
        browser.driver().get(url("/boundary-field.html?inspection=" + inspection));
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.fieldReady")));
        browser.driver().findElement(By.id("gps")).click();
        browser.waitUpTo(Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("position")).getText().contains("105.95"));

        // The connection drops: every request fails.
        browser.script("window.fetch = () => Promise.reject(new TypeError('offline'));");
        new Select(browser.driver().findElement(By.id("condition"))).selectByVisibleText("损坏");
        browser.driver().findElement(By.id("note")).sendKeys("桩顶破损");
        browser.driver()
                .findElement(By.id("photo"))
                .sendKeys(photoFile().toAbsolutePath().toString());
        browser.driver().findElement(By.id("save")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> "1".equals(browser.script("return document.body.dataset.unsent")));
        assertThat(browser.driver().findElement(By.id("status")).getText()).contains("1 条记录未发送");
        browser.screenshot("boundary-field-offline");
        assertThat(findings(inspection)).isZero();

        // Back online: the page reloads and sends what it kept.
        browser.driver().navigate().refresh();
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "0".equals(browser.script("return document.body.dataset.unsent")));
        assertThat(findings(inspection)).isEqualTo(1);
        Map<String, Object> f = jdbc.queryForMap(
                "select condition, note, st_x(geom) lon, accuracy_m from boundary.inspection_marker_finding"
                        + " where inspection_id = ?",
                inspection);
        assertThat(f).containsEntry("condition", "损坏").containsEntry("note", "桩顶破损");
        assertThat((Double) f.get("lon")).isEqualTo(105.95);
        assertThat(browser.driver().findElement(By.id("sent")).getText()).contains("已发送");
        Map<String, Object> photo = jdbc.queryForMap(
                "select p.content_type, octet_length(p.bytes) size from boundary.photo p"
                        + " join boundary.inspection_marker_finding f on f.id = p.finding_id where f.inspection_id = ?",
                inspection);
        assertThat(photo).containsEntry("content_type", "image/png").containsEntry("size", PNG.length);
        browser.screenshot("boundary-field-sent");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theFieldPageOpensOfflineAfterTheFirstVisitAndSendsWhatWasEnteredOfflineOnceOnline() {
        long inspection = adHocInspection("500151500152", 2026, "2026-08-01");
        signIn();
        String page = url("/boundary-field.html?inspection=" + inspection);
        browser.driver().get(page);
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.fieldReady"))
                        && "true".equals(browser.script("return document.body.dataset.offlineReady")));
        // The first visit installs the service worker; it controls the page from the next load on.
        browser.driver().navigate().refresh();
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(browser.script("return navigator.serviceWorker.controller !== null"))
                        && "true".equals(browser.script("return document.body.dataset.fieldReady")));

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chrome().setNetworkConditions(offline);
        try {
            // Really offline: the API is unreachable from the page.
            Object api = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " fetch('/api/v1/me').then(() => done('reached'), () => done('unreachable'));");
            assertThat(api).isEqualTo("unreachable");
            browser.driver().navigate().refresh();
            browser.waitUpTo(Duration.ofSeconds(30))
                    .until(d -> "true".equals(browser.script("return document.body.dataset.fieldReady")));
            assertThat(browser.driver().findElement(By.id("inspection")).getText())
                    .contains("2026", "离线");
            assertThat(new Select(browser.driver().findElement(By.id("marker")))
                            .getOptions()
                            .size())
                    .isEqualTo(7);
            new Select(browser.driver().findElement(By.id("marker"))).selectByVisibleText("500151500152002Q");
            new Select(browser.driver().findElement(By.id("condition"))).selectByVisibleText("丢失");
            browser.driver().findElement(By.id("note")).sendKeys("离线记录：桩位被土掩埋");
            browser.driver().findElement(By.id("save")).click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> "1".equals(browser.script("return document.body.dataset.unsent")));
            new Select(browser.driver().findElement(By.id("otherKind"))).selectByVisibleText("跨界建设");
            browser.driver().findElement(By.id("otherText")).sendKeys("新建养殖棚跨越界线");
            browser.driver().findElement(By.id("saveOther")).click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> "2".equals(browser.script("return document.body.dataset.unsent")));
            browser.screenshot("boundary-field-offline-reload");
            assertThat(findings(inspection)).isZero();
        } finally {
            chrome().deleteNetworkConditions();
        }
        // Back online: the page's online event sends the kept entry without a reload.
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "0".equals(browser.script("return document.body.dataset.unsent")));
        assertThat(findings(inspection)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select f.note from boundary.inspection_marker_finding f where f.inspection_id = ?",
                        String.class,
                        inspection))
                .isEqualTo("离线记录：桩位被土掩埋");
        assertThat(jdbc.queryForObject(
                        "select kind || '：' || description from boundary.inspection_other_finding"
                                + " where inspection_id = ?",
                        String.class,
                        inspection))
                .isEqualTo("跨界建设：新建养殖棚跨越界线");
    }

    @Test
    void whatTheServerRefusesIsSetAsideWithItsReasonAndTheLaterEntriesAreStillSent() {
        long inspection = adHocInspection("500117500152", 2028, "2028-06-01");
        signIn();
        browser.driver().manage().window().setSize(new Dimension(400, 820));
        String page = url("/boundary-field.html?inspection=" + inspection);
        browser.driver().get(page);
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.fieldReady")));
        // Which failed answers keep an entry queued for another try, and which set it aside.
        assertThat(browser.script("return [400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 503]"
                        + ".filter(s => window.mingjieField.transient(s))"))
                .asString()
                .isEqualTo("[401, 403, 408, 429, 500, 503]");

        // Offline, three entries: at a marker that (as it turns out) no longer exists, at a marker with a photo
        // file that is no image, and along the line.
        browser.script("window.fetch = () => Promise.reject(new TypeError('offline'));");
        Select markers = new Select(browser.driver().findElement(By.id("marker")));
        markers.selectByIndex(1);
        String gone = markers.getFirstSelectedOption().getText();
        browser.driver().findElement(By.id("note")).sendKeys("界桩已撤除");
        browser.driver().findElement(By.id("save")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> "1".equals(browser.script("return document.body.dataset.unsent")));
        markers.selectByIndex(2);
        String cracked = markers.getFirstSelectedOption().getText();
        new Select(browser.driver().findElement(By.id("condition"))).selectByVisibleText("损坏");
        browser.driver().findElement(By.id("note")).sendKeys("桩身开裂");
        browser.driver()
                .findElement(By.id("photo"))
                .sendKeys(notAnImageFile().toAbsolutePath().toString());
        browser.driver().findElement(By.id("save")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> "2".equals(browser.script("return document.body.dataset.unsent")));
        new Select(browser.driver().findElement(By.id("otherKind"))).selectByVisibleText("地形变化");
        browser.driver().findElement(By.id("otherText")).sendKeys("滑坡掩埋界线附近道路");
        browser.driver().findElement(By.id("saveOther")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> "3".equals(browser.script("return document.body.dataset.unsent")));
        assertThat(browser.driver().findElement(By.id("status")).getText()).contains("3 条记录未发送", "连接不上服务器");
        String queue = "'mingjie.field.queue." + inspection + "'";
        browser.script("const q = JSON.parse(localStorage.getItem(" + queue + "));"
                + " q[0].markerId = 999999999; localStorage.setItem(" + queue + ", JSON.stringify(q));");

        // Online again: the two refusals are set aside with the server's reasons, the entry after them is sent.
        browser.driver().navigate().refresh();
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "0".equals(browser.script("return document.body.dataset.unsent"))
                        && "2".equals(browser.script("return document.body.dataset.refused")));
        assertThat(jdbc.queryForObject(
                        "select kind || '：' || description from boundary.inspection_other_finding"
                                + " where inspection_id = ?",
                        String.class,
                        inspection))
                .isEqualTo("地形变化：滑坡掩埋界线附近道路");
        // The finding with the bad photo is taken; only its photo is refused.
        long finding = jdbc.queryForObject(
                "select f.id from boundary.inspection_marker_finding f join boundary.marker m on m.id = f.marker_id"
                        + " where f.inspection_id = ? and m.number = ? and f.note = '桩身开裂'",
                Long.class,
                inspection,
                cracked);
        assertThat(findings(inspection)).isEqualTo(1);
        assertThat(photos(finding)).isZero();
        assertThat(browser.driver().findElement(By.id("status")).getText()).contains("全部已发送", "2 条被服务器拒收");
        assertThat(refusedEntries())
                .containsExactly(
                        gone + " · 完好 · 界桩已撤除\n整条记录被拒收：找不到界桩：999999999",
                        cracked + " · 损坏 · 桩身开裂 · 照片\n记录已发送，仅照片被拒收：照片不是 JPEG、PNG 或 WebP 图像（按文件内容判断）");
        browser.script("document.getElementById('refusedBox').scrollIntoView()");
        browser.screenshot("boundary-field-refused");

        // Discarding asks first; then the entry is gone from the page and from the device.
        refusedEntry("entry").findElement(By.cssSelector("button.discard")).click();
        browser.waitUpTo(Duration.ofSeconds(5))
                .until(ExpectedConditions.alertIsPresent())
                .accept();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> "1".equals(browser.script("return document.body.dataset.refused")));
        assertThat(refusedEntries()).singleElement().asString().startsWith(cracked);

        // Sending the photo again puts it back at the end of the queue; signed out, it waits there for a sign-in.
        browser.driver().manage().deleteAllCookies();
        refusedEntry("photo").findElement(By.cssSelector("button.retry-one")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> "1".equals(browser.script("return document.body.dataset.unsent"))
                        && "0".equals(browser.script("return document.body.dataset.refused")));
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("status")).getText().contains("请先登录"));
        assertThat(browser.driver().findElement(By.cssSelector("#status a")).getAttribute("href"))
                .endsWith("/login.html");
        assertThat(browser.driver().findElement(By.id("refusedBox")).isDisplayed())
                .isFalse();

        // Signed in again, the photo is sent once more under the finding already taken, and refused again.
        signIn();
        browser.driver().get(page);
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "0".equals(browser.script("return document.body.dataset.unsent"))
                        && "1".equals(browser.script("return document.body.dataset.refused")));
        assertThat(refusedEntries()).singleElement().asString().contains("仅照片被拒收");
        assertThat(findings(inspection)).isEqualTo(1);
        assertThat(photos(finding)).isZero();

        // Another photo taken for it is sent under the same finding.
        refusedEntry("photo")
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(photoFile().toAbsolutePath().toString());
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "0".equals(browser.script("return document.body.dataset.unsent"))
                        && "0".equals(browser.script("return document.body.dataset.refused")));
        assertThat(findings(inspection)).isEqualTo(1);
        assertThat(photos(finding)).isEqualTo(1);
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("全部已发送");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    /** The refused entries as the page shows them: what, a line break, and why. */
    @SuppressWarnings("unchecked")
    private java.util.List<String> refusedEntries() {
        return (java.util.List<String>) browser.script("return [...document.querySelectorAll('#refused li')]"
                + ".map(li => [...li.querySelectorAll('div')].map(d => d.textContent).join('\\n'))");
    }

    private org.openqa.selenium.WebElement refusedEntry(String part) {
        return browser.driver().findElement(By.cssSelector("#refused li[data-part='" + part + "']"));
    }

    @Test
    void aReMeasuredMarkerBeyondToleranceIsAppliedForAndApprovedFromTheBoundaryPage() {
        long marker =
                jdbc.queryForObject("select id from boundary.marker where number = '500117500152005Q'", Long.class);
        long inspection = adHocInspection("500117500152", 2026, "2026-09-01");
        // Re-measured by RTK about 4 m north of the record.
        jdbc.update(
                "insert into boundary.inspection_marker_finding (inspection_id, marker_id, condition, geom, accuracy_m,"
                        + " note, recorded_by) select ?, id, '移位', st_translate(geom, 0, 0.000036), 0.02, '复测',"
                        + " 'inspector' from boundary.marker where id = ?",
                inspection,
                marker);
        Map<String, Object> before = position(marker);
        signIn();
        browser.driver().get(url("/boundary.html"));
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.script("return document.body.dataset.linesReady")));
        browser.driver().findElements(By.cssSelector("#lines li")).stream()
                .filter(li -> li.getText().contains("500117500152"))
                .findFirst()
                .orElseThrow()
                .click();
        browser.waitUpTo(Duration.ofSeconds(90))
                .until(d -> d.findElements(By.cssSelector("#resurveys li button.apply-move")).stream()
                        .anyMatch(b -> b.findElement(By.xpath("..")).getText().contains("500117500152005Q")));
        browser.driver().findElements(By.cssSelector("#resurveys li")).stream()
                .filter(li -> li.getText().contains("500117500152005Q"))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("button.apply-move"))
                .click();
        var signatories = browser.driver().findElements(By.cssSelector("#signatories input"));
        assertThat(signatories).hasSize(2);
        signatories.get(0).sendKeys("合川区 王五");
        signatories.get(1).sendKeys("潼南区 赵六");
        browser.driver().findElement(By.id("moveSubmit")).click();
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> resurveyLine().contains("待批"));
        assertThat(String.valueOf(browser.script("return document.querySelector('#changes li').textContent")))
                .contains("移位", "待批", "据复测结果");
        assertThat(position(marker)).isEqualTo(before); // no legal effect before approval
        browser.screenshot("boundary-resurvey-applied");

        browser.driver().findElement(By.id("decisionRef")).sendKeys("渝民界〔2026〕9号");
        browser.driver().findElement(By.cssSelector("#changes button.approve")).click();
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> resurveyLine().contains("已批准"));
        Map<String, Object> after = position(marker);
        assertThat((Double) after.get("lat")).isCloseTo((Double) before.get("lat") + 0.000036, within(1e-9));
        assertThat(String.valueOf(browser.script("return document.querySelector('#changes li').textContent")))
                .contains("移位", "已批准");
        browser.screenshot("boundary-resurvey-approved");
    }

    /** The re-survey list's entry of the marker this test moves ("" while there is none). */
    private String resurveyLine() {
        return String.valueOf(browser.script("return [...document.querySelectorAll('#resurveys li')]"
                + ".map(li => li.textContent).find(t => t.includes('500117500152005Q')) || ''"));
    }

    private Map<String, Object> position(long marker) {
        return jdbc.queryForMap("select st_x(geom) lon, st_y(geom) lat from boundary.marker where id = ?", marker);
    }

    /** A 1×1 PNG, as a phone camera's file would arrive through the file input. */
    static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static java.nio.file.Path photoFile() {
        try {
            java.nio.file.Path dir =
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "field-photos"));
            return java.nio.file.Files.write(dir.resolve("marker.png"), PNG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Text under an image's name, as a wrong file picked on the phone would arrive. */
    private static java.nio.file.Path notAnImageFile() {
        try {
            java.nio.file.Path dir =
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "field-photos"));
            return java.nio.file.Files.writeString(dir.resolve("not-a-photo.png"), "桩身开裂，照片稍后补拍");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int photos(long finding) {
        return jdbc.queryForObject("select count(*) from boundary.photo where finding_id = ?", Integer.class, finding);
    }

    private static ChromeDriver chrome() {
        return (ChromeDriver) browser.driver();
    }

    private int findings(long inspection) {
        return jdbc.queryForObject(
                "select count(*) from boundary.inspection_marker_finding where inspection_id = ?",
                Integer.class,
                inspection);
    }

    private void signIn() {
        browser.driver().get(url("/login.html"));
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        browser.driver().findElement(By.name("username")).sendKeys("inspector");
        browser.driver().findElement(By.name("password")).sendKeys("mingjie");
        browser.driver().findElement(By.cssSelector("form.login button")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("login"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** An open ad-hoc inspection of a line (its code: the two counties'), for one test's findings. */
    private long adHocInspection(String lineCode, int year, String inspectedOn) {
        long line = jdbc.queryForObject("select id from boundary.line where code = ?", Long.class, lineCode);
        return jdbc.queryForObject(
                "insert into boundary.inspection (line_id, kind, round_year, lead_code, supporting_code, status,"
                        + " inspected_on) values (?, 'ad-hoc', ?, ?, ?, 'open', ?::date) returning id",
                Long.class,
                line,
                year,
                lineCode.substring(0, 6) + "000000",
                lineCode.substring(6) + "000000",
                inspectedOn);
    }
}
