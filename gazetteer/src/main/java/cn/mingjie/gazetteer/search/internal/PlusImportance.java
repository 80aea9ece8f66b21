package cn.mingjie.gazetteer.search.internal;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * A query's score plus {@code weight} × the name's importance, read from a {@link FloatDocValuesField}
 * for the matching documents only. As a {@code FeatureField} clause, importance was a posting of every
 * document, advanced through for each match: half the CPU of an initials query.
 */
final class PlusImportance extends DoubleValuesSource {

    private final String field;
    private final double weight;

    PlusImportance(String field, double weight) {
        this.field = field;
        this.weight = weight;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues importance = DocValues.getNumeric(ctx.reader(), field);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (!scores.advanceExact(doc)) {
                    return false;
                }
                value = scores.doubleValue();
                if (importance.advanceExact(doc)) {
                    value += weight * Float.intBitsToFloat((int) importance.longValue());
                }
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return true;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, field);
    }

    @Override
    public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) throws IOException {
        DoubleValues values = getValues(
                ctx,
                DoubleValuesSource.constant(scoreExplanation.getValue().doubleValue())
                        .getValues(ctx, null));
        values.advanceExact(docId);
        return Explanation.match(values.doubleValue(), "score plus " + weight + " × " + field, scoreExplanation);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlusImportance p && p.field.equals(field) && p.weight == weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, weight);
    }

    @Override
    public String toString() {
        return "score+" + weight + "*" + field;
    }
}
