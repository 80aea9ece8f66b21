package cn.mingjie.gazetteer.search;

/** What a name is to its place. */
public enum NameKind {
    /** The name in force (or the last one, for a place that ceased). */
    CURRENT,
    /** A former name, with its validity period. */
    HISTORICAL,
    /** Another name in use: a variant, a romanization, a postal or Wade–Giles form. */
    ALIAS
}
