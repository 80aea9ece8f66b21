package cn.mingjie.gazetteer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.DocIdSetBuilder;

/**
 * A query plan's match clauses, tie-breaks and importance as one query: a name matches when it has the
 * keys of at least one clause, and scores the sum of the weights of the clauses it matches, plus the
 * tie-break terms' scores (BM25, as a scored term query would give them), plus {@code importanceWeight} ×
 * its importance. The same scores as a boolean query of constant-score clauses and scored term queries
 * in a function-score query, without creating a weight, a scorer and a terms enumeration per clause:
 * on the real Chongqing names that per-clause work was most of a query's time (a search of a dozen
 * clauses cost ten times a lone term query's).
 *
 * <p>With {@code narrowOnly}, only names matching a narrow clause are candidates (scored the same): the
 * first stage of a staged query.
 */
final class KeyMatchQuery extends Query {

    /** The keys a clause needs: one term, all of some terms, or any term a multi-term query expands to. */
    sealed interface Keys permits OneTerm, AllTerms, AnyTerm {}

    record OneTerm(Term term) implements Keys {}

    record AllTerms(List<Term> terms) implements Keys {}

    record AnyTerm(MultiTermQuery query) implements Keys {}

    record Clause(Keys keys, float weight, boolean narrow) {}

    private final List<Clause> clauses;
    private final List<Term> tieBreaks;
    private final float tieBreakBoost;
    private final boolean narrowOnly;
    private final String importanceField;
    private final float importanceWeight;
    private final TermLookup lookup;

    /**
     * @param tieBreakBoost the boost of each tie-break term's BM25 score
     * @param lookup the search's term lookups: bound to its searcher, so the query runs on that one only
     */
    KeyMatchQuery(
            List<Clause> clauses,
            List<Term> tieBreaks,
            float tieBreakBoost,
            boolean narrowOnly,
            String importanceField,
            float importanceWeight,
            TermLookup lookup) {
        this.clauses = List.copyOf(clauses);
        this.tieBreaks = List.copyOf(tieBreaks);
        this.tieBreakBoost = tieBreakBoost;
        this.narrowOnly = narrowOnly;
        this.importanceField = importanceField;
        this.importanceWeight = importanceWeight;
        this.lookup = lookup;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        // Each tie-break term's score is a constant: keys are indexed without frequencies or norms.
        List<Tie> ties = new ArrayList<>();
        for (Term t : tieBreaks) {
            int docFreq = lookup.docFreq(t);
            if (docFreq == 0) {
                continue;
            }
            CollectionStatistics collection = searcher.collectionStatistics(t.field());
            TermStatistics term = searcher.termStatistics(t, docFreq, lookup.totalTermFreq(t));
            ties.add(new Tie(
                    t,
                    searcher.getSimilarity()
                            .scorer(tieBreakBoost, collection, term)
                            .score(1f, 1L)));
        }
        float maxScore = importanceWeight;
        for (Clause c : clauses) {
            maxScore += c.weight();
        }
        for (Tie t : ties) {
            maxScore += t.score();
        }
        return new KeyWeight(ties, maxScore * boost, boost);
    }

    /** A tie-break term that exists in the index, and the score it adds. */
    private record Tie(Term term, float score) {}

    private final class KeyWeight extends Weight {

        private final List<Tie> ties;
        private final float maxScore;
        private final float boost;

        KeyWeight(List<Tie> ties, float maxScore, float boost) {
            super(KeyMatchQuery.this);
            this.ties = ties;
            this.maxScore = maxScore;
            this.boost = boost;
        }

        @Override
        public Scorer scorer(LeafReaderContext ctx) throws IOException {
            List<DocIdSetIterator> lead = new ArrayList<>();
            List<Float> leadWeights = new ArrayList<>();
            List<DocIdSetIterator> follow = new ArrayList<>();
            List<Float> followWeights = new ArrayList<>();
            for (Clause c : clauses) {
                DocIdSetIterator it = iterator(c.keys(), ctx);
                if (it == null) {
                    continue;
                }
                boolean leads = !narrowOnly || c.narrow();
                (leads ? lead : follow).add(it);
                (leads ? leadWeights : followWeights).add(c.weight());
            }
            if (lead.isEmpty()) {
                return null;
            }
            for (Tie t : ties) {
                DocIdSetIterator it = lookup.postings(t.term(), ctx);
                if (it != null) {
                    follow.add(it);
                    followWeights.add(t.score());
                }
            }
            NumericDocValues importance = DocValues.getNumeric(ctx.reader(), importanceField);
            return new KeyScorer(this, lead, leadWeights, follow, followWeights, importance);
        }

        @Override
        public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
            Scorer scorer = scorer(ctx);
            if (scorer == null || scorer.iterator().advance(doc) != doc) {
                return Explanation.noMatch("no clause's keys");
            }
            return Explanation.match(scorer.score(), "sum of matched clause weights, tie-breaks and importance");
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return false;
        }

        private final class KeyScorer extends Scorer {

            private final DocIdSetIterator[] lead;
            private final float[] leadWeights;
            private final DocIdSetIterator[] follow;
            private final float[] followWeights;
            private final NumericDocValues importance;
            private final DocIdSetIterator iterator;
            private int doc = -1;

            KeyScorer(
                    Weight weight,
                    List<DocIdSetIterator> lead,
                    List<Float> leadWeights,
                    List<DocIdSetIterator> follow,
                    List<Float> followWeights,
                    NumericDocValues importance) {
                super(weight);
                this.lead = lead.toArray(DocIdSetIterator[]::new);
                this.leadWeights = floats(leadWeights);
                this.follow = follow.toArray(DocIdSetIterator[]::new);
                this.followWeights = floats(followWeights);
                this.importance = importance;
                long cost = 0;
                for (DocIdSetIterator it : this.lead) {
                    cost += it.cost();
                }
                long totalCost = cost;
                // The union of the leading clauses: each iterator moved only when behind the target.
                this.iterator = new DocIdSetIterator() {
                    @Override
                    public int docID() {
                        return doc;
                    }

                    @Override
                    public int nextDoc() throws IOException {
                        return advance(doc + 1);
                    }

                    @Override
                    public int advance(int target) throws IOException {
                        int min = NO_MORE_DOCS;
                        for (DocIdSetIterator it : KeyScorer.this.lead) {
                            int d = it.docID();
                            if (d < target) {
                                d = d == target - 1 ? it.nextDoc() : it.advance(target);
                            }
                            min = Math.min(min, d);
                        }
                        return doc = min;
                    }

                    @Override
                    public long cost() {
                        return totalCost;
                    }
                };
            }

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public DocIdSetIterator iterator() {
                return iterator;
            }

            @Override
            public float score() throws IOException {
                double score = 0;
                for (int i = 0; i < lead.length; i++) {
                    if (lead[i].docID() == doc) {
                        score += leadWeights[i];
                    }
                }
                for (int i = 0; i < follow.length; i++) {
                    int d = follow[i].docID();
                    if (d < doc) {
                        d = follow[i].advance(doc);
                    }
                    if (d == doc) {
                        score += followWeights[i];
                    }
                }
                if (importance != null && importance.advanceExact(doc)) {
                    score += importanceWeight * Float.intBitsToFloat((int) importance.longValue());
                }
                return (float) score * boost;
            }

            @Override
            public float getMaxScore(int upTo) {
                return maxScore;
            }
        }
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** The documents having a clause's keys in this segment, or null when none has. */
    private DocIdSetIterator iterator(Keys keys, LeafReaderContext ctx) throws IOException {
        if (keys instanceof OneTerm one) {
            return lookup.postings(one.term(), ctx);
        }
        if (keys instanceof AllTerms all) {
            List<DocIdSetIterator> each = new ArrayList<>(all.terms().size());
            for (Term t : all.terms()) {
                DocIdSetIterator it = lookup.postings(t, ctx);
                if (it == null) {
                    return null;
                }
                each.add(it);
            }
            return each.size() == 1 ? each.get(0) : ConjunctionUtils.intersectIterators(each);
        }
        MultiTermQuery query = ((AnyTerm) keys).query();
        Terms terms = ctx.reader().terms(query.getField());
        if (terms == null) {
            return null;
        }
        TermsEnum expanded = query.getTermsEnum(terms);
        DocIdSetBuilder docs = new DocIdSetBuilder(ctx.reader().maxDoc(), terms);
        PostingsEnum postings = null;
        while (expanded.next() != null) {
            postings = expanded.postings(postings, PostingsEnum.NONE);
            docs.add(postings);
        }
        DocIdSet set = docs.build();
        return set.iterator();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "keys(" + clauses + (narrowOnly ? ", narrow" : "") + ", ties " + tieBreaks + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && clauses.equals(((KeyMatchQuery) other).clauses)
                && tieBreaks.equals(((KeyMatchQuery) other).tieBreaks)
                && narrowOnly == ((KeyMatchQuery) other).narrowOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), clauses, tieBreaks, narrowOnly);
    }
}
