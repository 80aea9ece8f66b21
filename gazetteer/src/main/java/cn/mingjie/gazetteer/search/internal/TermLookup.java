package cn.mingjie.gazetteer.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The unscored term queries of one search (constant-score clauses and filters), each term looked up at
 * most once in the searcher's term dictionary, when first matched: a {@link TermQuery} without its
 * {@link TermStates} seeks again for every weight, and a query's narrow stage, its whole query and its
 * typo fallback use the same terms (a quarter of a cheap query's CPU was these seeks). The states carry
 * no statistics, so a scored (BM25) term query must not come from here.
 */
final class TermLookup {

    private final IndexSearcher searcher;
    private final Map<Term, Query> queries = new HashMap<>();

    TermLookup(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    Query term(String field, String value) {
        return queries.computeIfAbsent(new Term(field, value), t -> {
            try {
                return new TermQuery(t, TermStates.build(searcher, t, false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
