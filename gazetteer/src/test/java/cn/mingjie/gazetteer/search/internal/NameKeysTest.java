package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
