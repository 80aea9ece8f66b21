package cn.mingjie.gazetteer.romanization;

import java.util.List;

/**
 * The reading of one character of a name. {@code plain} is toneless pinyin as written in
 * romanizations ({@code lü}); {@code key} is the same in ASCII for search keys ({@code lv});
 * {@code alternatives} are all distinct toneless keys the character can have, the chosen one first.
 */
public record Reading(
        String character, String toned, String plain, String key, Basis basis, List<String> alternatives) {

    /** Why this reading was chosen. */
    public enum Basis {
        /** The place-name dictionary (built in or the office's own entries). */
        PLACE_DICTIONARY,
        /** Part of a 通名 of the generic-term list, which fixes its romanization. */
        GENERIC_TERM,
        /** A word of the base library's general lexicon that contains the character. */
        LEXICON,
        /** The character has only one reading. */
        SINGLE_READING,
        /** A polyphonic character that nothing resolved: the most common reading, flagged ambiguous. */
        GUESS,
        /** No reading known (rare character): the character is kept, flagged ambiguous. */
        UNKNOWN,
        /** Not a Chinese character (digit, Latin letter): kept as written. */
        NOT_HAN
    }

    public boolean ambiguous() {
        return basis == Basis.GUESS || basis == Basis.UNKNOWN;
    }
}
