package cn.mingjie.geocore.layer;

import java.util.regex.Pattern;

/**
 * One attribute a layer exposes: a column of its source view, its type (which decides how filter
 * values are bound) and its titles. Only listed attributes are ever selected, filtered or served.
 */
public record LayerAttribute(String name, Type type, String titleZh, String titleEn) {

    /** Column names go into SQL text, so they are plain lower-case identifiers only. */
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public enum Type {
        TEXT,
        INTEGER,
        NUMBER,
        BOOLEAN,
        DATE
    }

    public LayerAttribute {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("attribute name must be a plain identifier: " + name);
        }
    }

    public static LayerAttribute text(String name, String titleZh, String titleEn) {
        return new LayerAttribute(name, Type.TEXT, titleZh, titleEn);
    }

    public static LayerAttribute integer(String name, String titleZh, String titleEn) {
        return new LayerAttribute(name, Type.INTEGER, titleZh, titleEn);
    }

    public static LayerAttribute bool(String name, String titleZh, String titleEn) {
        return new LayerAttribute(name, Type.BOOLEAN, titleZh, titleEn);
    }

    public static LayerAttribute date(String name, String titleZh, String titleEn) {
        return new LayerAttribute(name, Type.DATE, titleZh, titleEn);
    }
}
