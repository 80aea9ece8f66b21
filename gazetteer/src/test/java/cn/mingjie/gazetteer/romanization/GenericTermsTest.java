package cn.mingjie.gazetteer.romanization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenericTermsTest {

    private final GenericTerms terms = GenericTerms.standard();

    private String split(String name) {
        GenericTerms.NameParts parts = terms.split(name);
        return parts.generics().isEmpty() ? parts.specific() : parts.specific() + " + " + parts.genericText();
    }

    @Test
    void administrativeTermsArePeeledRepeatedlyLongestFirst() {
        assertThat(split("长河源社区居民委员会")).isEqualTo("长河源 + 社区居民委员会");
        assertThat(terms.split("长河源村村民委员会").generics())
                .extracting(GenericTerms.Term::text)
                .containsExactly("村", "村民委员会");
        assertThat(split("潼南区")).isEqualTo("潼南 + 区");
        assertThat(split("双江镇")).isEqualTo("双江 + 镇");
        assertThat(split("綦江区")).isEqualTo("綦江 + 区");
    }

    @Test
    void aNaturalFeatureTermOnlyOnceAndOnlyWithoutAnAdministrativeOne() {
        assertThat(split("綦江")).isEqualTo("綦 + 江");
        assertThat(split("缙云山")).isEqualTo("缙云 + 山");
    }

    @Test
    void theSpecificPartIsNeverEmpty() {
        assertThat(split("区")).isEqualTo("区");
        assertThat(split("社区")).isEqualTo("社 + 区");
        assertThat(split("潼南")).isEqualTo("潼南");
    }
}
