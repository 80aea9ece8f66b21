package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
                    TreeSet<String> expected = typed.chars().allMatch(c -> c < 128) ? ascii(fuzzy) : fuzzy;
                    for (long walkUpToKeys : new long[] {Long.MAX_VALUE, 0}) {
                        assertThat(index.keys(TypoQuery.of("p", typed, edits, walkUpToKeys)))
                                .as("%s, %d edits, walk up to %d keys", typed, edits, walkUpToKeys)
                                .isEqualTo(expected);
                    }
                }
            }
            assertThat(index.keys(TypoQuery.of("p", "tongnan", 1)))
                    .containsExactlyInAnyOrder(
                            "tongnan", "tongnna", "tongnnan", "tongan", "tonglan", "tongnanq", "ttongnan");
        }
    }

    /**
     * The walk and the automaton against the fuzzy query on many random keys that are near each other (a small alphabet,
     * each key an edit or two of a few stems, some with a non-ASCII letter), so that its skips past dead
     * leading letters and its reuse of the rows of a shared beginning are exercised on every kind of
     * neighbour.
     */
    @Test
    void agreesWithTheFuzzyQueryOnRandomNeighbours() throws IOException {
        Random random = new Random(11);
        String letters = "abcdo";
        List<String> stems = List.of("abcab", "badcoab", "cabba", "aaab", "ab", "docbadcab");
        Set<String> keys = new HashSet<>();
        while (keys.size() < 3000) {
            StringBuilder k = new StringBuilder(stems.get(random.nextInt(stems.size())));
            for (int e = random.nextInt(4); e > 0 && !k.isEmpty(); e--) {
                int at = random.nextInt(k.length());
                char c = random.nextInt(40) == 0 ? 'ō' : letters.charAt(random.nextInt(letters.length()));
                switch (random.nextInt(3)) {
                    case 0 -> k.setCharAt(at, c);
                    case 1 -> k.insert(at, c);
                    default -> k.deleteCharAt(at);
                }
            }
            keys.add(k.toString());
        }
        try (KeywordIndex index = new KeywordIndex("p", List.copyOf(keys))) {
            for (String typed : keys.stream()
                    .filter(k -> k.chars().allMatch(c -> c < 128))
                    .limit(300)
                    .toList()) {
                for (int edits = 1; edits <= 2; edits++) {
                    TreeSet<String> fuzzy =
                            ascii(index.keys(new FuzzyQuery(new Term("p", typed), edits, 1, 100_000, true)));
                    assertThat(index.keys(TypoQuery.of("p", typed, edits, Long.MAX_VALUE)))
                            .as("walk, %s, %d edits", typed, edits)
                            .isEqualTo(fuzzy);
                    assertThat(index.keys(TypoQuery.of("p", typed, edits, 0)))
                            .as("automaton, %s, %d edits", typed, edits)
                            .isEqualTo(fuzzy);
                }
            }
        }
    }

    /** Typed ASCII, edits are ASCII letters (see TypoQuery): the keys a non-ASCII edit reaches are not found. */
    private static TreeSet<String> ascii(TreeSet<String> keys) {
        keys.removeIf(k -> !k.chars().allMatch(c -> c < 128));
        return keys;
    }
}
