package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.junit.jupiter.api.Test;

class TypoQueryTest {

    private static final List<String> KEYS = List.of(
            "tongnan",
            "tongnna",
            "tongnnan",
            "tongan",
            "tonglan",
            "dongnan",
            "tongnanqu",
            "tongnanq",
            "tongliang",
            "ongnan",
            "ttongnan",
            "tōngnan",
            "tongnan区",
            "shuangjiangzhen",
            "shuangjiangzhne",
            "shuangjingzhen",
            "shaungjiangzhen",
            "shuanjiangzhn",
            "suangjiangzhen");

    @Test
    void findsWhatAFuzzyQueryWithTheSameEditsFindsWhereTheEditsAreAscii() throws IOException {
        try (KeywordIndex index = new KeywordIndex("p", KEYS)) {
            for (String typed : List.of("tongnan", "tongnna", "shuangjiangzhen", "shuangjaingzhen", "tōngnan")) {
                for (int edits = 1; edits <= 2; edits++) {
                    TreeSet<String> fuzzy = index.keys(new FuzzyQuery(new Term("p", typed), edits, 1, 1000, true));
                    assertThat(index.keys(TypoQuery.of("p", typed, edits)))
                            .as("%s, %d edits", typed, edits)
                            .isEqualTo(typed.chars().allMatch(c -> c < 128) ? ascii(fuzzy) : fuzzy);
                }
            }
            assertThat(index.keys(TypoQuery.of("p", "tongnan", 1)))
                    .containsExactlyInAnyOrder(
                            "tongnan", "tongnna", "tongnnan", "tongan", "tonglan", "tongnanq", "ttongnan");
        }
    }

    /** Typed ASCII, edits are ASCII letters (see TypoQuery): the keys a non-ASCII edit reaches are not found. */
    private static TreeSet<String> ascii(TreeSet<String> keys) {
        keys.removeIf(k -> !k.chars().allMatch(c -> c < 128));
        return keys;
    }
}
