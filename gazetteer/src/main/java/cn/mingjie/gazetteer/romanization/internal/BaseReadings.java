package cn.mingjie.gazetteer.romanization.internal;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.dictionary.py.PinyinDictionary;

/** The base library (HanLP portable): per-character readings, general-lexicon words, t2s. */
public final class BaseReadings {

    /** Longest general-lexicon word tried; HanLP's pinyin lexicon has few longer place-like words. */
    public static final int MAX_LEXICON_WORD = 6;

    private BaseReadings() {}

    /** All readings of one character, the most common first; null if unknown. */
    public static Pinyin[] readingsOf(char c) {
        Pinyin[] p = PinyinDictionary.get(String.valueOf(c));
        return p == null || p.length == 0 || p[0] == Pinyin.none5 ? null : p;
    }

    /** The lexicon reading of a word of two or more characters, or null. */
    public static Pinyin[] word(String word) {
        Pinyin[] p = PinyinDictionary.get(word);
        return p != null && p.length == word.length() ? p : null;
    }

    /**
     * Traditional to simplified, except characters that are standard simplified characters of their
     * own which HanLP still converts: 乾 (乾县, 乾丰镇 Qiánfēng) is not 干.
     */
    public static String toSimplified(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (KEEP.indexOf(text.charAt(i)) >= 0) {
                out.append(convert(text.substring(from, i))).append(text.charAt(i));
                from = i + 1;
            }
        }
        return out.append(convert(text.substring(from))).toString();
    }

    private static final String KEEP = "乾";

    private static String convert(String text) {
        return text.isEmpty() ? text : HanLP.convertToSimplifiedChinese(text);
    }
}
