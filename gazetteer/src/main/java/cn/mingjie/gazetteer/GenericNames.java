package cn.mingjie.gazetteer;

import java.util.List;

/**
 * Splits a division name into 专名 and 通名 by its administrative suffix (潼南区 → 潼南 + 区). The
 * division register stores whole names only; the split is derived on reading, never stored.
 */
public final class GenericNames {

    /** Longest first, so that 社区居民委员会 wins over 委员会-less endings. */
    private static final List<String> SUFFIXES =
            List.of("社区居民委员会", "村民委员会", "居民委员会", "居委会", "自治县", "街道", "社区", "镇", "乡", "区", "县", "市", "村");

    private GenericNames() {}

    /** [专名, 通名]; a name that is only a suffix, or has none, keeps everything as 专名. */
    public static String[] split(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return new String[] {name.substring(0, name.length() - suffix.length()), suffix};
            }
        }
        return new String[] {name, ""};
    }
}
