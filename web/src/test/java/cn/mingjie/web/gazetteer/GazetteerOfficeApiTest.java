package cn.mingjie.web.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.geocore.media.TestImages;
import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sign photos (multipart) and the .xlsx census import over real HTTP on the booted app. */
@MingjieAppTest
class GazetteerOfficeApiTest {

    static final String[] EDITOR = Http.basic("editor", "mingjie");
    static final String[] APPROVER = Http.basic("approver", "mingjie");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    record Reply(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    Reply send(HttpRequest.Builder b, String... headers) throws Exception {
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A multipart/form-data upload with one file part (the declared type and name are the uploader's claim). */
    Reply upload(String path, String fileName, String declaredType, byte[] bytes, String reason, String... auth)
            throws Exception {
        String boundary = "----mingjie" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (bytes != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(bytes);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (String[] field : new String[][] {{"caption", "路牌正面"}, {"reason", reason}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                auth);
    }

    long sampleSign() {
        return jdbc.queryForObject(
                "select sign_id from gazetteer.sign where printed_text = '双江镇' order by sign_id limit 1", Long.class);
    }

    @Test
    void anEditorUploadsASignPhotoThatIsServedBackAndAudited() throws Exception {
        long sign = sampleSign();
        byte[] png = TestImages.encoded("png");
        // Declared as JPEG with a .jpg name: the stored type is what the bytes are.
        Reply created =
                upload("/api/v1/signs/" + sign + "/photos", "IMG_0001.jpg", "image/jpeg", png, "现场核查拍照", EDITOR);
        assertThat(created.status()).isEqualTo(201);
        JsonNode info = created.json();
        assertThat(info.get("contentType").asText()).isEqualTo("image/png");
        assertThat(info.get("byteSize").asInt()).isEqualTo(png.length);
        long photoId = info.get("photoId").asLong();

        Reply image =
                send(HttpRequest.newBuilder(uri("/api/v1/photos/" + photoId)).GET());
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png"); // bytes, no charset
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(image.body()).isEqualTo(png);

        JsonNode list = json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/signs/" + sign + "/photos"))
                        .GET())
                .body());
        assertThat(list.findValuesAsText("photoId")).contains(Long.toString(photoId));
        JsonNode history =
                new Http(port).get("/api/v1/signs/" + sign + "/audit", EDITOR).json();
        JsonNode upload = history.get(history.size() - 1);
        assertThat(upload.get("action").asText()).isEqualTo("photo-add");
        assertThat(upload.get("actor").asText()).isEqualTo("editor");
        assertThat(upload.get("reason").asText()).isEqualTo("现场核查拍照");
        assertThat(upload.get("after").asText()).contains(info.get("sha256").asText());
    }

    @Test
    void badUploadsAreRefusedWithProblemJsonAndStoreNothing() throws Exception {
        long sign = sampleSign();
        int before = jdbc.queryForObject("select count(*) from gazetteer.photo", Integer.class);

        Reply notAnImage = upload(
                "/api/v1/signs/" + sign + "/photos",
                "photo.jpg",
                "image/jpeg",
                "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8),
                "上传",
                EDITOR);
        assertThat(notAnImage.status()).isEqualTo(400);
        assertThat(notAnImage.contentType()).startsWith("application/problem+json");
        assertThat(notAnImage.json().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(notAnImage.json().at("/errors/0/message").asText()).contains("JPEG");

        byte[] tooLarge =
                Arrays.copyOf(TestImages.encoded("png"), 5 * 1024 * 1024 + 10); // under the container limit, over ours
        Reply large = upload("/api/v1/signs/" + sign + "/photos", "big.png", "image/png", tooLarge, "上传", EDITOR);
        assertThat(large.status()).isEqualTo(400);
        assertThat(large.json().at("/errors/0/message").asText()).contains("超过上限");

        // Over the container's 6 MB limit (by less than Tomcat swallows, so the answer can be read).
        byte[] huge = Arrays.copyOf(TestImages.encoded("png"), 6 * 1024 * 1024 + 300_000);
        Reply refused = upload("/api/v1/signs/" + sign + "/photos", "huge.png", "image/png", huge, "上传", EDITOR);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        Reply noFile = upload("/api/v1/signs/" + sign + "/photos", null, null, null, "上传", EDITOR);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().at("/errors/0/field").asText()).isEqualTo("file");

        Reply noReason = upload(
                "/api/v1/signs/" + sign + "/photos", "a.png", "image/png", TestImages.encoded("png"), "", EDITOR);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("reason");

        Reply unknownSign =
                upload("/api/v1/signs/987654/photos", "a.png", "image/png", TestImages.encoded("png"), "上传", EDITOR);
        assertThat(unknownSign.status()).isEqualTo(404);

        assertThat(upload(
                                "/api/v1/signs/" + sign + "/photos",
                                "a.png",
                                "image/png",
                                TestImages.encoded("png"),
                                "上传",
                                APPROVER)
                        .status())
                .isEqualTo(403);
        assertThat(upload("/api/v1/signs/" + sign + "/photos", "a.png", "image/png", TestImages.encoded("png"), "上传")
                        .status())
                .isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from gazetteer.photo", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void aProtectionEntryTakesPhotosToo() throws Exception {
        long entry = jdbc.queryForObject(
                "select entry_id from gazetteer.protection_entry order by entry_id limit 1", Long.class);
        Reply created = upload(
                "/api/v1/protection-list/" + entry + "/photos",
                "old.png",
                "image/png",
                TestImages.encoded("png"),
                "旧照",
                EDITOR);
        assertThat(created.status()).isEqualTo(201);
        long photoId = created.json().get("photoId").asLong();
        Reply removed = send(
                HttpRequest.newBuilder(uri("/api/v1/photos/" + photoId + "?reason=" + "%E9%87%8D%E5%A4%8D"))
                        .DELETE(),
                EDITOR);
        assertThat(removed.status()).isEqualTo(204);
        JsonNode history = new Http(port)
                .get("/api/v1/protection-list/" + entry + "/audit", EDITOR)
                .json();
        assertThat(history.findValuesAsText("action")).containsSubsequence("photo-add", "photo-remove");
    }

    static byte[] censusSheet(Object establishedYearOfSecondRow) throws IOException {
        List<String> columns = List.of(
                "place_id",
                "proper_name",
                "generic_name",
                "category_code",
                "division_code",
                "meaning",
                "origin",
                "description",
                "established_year",
                "sources",
                "position_method",
                "status",
                "valid_from",
                "geometry_wkt");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Mingjie test", "1.0");
        Worksheet ws = wb.newWorksheet("普查表");
        for (int c = 0; c < columns.size(); c++) ws.value(0, c, columns.get(c));
        Object[][] rows = {
            {
                null,
                "普查甲",
                "路",
                25100,
                500152002000L,
                "以普查得名",
                "2024年修建",
                "东西走向支路",
                2024,
                "普查表（测试）",
                "map_reading",
                "standard",
                LocalDate.of(2024, 6, 1),
                "POINT (105.79 30.19)"
            },
            {
                null,
                "普查乙",
                "路",
                25100,
                500152002000L,
                "以普查得名",
                "2024年修建",
                "南北走向支路",
                establishedYearOfSecondRow,
                "普查表（测试）",
                "map_reading",
                "standard",
                LocalDate.of(2024, 6, 1),
                "POINT (105.791 30.191)"
            },
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.size(); c++) {
                Object v = rows[r][c];
                if (v instanceof LocalDate d) {
                    ws.value(r + 1, c, d);
                    ws.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (v != null) {
                    ws.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    Reply importSheet(byte[] xlsx, boolean dryRun) throws Exception {
        return send(
                HttpRequest.newBuilder(uri("/api/v1/places/import?dryRun=" + dryRun + "&reason=%E6%99%AE%E6%9F%A5"))
                        .header("Content-Type", XLSX)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(xlsx)),
                EDITOR);
    }

    int places() {
        return jdbc.queryForObject("select count(*) from gazetteer.place", Integer.class);
    }

    @Test
    void theCensusSpreadsheetImportsWithADryRunFirstAndABadCellNamesItsRowAndColumn() throws Exception {
        int before = places();
        Reply dry = importSheet(censusSheet(2024), true);
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.json().get("applied").asBoolean()).isFalse();
        assertThat(dry.json().get("rows").findValuesAsText("action")).containsExactly("CREATE", "CREATE");
        assertThat(places()).isEqualTo(before);

        Reply bad = importSheet(censusSheet("二〇二四"), false);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("row 3");
        assertThat(bad.json().at("/errors/0/message").asText()).isEqualTo("第 3 行：established_year (I3): 二〇二四");
        assertThat(places()).isEqualTo(before);

        Reply applied = importSheet(censusSheet(2024), false);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().get("applied").asBoolean()).isTrue();
        assertThat(places()).isEqualTo(before + 2);

        Reply notASheet = importSheet("name\n某路\n".getBytes(StandardCharsets.UTF_8), true);
        assertThat(notASheet.status()).isEqualTo(400);
        assertThat(notASheet.json().at("/errors/0/field").asText()).isEqualTo("file");
    }
}
