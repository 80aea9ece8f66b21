package cn.mingjie.gazetteer.search.internal;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The terms beginning with a prefix, found by seeking the term dictionary to the prefix and reading on
 * while terms share it. Lucene's {@code PrefixQuery} does the same through an automaton that it
 * compiles for every query (determinized, with a common-suffix analysis): for the one-off prefixes of a
 * search box that compilation cost more than the term lookup itself.
 */
final class SeekingPrefixQuery extends MultiTermQuery {

    private final Term prefix;

    SeekingPrefixQuery(Term prefix) {
        super(prefix.field(), CONSTANT_SCORE_BLENDED_REWRITE);
        this.prefix = prefix;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        BytesRef start = prefix.bytes();
        return new FilteredTermsEnum(terms.iterator()) {
            {
                setInitialSeekTerm(start);
            }

            @Override
            protected AcceptStatus accept(BytesRef term) {
                // Terms are sorted: the first one without the prefix ends the run.
                return StringHelper.startsWith(term, start) ? AcceptStatus.YES : AcceptStatus.END;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(getField())) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return (getField().equals(field) ? "" : getField() + ":") + prefix.text() + "*";
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && prefix.equals(((SeekingPrefixQuery) other).prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), prefix);
    }
}
