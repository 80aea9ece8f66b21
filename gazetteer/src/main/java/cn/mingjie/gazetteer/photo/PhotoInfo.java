package cn.mingjie.gazetteer.photo;

import java.time.OffsetDateTime;

/** A stored photo without its bytes: type (from the magic bytes), size, SHA-256, caption, who uploaded it and when. */
public record PhotoInfo(
        long photoId,
        PhotoOwner owner,
        String contentType,
        int byteSize,
        String sha256,
        String caption,
        String uploadedBy,
        OffsetDateTime uploadedAt) {}
