package cn.mingjie.gazetteer.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.gazetteer.GazetteerTestContext;
import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.Places;
import cn.mingjie.gazetteer.protection.ProtectionAndSigns;
import cn.mingjie.gazetteer.protection.ProtectionEntry;
import cn.mingjie.gazetteer.protection.Sign;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.media.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(GazetteerTestContext.class)
class PhotosTest {

    static final ChangeContext WHO = new ChangeContext("editor", "现场拍照");

    @Autowired
    Photos photos;

    @Autowired
    ProtectionAndSigns signs;

    @Autowired
    PlaceRegister register;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    Sign sign;

    @BeforeEach
    void aSign() {
        long place = register.create(
                        Places.road("照片", "路", "LINESTRING (105.78 30.18, 105.79 30.19)"),
                        LocalDate.of(2020, 1, 1),
                        "test",
                        WHO)
                .placeId();
        sign = signs.addSign(
                place, "ROAD", "照片路", "ZHAOPIAN LU", null, LocalDate.of(2021, 5, 1), "GOOD", List.of(), "test", WHO);
    }

    @Test
    void aJpegAndAPngAreStoredServedBackAndAudited() throws IOException {
        byte[] jpeg = TestImages.encoded("jpg");
        byte[] png = TestImages.encoded("png");
        PhotoInfo first = photos.add(PhotoOwner.sign(sign.signId()), jpeg, "正面", WHO);
        PhotoInfo second = photos.add(PhotoOwner.sign(sign.signId()), png, null, WHO);

        assertThat(first.contentType()).isEqualTo("image/jpeg");
        assertThat(second.contentType()).isEqualTo("image/png");
        assertThat(first.byteSize()).isEqualTo(jpeg.length);
        assertThat(photos.list(PhotoOwner.sign(sign.signId())))
                .extracting(PhotoInfo::photoId)
                .containsExactly(first.photoId(), second.photoId());
        assertThat(photos.photo(first.photoId()).bytes()).isEqualTo(jpeg);

        List<AuditEvent> history = audit.history("sign", Long.toString(sign.signId()));
        assertThat(history).extracting(AuditEvent::action).containsSubsequence("create", "photo-add", "photo-add");
        AuditEvent upload = history.stream()
                .filter(e -> e.action().equals("photo-add"))
                .findFirst()
                .orElseThrow();
        assertThat(upload.actor()).isEqualTo("editor");
        assertThat(upload.reason()).isEqualTo("现场拍照");
        assertThat(upload.after()).contains(first.sha256()).contains("image/jpeg");

        photos.remove(first.photoId(), new ChangeContext("editor", "照片模糊"));
        assertThat(photos.list(PhotoOwner.sign(sign.signId())))
                .extracting(PhotoInfo::photoId)
                .containsExactly(second.photoId());
        assertThat(audit.history("sign", Long.toString(sign.signId())))
                .anyMatch(e -> e.action().equals("photo-remove") && e.reason().equals("照片模糊"));
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws IOException {
        byte[] text = "not really a photo.jpg".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> photos.add(PhotoOwner.sign(sign.signId()), text, "x.jpg", WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("file");
                    assertThat(e.problems().get(0).messageKey()).isEqualTo("error.photo.type");
                });
        // An HTML page is refused even though a browser might sniff and render it.
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> photos.add(PhotoOwner.sign(sign.signId()), html, null, WHO))
                .isInstanceOf(ValidationException.class);
        assertThat(photos.list(PhotoOwner.sign(sign.signId()))).isEmpty();
    }

    @Test
    void emptyAndOversizedUploadsAreRefusedAndNothingIsStored() throws IOException {
        assertThatThrownBy(() -> photos.add(PhotoOwner.sign(sign.signId()), new byte[0], null, WHO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("error.photo.empty"));
        byte[] png = TestImages.encoded("png");
        byte[] huge = Arrays.copyOf(png, Photos.MAX_BYTES + 1); // a PNG header, then too many bytes
        assertThatThrownBy(() -> photos.add(PhotoOwner.sign(sign.signId()), huge, null, WHO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("error.photo.too-large"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from gazetteer.photo where sign_id = ?", Long.class, sign.signId()))
                .isZero();
        assertThat(audit.history("sign", Long.toString(sign.signId())))
                .noneMatch(e -> e.action().startsWith("photo"));
    }

    @Test
    void photosOfAProtectionEntryAndOfAMissingOwner() throws IOException {
        ProtectionEntry entry = signs.addEntry(
                new ProtectionEntry(
                        0, null, null, "照片老街", "DISTRICT", 1, "百年老街", 120, "VANISHED", null, null, null, null, "test"),
                WHO);
        PhotoInfo p = photos.add(PhotoOwner.entry(entry.entryId()), TestImages.encoded("png"), "旧照翻拍", WHO);
        assertThat(p.owner()).isEqualTo(PhotoOwner.entry(entry.entryId()));
        assertThat(audit.history("protection-entry", Long.toString(entry.entryId())))
                .anyMatch(e -> e.action().equals("photo-add"));
        assertThatThrownBy(() -> photos.add(PhotoOwner.sign(987654321L), TestImages.encoded("png"), null, WHO))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> photos.photo(987654321L)).isInstanceOf(NotFoundException.class);
    }
}
