package cn.mingjie.gazetteer.search.internal;

/**
 * The scores of match kinds (decided in Java on the candidates) and the weights of the retrieval
 * clauses that find them, in one place: a candidate's final score is its base score below, minus a
 * former-name or alias penalty, plus {@link #IMPORTANCE} × importance (0.3–1) and up to
 * {@link #DISTANCE} for nearness to the map centre.
 */
final class MatchScores {

    // ---- base scores of a candidate's match kind ----------------------------------------------
    static final double EXACT = 100;
    /** The typed characters are the name's 专名 (潼南 → 潼南区). */
    static final double EXACT_SPECIFIC = 96;

    static final double PREFIX = 80;
    static final double PREFIX_AUTOCOMPLETE = 92;
    /** Minus one per character the name is longer, at most this much (a prefix stays ≥ 72). */
    static final double PREFIX_MAX_PENALTY = 8;

    /** Same 专名, other 通名 (鼎山镇 → 鼎山街道). */
    static final double SAME_SPECIFIC = 70;
    /** The typed characters inside the name, minus one per extra character (at most 10). */
    static final double PARTIAL = 60;

    static final double PINYIN = 85;
    /** Minus half a point per letter the key is longer (at most 10). */
    static final double PINYIN_PREFIX = 75;

    /** Initials typed that also split into whole syllables (ta, xian): a pinyin prefix ranks first. */
    static final double INITIALS = 70;
    /**
     * Initials that are no sequence of whole syllables (daz, tnq, sjz): they can only mean initials,
     * so an exact initials match ranks above any pinyin prefix (daz → 东安镇 before 大足区, "da z…").
     */
    static final double INITIALS_ONLY = 78;

    /**
     * The letters are the initials of the 专名 only, not of the whole name (dlc: 堆联城村 below 渡炉村,
     * whose 通名 was typed too); more than the importance of a feature over a village.
     */
    static final double SPECIFIC_INITIALS_PENALTY = 3;

    static final double INITIALS_PREFIX = 60;

    /**
     * A homophone of the whole typed name with its 通名 (鼎山镇 → 丁山镇), plus {@link
     * #HOMOPHONE_SHARE} × the share of typed characters in place: above a name that only shares the
     * 专名 (鼎山街道, {@link #SAME_SPECIFIC}) when most characters are in place.
     */
    static final double HOMOPHONE_WHOLE = 67;
    /** A homophone of the typed characters (铜南 → 潼南区), plus the share term. */
    static final double HOMOPHONE = 45;

    static final double HOMOPHONE_SHARE = 5;
    /** The typed characters' sound starts the name's (autocomplete only). */
    static final double HOMOPHONE_PREFIX = 40;

    /** Minus {@link #FUZZY_PER_EDIT} per edit. */
    static final double FUZZY = 35;

    static final double FUZZY_PER_EDIT = 5;

    /**
     * The match went through an unresolved polyphone's other reading, not its usual one: rarer than
     * typing the 专名's initials only, so more than {@link #SPECIFIC_INITIALS_PENALTY}.
     */
    static final double OTHER_READING_PENALTY = 4;

    static final double HISTORICAL_PENALTY = 8;
    static final double ALIAS_PENALTY = 4;
    static final double IMPORTANCE = 10;
    static final double DISTANCE = 8;

    // ---- weights of the retrieval clauses (constant-score) ------------------------------------
    static final float W_EXACT = 100;
    static final float W_EXACT_SPECIFIC = 70;
    static final float W_PREFIX = 80;
    static final float W_PREFIX_AUTOCOMPLETE = 95;
    static final float W_BIGRAMS = 60;
    /** Pinyin of typed characters (homophones). */
    static final float W_HOMOPHONE = 50;
    /** Pinyin of typed characters with a 通名: whole-name homophones rank above same-专名 names. */
    static final float W_HOMOPHONE_WHOLE = 80;

    static final float W_HOMOPHONE_PREFIX = 40;
    static final float W_PINYIN = 85;
    static final float W_PINYIN_PREFIX = 75;
    static final float W_INITIALS = 70;
    static final float W_INITIALS_ONLY = 78;
    static final float W_INITIALS_PREFIX = 60;

    private MatchScores() {}
}
