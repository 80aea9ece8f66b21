package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.romanization.GenericTerms;
import cn.mingjie.gazetteer.romanization.PlaceNameDictionary;
import cn.mingjie.gazetteer.romanization.Romanizer;
import org.junit.jupiter.api.Test;

class NameKeysTest {

    @Test
    void lettersThatSplitIntoWholeSyllablesAreNotTakenForInitials() {
        assertThat(NameKeys.wholeSyllables("ta")).isTrue();
        assertThat(NameKeys.wholeSyllables("xian")).isTrue();
        assertThat(NameKeys.wholeSyllables("tongnan")).isTrue();
        assertThat(NameKeys.wholeSyllables("shuangjiang")).isTrue();
        assertThat(NameKeys.wholeSyllables("lve")).isTrue();
        assertThat(NameKeys.wholeSyllables("lue")).isTrue();
        // da + z, s + y + z: only initials (or an unfinished syllable) can mean these.
        assertThat(NameKeys.wholeSyllables("daz")).isFalse();
        assertThat(NameKeys.wholeSyllables("syz")).isFalse();
        assertThat(NameKeys.wholeSyllables("sjz")).isFalse();
        assertThat(NameKeys.wholeSyllables("tnq")).isFalse();
        assertThat(NameKeys.wholeSyllables("cq")).isFalse();
        assertThat(NameKeys.wholeSyllables("")).isFalse();
    }

    @Test
    void theUsualReadingsKeysComeFirst() {
        assertThat(NameKeys.usualKeys("长坪乡", "长坪")).isEqualTo(2);
        assertThat(NameKeys.usualKeys("忠县", "忠县")).isEqualTo(1);
    }

    @Test
    void queriesAreNormalizedToSimplifiedLowerCaseWithSingleSpaces() {
        assertThat(NameKeys.normalize("  重慶　潼南 ")).isEqualTo("重庆 潼南");
        assertThat(NameKeys.normalize("Xi'an")).isEqualTo("xian");
        assertThat(NameKeys.normalize("T'ung-nan")).isEqualTo("tungnan");
        assertThat(NameKeys.normalize("潼南，, 双江")).isEqualTo("潼南 双江");
        assertThat(NameKeys.normalize("ＴＯＮＧＮＡＮ")).isEqualTo("tongnan");
        assertThat(NameKeys.normalize("lüe")).isEqualTo("lve");
        assertThat(NameKeys.normalize(" ,. ")).isEmpty();
    }

    @Test
    void queryPinyinHasEveryReadingOfAPolyphoneUpToTheLimit() {
        Romanizer romanizer = new Romanizer(PlaceNameDictionary.builtIn(), GenericTerms.standard());
        assertThat(NameKeys.queryPinyin("潼南", romanizer, 16)).containsExactly("tongnan", "tongna"); // 南 also nā
        assertThat(NameKeys.queryPinyin("潼nan", romanizer, 16)).containsExactly("tongnan");
        // 32 combinations, the first 16 kept: the first character's reading varies slowest
        assertThat(NameKeys.queryPinyin("长长长长长", romanizer, 16))
                .hasSize(16)
                .contains("changchangchangchangchang", "changzhangzhangzhangzhang")
                .doesNotContain("zhangchangchangchangchang");
    }
}
