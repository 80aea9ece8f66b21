package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LevenshteinTest {

    @Test
    void golden() {
        assertThat(Levenshtein.distance("tongnan", "tongnan", 2)).isZero();
        assertThat(Levenshtein.distance("tongnan", "tungnan", 2)).isEqualTo(1);
        assertThat(Levenshtein.distance("tongnan", "tongnanqu", 2)).isEqualTo(2);
        assertThat(Levenshtein.distance("tongnan", "ongnan", 2)).isEqualTo(1);
        // a transposition is two edits here, as in Lucene's non-transposing automaton
        assertThat(Levenshtein.distance("tongnan", "tognnan", 2)).isEqualTo(2);
        assertThat(Levenshtein.distance("tongnan", "shuangjiang", 2)).isEqualTo(3);
        assertThat(Levenshtein.distance("", "ab", 2)).isEqualTo(2);
        assertThat(Levenshtein.distance("abc", "", 2)).isEqualTo(3);
    }

    /** The banded computation agrees with the full table wherever the distance is within the bound. */
    @Test
    void agreesWithTheFullTable() {
        Random random = new Random(16159);
        for (int run = 0; run < 20_000; run++) {
            String a = randomWord(random);
            String b = random.nextBoolean() ? randomWord(random) : mutate(a, random);
            int max = random.nextInt(4);
            int full = full(a, b);
            assertThat(Levenshtein.distance(a, b, max))
                    .as("%s / %s, max %d", a, b, max)
                    .isEqualTo(Math.min(full, max + 1));
        }
    }

    private static String randomWord(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(9);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(4)));
        }
        return s.toString();
    }

    private static String mutate(String a, Random random) {
        StringBuilder s = new StringBuilder(a);
        for (int edits = random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(s.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> s.insert(at, (char) ('a' + random.nextInt(4)));
                case 1 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) ('a' + random.nextInt(4)));
                    }
                }
            }
        }
        return s.toString();
    }

    private static int full(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0
                        ? j
                        : j == 0
                                ? i
                                : Math.min(
                                        Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
