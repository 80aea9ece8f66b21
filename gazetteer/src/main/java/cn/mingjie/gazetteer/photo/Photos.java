package cn.mingjie.gazetteer.photo;

import cn.mingjie.gazetteer.protection.ProtectionAndSigns;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.media.ImageType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of signs and protection-list entries. An upload is accepted only when its bytes are a JPEG, PNG or WebP
 * image of at most {@link #MAX_BYTES}; uploads and removals are audited on the sign or entry they belong to.
 */
@Service
public class Photos {

    /** 5 MiB: a phone photo of a sign, without letting the database fill with raw camera files. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final String INFO_COLUMNS =
            "photo_id, sign_id, entry_id, content_type, byte_size, sha256, caption, uploaded_by, uploaded_at";

    private final JdbcTemplate jdbc;
    private final ProtectionAndSigns owners;
    private final AuditLog audit;

    public Photos(JdbcTemplate jdbc, ProtectionAndSigns owners, AuditLog audit) {
        this.jdbc = jdbc;
        this.owners = owners;
        this.audit = audit;
    }

    @Transactional
    public PhotoInfo add(PhotoOwner owner, byte[] bytes, String caption, ChangeContext who) {
        requireOwner(owner);
        if (bytes == null || bytes.length == 0) {
            throw ValidationException.of("file", "error.photo.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw ValidationException.of("file", "error.photo.too-large", bytes.length, MAX_BYTES);
        }
        ImageType type = ImageType.detect(bytes).orElseThrow(() -> ValidationException.of("file", "error.photo.type"));
        String cleanCaption = caption == null || caption.isBlank() ? null : Text.nfc(caption.strip());
        long id = jdbc.queryForObject(
                "insert into gazetteer.photo (" + owner.kind().column
                        + ", content_type, byte_size, sha256, bytes, caption, uploaded_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning photo_id",
                Long.class,
                owner.id(),
                type.contentType(),
                bytes.length,
                sha256(bytes),
                bytes,
                cleanCaption,
                who.actor());
        PhotoInfo stored = info(id);
        audit.record(who, owner.kind().entityType, Long.toString(owner.id()), "photo-add", null, summary(stored));
        return stored;
    }

    @Transactional
    public void remove(long photoId, ChangeContext who) {
        PhotoInfo before = info(photoId);
        jdbc.update("delete from gazetteer.photo where photo_id = ?", photoId);
        audit.record(
                who,
                before.owner().kind().entityType,
                Long.toString(before.owner().id()),
                "photo-remove",
                summary(before),
                null);
    }

    public List<PhotoInfo> list(PhotoOwner owner) {
        requireOwner(owner);
        return jdbc.query(
                "select " + INFO_COLUMNS + " from gazetteer.photo where " + owner.kind().column
                        + " = ? order by photo_id",
                Photos::mapInfo,
                owner.id());
    }

    public PhotoInfo info(long photoId) {
        return jdbc
                .query("select " + INFO_COLUMNS + " from gazetteer.photo where photo_id = ?", Photos::mapInfo, photoId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("photo", Long.toString(photoId)));
    }

    public Photo photo(long photoId) {
        PhotoInfo info = info(photoId);
        byte[] bytes =
                jdbc.queryForObject("select bytes from gazetteer.photo where photo_id = ?", byte[].class, photoId);
        return new Photo(info, bytes);
    }

    private void requireOwner(PhotoOwner owner) {
        switch (owner.kind()) {
            case SIGN -> owners.sign(owner.id());
            case ENTRY -> owners.entry(owner.id());
        }
    }

    private static Map<String, Object> summary(PhotoInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("photoId", p.photoId());
        m.put("contentType", p.contentType());
        m.put("byteSize", p.byteSize());
        m.put("sha256", p.sha256());
        m.put("caption", p.caption());
        return m;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static PhotoInfo mapInfo(ResultSet rs, int row) throws SQLException {
        Long signId = (Long) rs.getObject(2);
        PhotoOwner owner = signId != null ? PhotoOwner.sign(signId) : PhotoOwner.entry(rs.getLong(3));
        return new PhotoInfo(
                rs.getLong(1),
                owner,
                rs.getString(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getObject(9, OffsetDateTime.class));
    }
}
