package cn.mingjie.gazetteer.pinyin;

import java.util.List;
import java.util.Set;

/**
 * Hanyu Pinyin readings of Chinese text. A small interface so that the romanization and search work
 * (issue 4) can swap the library without touching the naming rules.
 */
public interface PinyinReading {

    /** One syllable per character, tone-marked (e.g. 潼南 → [tóng, nán]); non-Han characters as they are. */
    List<String> syllables(String text);

    /**
     * Every toneless reading of the text, joined without spaces (e.g. 长河 → {changhe, zhanghe}), at most
     * {@code limit} combinations, so that polyphonic characters do not hide a homophone.
     */
    Set<String> tonelessReadings(String text, int limit);

    static PinyinReading standard() {
        return cn.mingjie.gazetteer.pinyin.internal.Pinyin4jReading.INSTANCE;
    }
}
