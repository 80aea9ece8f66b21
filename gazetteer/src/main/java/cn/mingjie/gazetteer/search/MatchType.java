package cn.mingjie.gazetteer.search;

/** How a hit matched the query, best first. */
public enum MatchType {
    /** The whole name, or the name without its 通名 (双江 → 双江镇). */
    EXACT,
    /** The name starts with the query. */
    PREFIX,
    /** The name's pinyin equals or starts with the query (full pinyin, or characters mixed with pinyin). */
    PINYIN,
    /** The initials of the name's syllables (tn → 潼南). */
    INITIALS,
    /** The query occurs inside the name, or only its 专名 matches (潼南县 → 潼南区). */
    PARTIAL,
    /** Different characters with the same sound (铜南 → 潼南). */
    HOMOPHONE,
    /** Pinyin within one or two typing errors. */
    FUZZY,
    /** A former name matched; see the hit's validity period. */
    HISTORICAL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
