package cn.mingjie.web.support;

import org.springframework.http.ResponseEntity;

/** Version tags as HTTP entity tags. */
public final class ETags {

    private ETags() {}

    /** 200 with the body and its version tag as the ETag, the answer to every read or update of a versioned record. */
    public static <T> ResponseEntity<T> ok(String versionTag, T body) {
        return ResponseEntity.ok().eTag(quote(versionTag)).body(body);
    }

    public static String quote(String versionTag) {
        return "\"" + versionTag + "\"";
    }

    /** The version tag in an If-Match header; a missing header is refused (428). */
    public static String required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        return tag.replace("\"", "");
    }
}
