package cn.mingjie.gazetteer.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;

/**
 * The terms of one search, each looked up at most once per segment, when first needed, through one terms
 * enumeration per field and segment: a query's narrow stage, its whole query and its typo fallback use the
 * same terms, and a fresh enumeration per term (what a term query without states does) cost a quarter of a
 * cheap query's CPU.
 */
final class TermLookup {

    /** A term in one segment: where its postings are, and how many documents have it. */
    private record Found(TermState state, int docFreq, long totalTermFreq) {}

    private static final Found ABSENT = new Found(null, 0, 0);

    private final IndexSearcher searcher;
    private final Map<Term, Found[]> found = new HashMap<>();
    private final Map<String, TermsEnum[]> enums = new HashMap<>();

    TermLookup(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The documents having the term in the segment, or null when none has. */
    PostingsEnum postings(Term term, LeafReaderContext segment) throws IOException {
        Found f = find(term, segment);
        if (f == ABSENT) {
            return null;
        }
        TermsEnum te = termsEnum(term.field(), segment);
        te.seekExact(term.bytes(), f.state());
        return te.postings(null, PostingsEnum.NONE);
    }

    /** The searcher's segments. */
    List<LeafReaderContext> segments() {
        return searcher.getIndexReader().leaves();
    }

    /** The number of documents having the term, in all segments. */
    int docFreq(Term term) throws IOException {
        int docFreq = 0;
        for (LeafReaderContext segment : searcher.getIndexReader().leaves()) {
            docFreq += find(term, segment).docFreq();
        }
        return docFreq;
    }

    /** The number of times the term occurs, in all segments. */
    long totalTermFreq(Term term) throws IOException {
        long total = 0;
        for (LeafReaderContext segment : searcher.getIndexReader().leaves()) {
            total += find(term, segment).totalTermFreq();
        }
        return total;
    }

    private Found find(Term term, LeafReaderContext segment) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Found[] perSegment = found.computeIfAbsent(term, t -> new Found[leaves.size()]);
        Found f = perSegment[segment.ord];
        if (f == null) {
            TermsEnum te = termsEnum(term.field(), segment);
            f = te != null && te.seekExact(term.bytes())
                    ? new Found(te.termState(), te.docFreq(), te.totalTermFreq())
                    : ABSENT;
            perSegment[segment.ord] = f;
        }
        return f;
    }

    private TermsEnum termsEnum(String field, LeafReaderContext segment) throws IOException {
        TermsEnum[] perSegment = enums.computeIfAbsent(
                field, k -> new TermsEnum[searcher.getIndexReader().leaves().size()]);
        TermsEnum te = perSegment[segment.ord];
        if (te == null) {
            Terms terms = segment.reader().terms(field);
            if (terms == null) {
                return null;
            }
            te = terms.iterator();
            perSegment[segment.ord] = te;
        }
        return te;
    }
}
