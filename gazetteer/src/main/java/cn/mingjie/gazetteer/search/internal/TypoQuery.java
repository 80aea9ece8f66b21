package cn.mingjie.gazetteer.search.internal;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * The keys within a number of edits of typed letters, the first letter as typed and a swap of two
 * neighbours one edit (Damerau): what a {@link FuzzyQuery} with a prefix of one finds. Building Lucene's
 * Levenshtein automaton took about 150 µs for a name's pinyin, two thirds of a typo query on the real
 * names; so in a segment of up to {@link #WALK_UP_TO_KEYS} keys the term dictionary is walked in order
 * instead, with the edit-distance table of the typed letters against the current key kept row by row for
 * the key's leading letters, and as soon as a key's leading letters are more edits away than allowed, the
 * walk seeks past every key beginning with them. Larger segments get the automaton, over bytes: pinyin is
 * ASCII, and over ASCII the Levenshtein automaton on characters already is the deterministic one on bytes
 * (a {@code FuzzyQuery} converts its Unicode automaton to UTF-8 and determinizes it for every query). The
 * price, both ways: for typed ASCII an edit is an ASCII letter, so a key whose one difference is a
 * non-ASCII letter (a GeoNames romanization with tone marks, whose place has a plain pinyin key as well)
 * is not found. Typed text that is not ASCII goes to a {@link FuzzyQuery}.
 */
final class TypoQuery extends MultiTermQuery {

    private static final int ASCII_MAX = 127;

    /**
     * Up to this many keys in a segment the walk is cheaper than building the automaton. The walk's cost
     * grows with the keys near the typed letters, the automaton's hardly: on the real names (5,005 pinyin
     * keys) a walk added about 40 µs to a query where the automaton added 200; at 500,000 synthetic places
     * a typo query took 1.4 ms at p50 with the walk and 0.3 ms with the automaton, whose intersection with
     * the dictionary skips whole blocks; the two meet at a few tens of thousands of keys.
     */
    static final long WALK_UP_TO_KEYS = 50_000;

    private final Term typed;
    private final int edits;
    private final long walkUpToKeys;

    private TypoQuery(Term typed, int edits, long walkUpToKeys) {
        super(typed.field(), CONSTANT_SCORE_BLENDED_REWRITE);
        this.typed = typed;
        this.edits = edits;
        this.walkUpToKeys = walkUpToKeys;
    }

    static MultiTermQuery of(String field, String typed, int edits) {
        return of(field, typed, edits, WALK_UP_TO_KEYS);
    }

    /** @param walkUpToKeys the largest segment dictionary that is walked rather than intersected */
    static MultiTermQuery of(String field, String typed, int edits, long walkUpToKeys) {
        if (typed.isEmpty() || !typed.chars().allMatch(c -> c <= ASCII_MAX)) {
            return new FuzzyQuery(new Term(field, typed), edits, 1, FuzzyQuery.defaultMaxExpansions, true);
        }
        return new TypoQuery(new Term(field, typed), edits, walkUpToKeys);
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        if (terms.size() <= walkUpToKeys) {
            return new Walk(terms.iterator(), typed.bytes(), edits);
        }
        Automaton within = new LevenshteinAutomata(
                        typed.text().substring(1).chars().toArray(), ASCII_MAX, true)
                .toAutomaton(edits, typed.text().substring(0, 1));
        return new CompiledAutomaton(within, true, true, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, true)
                .getTermsEnum(terms);
    }

    /** The walk over the term dictionary; see the class comment. */
    private static final class Walk extends FilteredTermsEnum {

        private final byte first;
        /** The typed letters after the first. */
        private final byte[] rest;

        private final int edits;
        /** rows[d][j]: edits between the key's d letters after its first and the first j letters of rest. */
        private final int[][] rows;

        private final int[] rowMin;
        /** The key whose rows are computed, and how many of its letters after the first they cover. */
        private final byte[] key;

        private int computed;
        private BytesRef skipTo;

        Walk(TermsEnum terms, BytesRef typed, int edits) {
            super(terms);
            this.first = typed.bytes[typed.offset];
            this.rest = new byte[typed.length - 1];
            System.arraycopy(typed.bytes, typed.offset + 1, rest, 0, rest.length);
            this.edits = edits;
            // From rest.length + edits + 2 letters on, two rows in a row are more than edits away (each
            // cell is at least its row's excess length), so no key needs more rows.
            int depth = rest.length + edits + 3;
            this.rows = new int[depth][rest.length + 1];
            this.rowMin = new int[depth];
            this.key = new byte[depth];
            for (int j = 0; j <= rest.length; j++) {
                rows[0][j] = j;
            }
            setInitialSeekTerm(new BytesRef(new byte[] {first}));
        }

        @Override
        protected AcceptStatus accept(BytesRef term) {
            if (term.length == 0 || term.bytes[term.offset] != first) {
                return AcceptStatus.END; // the walk began at the first letter: past its keys
            }
            int letters = term.length - 1;
            // Rows already computed for the leading letters this key shares with the last one stay valid.
            int same = 0;
            while (same < computed && same < letters && key[same] == term.bytes[term.offset + 1 + same]) {
                same++;
            }
            computed = same;
            for (int d = same + 1; d <= letters; d++) {
                byte b = term.bytes[term.offset + d];
                key[d - 1] = b;
                row(d, b);
                computed = d;
                // A non-ASCII byte (b < 0) is never an edit of typed ASCII, as in the automaton this walk
                // replaced, whose alphabet ended at 127.
                if (b < 0 || rowMin[d] > edits && rowMin[d - 1] > edits) {
                    skipTo = successor(term, d);
                    return skipTo == null ? AcceptStatus.END : AcceptStatus.NO_AND_SEEK;
                }
            }
            return rows[letters][rest.length] <= edits ? AcceptStatus.YES : AcceptStatus.NO;
        }

        private void row(int d, byte b) {
            int[] cur = rows[d];
            int[] prev = rows[d - 1];
            cur[0] = d;
            int min = d;
            for (int j = 1; j <= rest.length; j++) {
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (b == rest[j - 1] ? 0 : 1));
                if (d > 1 && j > 1 && b == rest[j - 2] && key[d - 2] == rest[j - 1]) {
                    v = Math.min(v, rows[d - 2][j - 2] + 1);
                }
                cur[j] = v;
                min = Math.min(min, v);
            }
            rowMin[d] = min;
        }

        /**
         * The first key after all keys beginning with the term's first {@code d + 1} bytes, or null when
         * there is none (the prefix is all 0xff bytes).
         */
        private static BytesRef successor(BytesRef term, int d) {
            for (int end = d; end >= 0; end--) {
                int b = Byte.toUnsignedInt(term.bytes[term.offset + end]);
                if (b < 0xff) {
                    byte[] next = new byte[end + 1];
                    System.arraycopy(term.bytes, term.offset, next, 0, end);
                    next[end] = (byte) (b + 1);
                    return new BytesRef(next);
                }
            }
            return null;
        }

        @Override
        protected BytesRef nextSeekTerm(BytesRef currentTerm) throws IOException {
            if (currentTerm == null) {
                return super.nextSeekTerm(null);
            }
            BytesRef next = skipTo;
            skipTo = null;
            return next;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(getField())) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return (getField().equals(field) ? "" : getField() + ":") + typed.text() + "~" + edits;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other)
                && typed.equals(((TypoQuery) other).typed)
                && edits == ((TypoQuery) other).edits
                && walkUpToKeys == ((TypoQuery) other).walkUpToKeys;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), typed, edits, walkUpToKeys);
    }
}
