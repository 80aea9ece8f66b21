package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SeekingPrefixQueryTest {

    private static final List<String> KEYS =
            List.of("tong", "tongnan", "tongnanqu", "tongliang", "tou", "潼南", "潼南区", "潼", "铜梁", "a", "zzz");

    @Test
    void findsWhatLucenesPrefixQueryFinds() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (String k : KEYS) {
                    Document d = new Document();
                    d.add(new StringField("k", k, Field.Store.YES));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String prefix :
                        List.of("tong", "tongn", "tongnanqu", "tongnanqux", "to", "t", "潼南", "潼", "铜", "zzzz", "b")) {
                    Term t = new Term("k", prefix);
                    assertThat(keys(searcher, new SeekingPrefixQuery(t)))
                            .as(prefix)
                            .containsExactlyInAnyOrderElementsOf(keys(searcher, new PrefixQuery(t)));
                }
                assertThat(keys(searcher, new SeekingPrefixQuery(new Term("k", "tongn"))))
                        .containsExactlyInAnyOrder("tongnan", "tongnanqu");
            }
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

    private static List<String> keys(IndexSearcher searcher, Query q) throws IOException {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(q, 100).scoreDocs) {
            out.add(searcher.storedFields().document(sd.doc).get("k"));
        }
        return out;
    }
}
