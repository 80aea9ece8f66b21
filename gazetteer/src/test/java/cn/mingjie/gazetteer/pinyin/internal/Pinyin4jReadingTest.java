package cn.mingjie.gazetteer.pinyin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.pinyin.PinyinReading;
import org.junit.jupiter.api.Test;

class Pinyin4jReadingTest {

    final PinyinReading pinyin = PinyinReading.standard();

    @Test
    void marksTonesTheHanyuPinyinWayIncludingTheThirdToneCaron() {
        assertThat(pinyin.syllables("潼南区")).containsExactly("tóng", "nán", "qū");
        assertThat(pinyin.syllables("城口")).containsExactly("chéng", "kǒu");
        assertThat(pinyin.syllables("绿水")).containsExactly("lǜ", "shuǐ");
    }

    @Test
    void keepsEveryReadingOfPolyphonicCharactersUpToTheLimit() {
        assertThat(pinyin.tonelessReadings("长河", 16)).contains("changhe", "zhanghe");
        assertThat(pinyin.tonelessReadings("长长长长长", 4)).hasSize(4);
        assertThat(pinyin.tonelessReadings("吕", 4)).contains("lv");
        assertThat(pinyin.tonelessReadings("A区", 4)).contains("aqu"); // 区 also reads ōu (a surname)
    }
}
