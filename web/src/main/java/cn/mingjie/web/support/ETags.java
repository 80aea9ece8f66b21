package cn.mingjie.web.support;

/** Version tags as HTTP entity tags. */
public final class ETags {

    private ETags() {}

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
