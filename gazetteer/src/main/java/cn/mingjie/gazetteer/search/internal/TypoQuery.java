package cn.mingjie.gazetteer.search.internal;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * The keys within a number of edits of typed letters, the first letter as typed and a swap of two
 * neighbours one edit (Damerau). Lucene's {@link FuzzyQuery} builds its automata for any Unicode text:
 * every query converts them to UTF-8 and determinizes them, most of a typo query's cost. Pinyin is ASCII,
 * and over ASCII the Levenshtein automaton on characters already is the deterministic one on bytes. The
 * price: for typed ASCII an edit is an ASCII letter, so a key whose one difference is a non-ASCII letter
 * (a GeoNames romanization with tone marks, whose place has a plain pinyin key as well) is not found.
 */
final class TypoQuery {

    private static final int ASCII_MAX = 127;

    private TypoQuery() {}

    static Query of(String field, String typed, int edits) {
        if (typed.isEmpty() || !typed.chars().allMatch(c -> c <= ASCII_MAX)) {
            return new FuzzyQuery(new Term(field, typed), edits, 1, FuzzyQuery.defaultMaxExpansions, true);
        }
        Automaton within = new LevenshteinAutomata(typed.substring(1).chars().toArray(), ASCII_MAX, true)
                .toAutomaton(edits, typed.substring(0, 1));
        return new AutomatonQuery(new Term(field, typed), within, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, true);
    }
}
