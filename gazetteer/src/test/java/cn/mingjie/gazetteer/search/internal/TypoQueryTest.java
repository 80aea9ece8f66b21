package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
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
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (String k : KEYS) {
                    Document d = new Document();
                    d.add(new StringField("p", k, Field.Store.YES));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String typed : List.of("tongnan", "tongnna", "shuangjiangzhen", "shuangjaingzhen", "tōngnan")) {
                    for (int edits = 1; edits <= 2; edits++) {
                        FuzzyQuery fuzzy = new FuzzyQuery(new Term("p", typed), edits, 1, 1000, true);
                        assertThat(keys(searcher, TypoQuery.of("p", typed, edits)))
                                .as("%s, %d edits", typed, edits)
                                .isEqualTo(
                                        typed.chars().allMatch(c -> c < 128)
                                                ? ascii(keys(searcher, fuzzy))
                                                : keys(searcher, fuzzy));
                    }
                }
                assertThat(keys(searcher, TypoQuery.of("p", "tongnan", 1)))
                        .containsExactlyInAnyOrder(
                                "tongnan", "tongnna", "tongnnan", "tongan", "tonglan", "tongnanq", "ttongnan");
            }
        }
    }

    /** Typed ASCII, edits are ASCII letters (see TypoQuery): the keys a non-ASCII edit reaches are not found. */
    private static TreeSet<String> ascii(TreeSet<String> keys) {
        keys.removeIf(k -> !k.chars().allMatch(c -> c < 128));
        return keys;
    }

    private static TreeSet<String> keys(IndexSearcher searcher, Query q) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (ScoreDoc sd : searcher.search(q, 100).scoreDocs) {
            out.add(searcher.storedFields().document(sd.doc).get("p"));
        }
        return out;
    }
}
