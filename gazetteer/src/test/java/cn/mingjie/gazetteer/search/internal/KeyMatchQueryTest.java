package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The one query scores what the boolean query it replaced scored: for every document, the weights of the
 * clauses whose keys it has, plus each tie-break term's score as a boosted term query gives it, plus the
 * weighted importance; documents without a clause's keys (with {@code narrowOnly}, without a narrow
 * clause's) do not match. Random documents over a few segments, checked against that sum computed
 * independently.
 */
class KeyMatchQueryTest {

    private static final String[] WORDS = {"ab", "abc", "abd", "b", "bc", "c"};

    @Test
    void scoresTheSumOfTheMatchedClausesTieBreaksAndImportance() throws IOException {
        Random random = new Random(5);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (int i = 0; i < 600; i++) {
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                    for (String field : List.of("x", "y")) {
                        for (String word : WORDS) {
                            if (random.nextInt(4) == 0) {
                                d.add(new StringField(field, word, Field.Store.YES));
                            }
                        }
                    }
                    d.add(new FloatDocValuesField("importance", random.nextFloat()));
                    w.addDocument(d);
                    if (i % 200 == 199) {
                        w.commit(); // several segments, each with its own dictionary
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                List<KeyMatchQuery.Clause> clauses = List.of(
                        new KeyMatchQuery.Clause(new KeyMatchQuery.OneTerm(new Term("x", "abc")), 100, true),
                        new KeyMatchQuery.Clause(
                                new KeyMatchQuery.AllTerms(List.of(new Term("y", "b"), new Term("y", "c"))), 60, false),
                        new KeyMatchQuery.Clause(
                                new KeyMatchQuery.AnyTerm(new SeekingPrefixQuery(new Term("y", "ab"))), 40, true),
                        new KeyMatchQuery.Clause(new KeyMatchQuery.OneTerm(new Term("x", "absent")), 7, true));
                List<Term> ties = List.of(new Term("x", "b"), new Term("y", "bc"), new Term("x", "absent"));
                for (boolean narrowOnly : new boolean[] {false, true}) {
                    KeyMatchQuery query = new KeyMatchQuery(
                            clauses, ties, 2f, narrowOnly, "importance", 5f, new TermLookup(searcher));
                    Map<Integer, Double> expected = expected(searcher, reader, narrowOnly, ties);
                    ScoreDoc[] hits = searcher.search(query, 1000).scoreDocs;
                    assertThat(hits).as("narrow only: %s", narrowOnly).hasSize(expected.size());
                    for (ScoreDoc hit : hits) {
                        assertThat((double) hit.score)
                                .as("document %d, narrow only: %s", hit.doc, narrowOnly)
                                .isCloseTo(expected.get(hit.doc), within(1e-4));
                    }
                }
            }
        }
    }

    /** The scores by the rule in the class comment, from the stored keys and single-term searches. */
    private static Map<Integer, Double> expected(
            IndexSearcher searcher, DirectoryReader reader, boolean narrowOnly, List<Term> ties) throws IOException {
        Map<Term, Map<Integer, Float>> tieScores = new HashMap<>();
        for (Term t : ties) {
            Map<Integer, Float> scores = new HashMap<>();
            for (ScoreDoc sd : searcher.search(new BoostQuery(new TermQuery(t), 2f), 1000).scoreDocs) {
                scores.put(sd.doc, sd.score);
            }
            tieScores.put(t, scores);
        }
        Map<Integer, Double> expected = new HashMap<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document d = searcher.storedFields().document(doc);
            List<String> x = List.of(d.getValues("x"));
            List<String> y = List.of(d.getValues("y"));
            boolean exact = x.contains("abc");
            boolean both = y.contains("b") && y.contains("c");
            boolean prefix = y.stream().anyMatch(v -> v.startsWith("ab"));
            boolean candidate = narrowOnly ? exact || prefix : exact || both || prefix;
            if (!candidate) {
                continue;
            }
            double score = (exact ? 100 : 0) + (both ? 60 : 0) + (prefix ? 40 : 0);
            for (Term t : ties) {
                score += tieScores.get(t).getOrDefault(doc, 0f);
            }
            score += 5 * importance(reader, doc);
            expected.put(doc, score);
        }
        return expected;
    }

    private static float importance(DirectoryReader reader, int doc) throws IOException {
        var leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
        var values = leaf.reader().getNumericDocValues("importance");
        values.advanceExact(doc - leaf.docBase);
        return Float.intBitsToFloat((int) values.longValue());
    }
}
