package cn.mingjie.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenericNamesTest {

    @Test
    void splitsByTheLongestAdministrativeSuffix() {
        assertThat(GenericNames.split("潼南区")).containsExactly("潼南", "区");
        assertThat(GenericNames.split("长河源社区居民委员会")).containsExactly("长河源", "社区居民委员会");
        assertThat(GenericNames.split("双江村民委员会")).containsExactly("双江", "村民委员会");
        assertThat(GenericNames.split("梓潼街道")).containsExactly("梓潼", "街道");
        assertThat(GenericNames.split("石柱土家族自治县")).containsExactly("石柱土家族", "自治县");
        assertThat(GenericNames.split("区")).containsExactly("区", "");
        assertThat(GenericNames.split("市辖区")).containsExactly("市辖", "区");
    }
}
