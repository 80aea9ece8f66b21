package cn.mingjie.gazetteer.pinyin.internal;

import cn.mingjie.gazetteer.pinyin.PinyinReading;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** Readings from pinyin4j (com.belerweb:pinyin4j), a per-character dictionary with all heteronyms. */
public final class Pinyin4jReading implements PinyinReading {

    public static final Pinyin4jReading INSTANCE = new Pinyin4jReading();

    private final HanyuPinyinOutputFormat marked = format(HanyuPinyinToneType.WITH_TONE_MARK);
    private final HanyuPinyinOutputFormat toneless = format(HanyuPinyinToneType.WITHOUT_TONE);

    private Pinyin4jReading() {}

    private static HanyuPinyinOutputFormat format(HanyuPinyinToneType tone) {
        HanyuPinyinOutputFormat f = new HanyuPinyinOutputFormat();
        f.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        f.setToneType(tone);
        // Tone marks need ü as a character; toneless keys spell it v so that lü and lu stay distinct.
        f.setVCharType(
                tone == HanyuPinyinToneType.WITH_TONE_MARK
                        ? HanyuPinyinVCharType.WITH_U_UNICODE
                        : HanyuPinyinVCharType.WITH_V);
        return f;
    }

    @Override
    public List<String> syllables(String text) {
        List<String> out = new ArrayList<>();
        text.codePoints().forEach(cp -> {
            String[] readings = readings(cp, marked);
            out.add(readings.length == 0 ? Character.toString(cp) : thirdToneWithCaron(readings[0]));
        });
        return out;
    }

    @Override
    public Set<String> tonelessReadings(String text, int limit) {
        Set<String> partial = new LinkedHashSet<>(List.of(""));
        for (int cp : text.codePoints().toArray()) {
            String[] readings = readings(cp, toneless);
            Set<String> options = new LinkedHashSet<>(
                    readings.length == 0 ? List.of(Character.toString(cp).toLowerCase()) : List.of(readings));
            Set<String> next = new LinkedHashSet<>();
            for (String prefix : partial) {
                for (String option : options) {
                    if (next.size() < limit) {
                        next.add(prefix + option);
                    }
                }
            }
            partial = next;
        }
        return partial;
    }

    /** pinyin4j marks the third tone of a, e, i, o, u with a breve (ĭ); Hanyu Pinyin uses the caron (ǐ). */
    static String thirdToneWithCaron(String syllable) {
        return syllable.replace('ă', 'ǎ')
                .replace('ĕ', 'ě')
                .replace('ĭ', 'ǐ')
                .replace('ŏ', 'ǒ')
                .replace('ŭ', 'ǔ');
    }

    private static String[] readings(int codePoint, HanyuPinyinOutputFormat format) {
        if (!Character.isBmpCodePoint(codePoint)) {
            return new String[0];
        }
        try {
            String[] r = PinyinHelper.toHanyuPinyinStringArray((char) codePoint, format);
            return r == null ? new String[0] : new LinkedHashSet<>(List.of(r)).toArray(String[]::new);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
