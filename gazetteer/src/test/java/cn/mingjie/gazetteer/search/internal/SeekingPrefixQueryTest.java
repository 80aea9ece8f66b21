package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class SeekingPrefixQueryTest {

    private static final List<String> KEYS =
            List.of("tong", "tongnan", "tongnanqu", "tongliang", "tou", "潼南", "潼南区", "潼", "铜梁", "a", "zzz");

    @Test
    void findsWhatLucenesPrefixQueryFinds() throws IOException {
        try (KeywordIndex index = new KeywordIndex("k", KEYS)) {
            for (String prefix :
                    List.of("tong", "tongn", "tongnanqu", "tongnanqux", "to", "t", "潼南", "潼", "铜", "zzzz", "b")) {
                Term t = new Term("k", prefix);
                assertThat(index.keys(new SeekingPrefixQuery(t))).as(prefix).isEqualTo(index.keys(new PrefixQuery(t)));
            }
            assertThat(index.keys(new SeekingPrefixQuery(new Term("k", "tongn"))))
                    .containsExactly("tongnan", "tongnanqu");
        }
    }

    @Test
    void queriesOfTheSamePrefixAreEqual() {
        Query a = new SeekingPrefixQuery(new Term("k", "tongn"));
        assertThat(a).isEqualTo(new SeekingPrefixQuery(new Term("k", "tongn")));
        assertThat(a).hasSameHashCodeAs(new SeekingPrefixQuery(new Term("k", "tongn")));
        assertThat(a).isNotEqualTo(new SeekingPrefixQuery(new Term("k", "tong")));
        assertThat(a).isNotEqualTo(new SeekingPrefixQuery(new Term("p", "tongn")));
        assertThat(a.toString("k")).isEqualTo("tongn*");
    }
}
