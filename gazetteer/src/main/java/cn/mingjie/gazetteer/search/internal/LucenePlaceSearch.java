package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.romanization.Romanizer;
import cn.mingjie.gazetteer.search.MatchType;
import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.NameSource;
import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchHit;
import cn.mingjie.gazetteer.search.SearchIndexStatus;
import cn.mingjie.gazetteer.search.SearchRequest;
import cn.mingjie.gazetteer.search.SearchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The search over the Lucene name index. Candidate retrieval in Lucene (one boolean query of keyword
 * clauses, each weighted by its match kind, plus the name's importance and the distance); the final match
 * type and score are decided in Java on the few candidates, one hit per place.
 */
@Service
public class LucenePlaceSearch implements PlaceSearch {

    private static final int MAX_QUERY_COMBINATIONS = 16;

    /** Below this best base score the typo clause is tried (and below half of it, two edits). */
    private static final double TRY_FUZZY_BELOW = 60;

    /**
     * Queries try their narrow stage (see {@link QueryPlan#narrow()}) from this many documents: below, the
     * whole query costs hardly more than the narrow one, and names rarely repeat enough for the narrow
     * stage to decide (on the 5,538 real names it rarely can), so trying it would mostly double the work.
     */
    static final int STAGED_FROM_DOCUMENTS = 100_000;

    private final IndexMaintainer maintainer;
    private final int stagedFrom;

    @Autowired
    public LucenePlaceSearch(IndexMaintainer maintainer) {
        this(maintainer, STAGED_FROM_DOCUMENTS);
    }

    /** @param stagedFrom the index size from which queries try their narrow stage first */
    LucenePlaceSearch(IndexMaintainer maintainer, int stagedFrom) {
        this.maintainer = maintainer;
        this.stagedFrom = stagedFrom;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        String normalized = NameKeys.normalize(request.query() == null ? "" : request.query());
        if (normalized.isEmpty()) {
            return new SearchResult(normalized, null, List.of());
        }
        LuceneNameIndex index = maintainer.index();
        Romanizer romanizer = maintainer.romanizer();
        try {
            IndexSearcher searcher = index.acquire();
            try {
                // One lookup per term for the whole search: "area + name" runs the name in the best area and
                // again in all of them, with the same terms.
                TermLookup terms = new TermLookup(searcher);
                String joined = normalized.replace(" ", "");
                List<SearchHit> whole = run(searcher, joined, request, null, romanizer, terms);
                String[] tokens = normalized.split(" ");
                // "area + name" (潼南 双江), unless the words together already name a place (tongnan qu).
                if (tokens.length > 1 && (whole.isEmpty() || !namesWholly(whole.get(0)))) {
                    String areaText = String.join("", Arrays.copyOf(tokens, tokens.length - 1));
                    String name = tokens[tokens.length - 1];
                    List<String> areas = resolveArea(searcher, areaText, request, romanizer, terms);
                    if (!areas.isEmpty()) {
                        List<SearchHit> hits = inAreas(searcher, name, request, areas, romanizer, terms);
                        if (!hits.isEmpty()) {
                            return new SearchResult(normalized, areas.get(0), hits);
                        }
                    }
                }
                return new SearchResult(normalized, null, whole);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean namesWholly(SearchHit hit) {
        return hit.matchType() == MatchType.EXACT
                || hit.matchType() == MatchType.HISTORICAL
                || (hit.matchType() == MatchType.PINYIN && hit.score() >= 85);
    }

    /**
     * The places of that name in the best-matching area first (the county 金丰 rather than a town 金丰镇
     * elsewhere: the area search ranks the larger division higher), then, if they do not fill the page,
     * those in the other areas the text names.
     */
    private List<SearchHit> inAreas(
            IndexSearcher searcher,
            String name,
            SearchRequest request,
            List<String> areas,
            Romanizer romanizer,
            TermLookup terms)
            throws IOException {
        List<SearchHit> best = run(searcher, name, request, areas.subList(0, 1), romanizer, terms);
        if (best.size() >= request.limit() || areas.size() == 1) {
            return best;
        }
        List<SearchHit> hits = new ArrayList<>(best);
        Set<String> places = new HashSet<>();
        best.forEach(h -> places.add(h.placeId()));
        for (SearchHit h : run(searcher, name, request, areas, romanizer, terms)) {
            if (hits.size() < request.limit() && places.add(h.placeId())) {
                hits.add(h);
            }
        }
        return hits;
    }

    /** The codes of the divisions an "area + name" query's area part names (best matches only). */
    private List<String> resolveArea(
            IndexSearcher searcher, String text, SearchRequest request, Romanizer romanizer, TermLookup terms)
            throws IOException {
        SearchRequest areaRequest =
                new SearchRequest(text, false, null, null, null, request.asOf(), null, null, null, 5);
        List<SearchHit> hits = run(searcher, text, areaRequest, null, romanizer, terms);
        List<String> codes = new ArrayList<>();
        for (SearchHit h : hits) {
            boolean good = h.matchType() == MatchType.EXACT
                    || h.matchType() == MatchType.PINYIN
                    || h.matchType() == MatchType.HISTORICAL;
            if (good && h.code() != null && h.level() != null && h.level() <= 4) {
                codes.add(h.code());
            }
        }
        return codes;
    }

    /**
     * Runs the plan; the typo (fuzzy) clause, the costly one, only when nothing matched the pinyin or
     * initials as typed, and with two edits only when one edit found nothing: a two-edit walk of the
     * pinyin keys visits many times the keys of a one-edit walk.
     */
    private List<SearchHit> run(
            IndexSearcher searcher,
            String q,
            SearchRequest request,
            List<String> areas,
            Romanizer romanizer,
            TermLookup terms)
            throws IOException {
        QueryPlan plan = QueryPlan.of(q, request.autocomplete(), romanizer, terms);
        double[] best = {0};
        List<SearchHit> hits = run(searcher, plan, request, areas, null, best);
        if (plan.typoEdits() >= 1 && best[0] < TRY_FUZZY_BELOW) {
            hits = run(searcher, plan, request, areas, plan.typo(1), best);
            if (plan.typoEdits() >= 2 && best[0] < TRY_FUZZY_BELOW / 2) {
                hits = run(searcher, plan, request, areas, plan.typo(2), best);
            }
        }
        return hits;
    }

    private List<SearchHit> run(
            IndexSearcher searcher,
            QueryPlan plan,
            SearchRequest request,
            List<String> areas,
            KeyMatchQuery.Keys fuzzy,
            double[] best)
            throws IOException {
        if (searcher.getIndexReader().maxDoc() >= stagedFrom
                && fuzzy == null
                && !plan.narrow().isEmpty()
                && plan.narrow().size() < plan.clauses().size()) {
            double[] narrowBest = {best[0]};
            List<Ranked> narrow = rank(searcher, plan, request, query(plan, request, areas, null, true), narrowBest);
            if (decisive(narrow, plan, request)) {
                best[0] = narrowBest[0];
                return narrow.stream().limit(request.limit()).map(Ranked::hit).toList();
            }
        }
        List<Ranked> ranked = rank(searcher, plan, request, query(plan, request, areas, fuzzy, false), best);
        return ranked.stream().limit(request.limit()).map(Ranked::hit).toList();
    }

    /**
     * Whether the narrow stage's answer is the whole query's: at least {@code limit} places score above
     * anything a name matching none of the narrow clauses could score (its best base score plus the full
     * importance and distance bonuses), so no such name can enter or reorder the top {@code limit}. With
     * a typo fallback pending, the answer must also be good enough that the fallback would not run.
     */
    private static boolean decisive(List<Ranked> narrow, QueryPlan plan, SearchRequest request) {
        if (narrow.size() < request.limit()) {
            return false;
        }
        double outside = plan.bestBaseOutsideNarrow()
                + MatchScores.IMPORTANCE
                + (request.focusLat() != null && request.focusLon() != null ? MatchScores.DISTANCE : 0);
        double bestBase = 0;
        for (Ranked r : narrow.subList(0, request.limit())) {
            // Scores are rounded to hundredths in the hit: compare with that margin.
            if (r.hit().score() <= outside + 0.01) {
                return false;
            }
            bestBase = Math.max(bestBase, r.base());
        }
        return plan.typoEdits() == 0 || bestBase >= TRY_FUZZY_BELOW;
    }

    /**
     * The candidate query: the plan's match clauses, each weighted by its match kind, its tie-breaks and
     * the name's importance in one {@link KeyMatchQuery}; the distance to the map's focus and the
     * request's filters around it when asked for. The narrow stage is the same query with only the names
     * matching one of the plan's narrow clauses as candidates, so they are scored and ordered exactly as
     * in the whole query.
     */
    private static Query query(
            QueryPlan plan, SearchRequest request, List<String> areas, KeyMatchQuery.Keys fuzzy, boolean narrow) {
        List<KeyMatchQuery.Clause> clauses = new ArrayList<>();
        plan.clauses()
                .forEach((keys, weight) -> clauses.add(
                        new KeyMatchQuery.Clause(keys, weight, plan.narrow().contains(keys))));
        if (fuzzy != null) {
            clauses.add(new KeyMatchQuery.Clause(fuzzy, 30f, false));
        }
        // Among equally good candidates (many names with the same sound) those sharing more of the typed
        // characters come first: each shared leading run (prefix) and each shared bigram of the 专名 counts.
        List<Term> ties = new ArrayList<>();
        plan.grams().forEach(g -> ties.add(new Term(LuceneNameIndex.GRAM, g)));
        plan.leading().forEach(p -> ties.add(new Term(LuceneNameIndex.PREFIX, p)));
        Query keys = new KeyMatchQuery(clauses, ties, 2f, narrow, LuceneNameIndex.IMPORTANCE, 5f, plan.terms());
        Query distance = request.focusLat() != null && request.focusLon() != null
                ? LatLonPoint.newDistanceFeatureQuery(
                        LuceneNameIndex.LOCATION, 8f, request.focusLat(), request.focusLon(), 20_000)
                : null;
        List<Query> filters = new ArrayList<>();
        if (request.level() != null) {
            filters.add(IntPoint.newExactQuery(LuceneNameIndex.LEVEL, request.level()));
        }
        if (request.category() != null) {
            filters.add(new TermQuery(new Term(LuceneNameIndex.CATEGORY, request.category())));
        }
        if (request.within() != null) {
            filters.add(new TermQuery(new Term(LuceneNameIndex.WITHIN, request.within())));
        }
        if (areas != null) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            areas.forEach(a -> any.add(new TermQuery(new Term(LuceneNameIndex.WITHIN, a)), Occur.SHOULD));
            filters.add(any.build());
        }
        if (request.asOf() != null) {
            long day = request.asOf().toEpochDay();
            filters.add(LongPoint.newRangeQuery(LuceneNameIndex.FROM, Long.MIN_VALUE, day));
            filters.add(LongPoint.newRangeQuery(LuceneNameIndex.TO, day + 1, Long.MAX_VALUE));
        }
        if (request.bbox() != null) {
            SearchRequest.BoundingBox b = request.bbox();
            filters.add(LatLonPoint.newBoxQuery(LuceneNameIndex.LOCATION, b.south(), b.north(), b.west(), b.east()));
        }
        if (distance == null && filters.isEmpty()) {
            return keys;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(keys, Occur.MUST);
        if (distance != null) {
            all.add(distance, Occur.SHOULD);
        }
        for (Query f : filters) {
            all.add(f, Occur.FILTER);
        }
        return all.build();
    }

    /** A place's best hit, and the base score of the match it came from. */
    record Ranked(SearchHit hit, double base) {}

    /**
     * The candidates of a query, classified in Java: one hit per place, best first; {@code best} is raised
     * to the best base score of any candidate.
     */
    private List<Ranked> rank(IndexSearcher searcher, QueryPlan plan, SearchRequest request, Query query, double[] best)
            throws IOException {
        int candidates = Math.max(50, request.limit() * 5);
        // Plain top-k: with an unreachable total-hits threshold Lucene counts every match instead of
        // skipping blocks by their maximum score (block-max WAND), which for these queries cost more than
        // it saved (44 % of query CPU at 13.2M names when importance was a feature clause).
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(candidates, null, Integer.MAX_VALUE));
        NameRecord[] records = LuceneNameIndex.records(searcher, top.scoreDocs);

        Map<String, Ranked> byPlace = new LinkedHashMap<>();
        for (NameRecord d : records) {
            Scored s = plan.classify(d);
            if (s == null) {
                continue;
            }
            best[0] = Math.max(best[0], s.base());
            NameKind kind = d.kind();
            MatchType type = kind == NameKind.HISTORICAL ? MatchType.HISTORICAL : s.type();
            double score = s.base()
                    - (kind == NameKind.HISTORICAL
                            ? MatchScores.HISTORICAL_PENALTY
                            : kind == NameKind.ALIAS ? MatchScores.ALIAS_PENALTY : 0);
            Ranked existing = byPlace.get(d.placeId());
            if (existing != null && existing.hit().score() >= score + MatchScores.IMPORTANCE * importance(d)) {
                continue;
            }
            // A primary entry's documents carry the place's attributes; an alias entry's hit is shown as
            // the place that owns it.
            NameRecord display = d.primary() ? d : displayRecord(plan.terms(), d.placeId());
            if (display == null) {
                continue;
            }
            double finalScore = score + MatchScores.IMPORTANCE * importance(display) + distanceBonus(display, request);
            if (existing != null && existing.hit().score() >= finalScore) {
                continue;
            }
            // Re-inserted, so that among equal scores places come in the order of the candidates that gave
            // their hits, not of their first candidates: the same order whether or not lower candidates
            // (which the narrow stage leaves out) came first.
            byPlace.remove(d.placeId());
            byPlace.put(d.placeId(), new Ranked(hit(display, d, type, finalScore), s.base()));
        }
        return byPlace.values().stream()
                .sorted(Comparator.comparingDouble((Ranked r) -> r.hit().score())
                        .reversed())
                .toList();
    }

    /**
     * The document that shows the place: the one having both its place key and the display key, found by
     * intersecting their postings (a Lucene search per alias candidate cost more than the search itself).
     */
    private static NameRecord displayRecord(TermLookup terms, String placeId) throws IOException {
        Term place = new Term(LuceneNameIndex.PLACE, placeId);
        Term display = new Term(LuceneNameIndex.DISPLAY, "1");
        for (LeafReaderContext segment : terms.segments()) {
            DocIdSetIterator ofPlace = terms.postings(place, segment);
            DocIdSetIterator shown = terms.postings(display, segment);
            if (ofPlace == null || shown == null) {
                continue;
            }
            int doc =
                    ConjunctionUtils.intersectIterators(List.of(ofPlace, shown)).nextDoc();
            if (doc != DocIdSetIterator.NO_MORE_DOCS) {
                return LuceneNameIndex.record(segment, doc);
            }
        }
        return null;
    }

    private static double importance(NameRecord d) {
        return d.level() == null
                ? 0.5
                : switch (d.level()) {
                    case 1 -> 1.0;
                    case 2 -> 0.9;
                    case 3 -> 0.8;
                    case 4 -> 0.6;
                    default -> 0.3;
                };
    }

    private static double distanceBonus(NameRecord d, SearchRequest r) {
        if (r.focusLat() == null || r.focusLon() == null || d.lat() == null) {
            return 0;
        }
        double dy = (d.lat() - r.focusLat()) * 111_000;
        double dx = (d.lon() - r.focusLon()) * 111_000 * Math.cos(Math.toRadians(r.focusLat()));
        double metres = Math.sqrt(dx * dx + dy * dy);
        return MatchScores.DISTANCE * 20_000 / (20_000 + metres);
    }

    private static SearchHit hit(NameRecord display, NameRecord matched, MatchType type, double score) {
        return new SearchHit(
                matched.placeId(),
                display.source(),
                display.currentName(),
                matched.name(),
                matched.kind(),
                matched.validFrom(),
                matched.validTo(),
                type,
                Math.round(score * 100) / 100.0,
                display.category(),
                display.level(),
                display.code(),
                display.lon(),
                display.lat(),
                display.approximateLocation(),
                display.version());
    }

    @Override
    public Geometry geometry(String placeId, LocalDate asOf) {
        for (NameSource s : maintainer.sources()) {
            if (placeId.startsWith(s.id() + ":")) {
                return s.geometry(placeId, asOf);
            }
        }
        return null;
    }

    @Override
    public SearchIndexStatus status() {
        try {
            return new SearchIndexStatus(
                    maintainer.index().documents(),
                    maintainer.index().sizeOnDisk(),
                    maintainer.lastRebuild(),
                    maintainer.lastRebuildMillis(),
                    maintainer.queuedChanges());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void awaitCurrent(Duration timeout) {
        maintainer.awaitCurrent(timeout);
    }

    record Scored(MatchType type, double base) {}

    /**
     * The clauses for one query text and the Java-side classification of candidates. {@code narrow} are
     * the cheap, selective clauses (the name equal to or beginning with the typed characters; the pinyin
     * equal to or beginning with the typed letters; the initials as typed): the first stage of a query.
     * {@code typoEdits}: how many edits the typo fallback may allow (0: none); {@code terms}: the search's
     * term lookups, shared by its stages.
     */
    record QueryPlan(
            String q,
            boolean han,
            boolean latin,
            String qCore,
            List<String> pinyin,
            boolean autocomplete,
            double initialsScore,
            Map<KeyMatchQuery.Keys, Float> clauses,
            Set<KeyMatchQuery.Keys> narrow,
            int typoEdits,
            List<String> grams,
            List<String> leading,
            TermLookup terms) {

        static QueryPlan of(String q, boolean autocomplete, Romanizer romanizer, TermLookup terms) {
            boolean han = NameKeys.hasHan(q);
            boolean latin = NameKeys.hasLatin(q);
            Map<KeyMatchQuery.Keys, Float> c = new LinkedHashMap<>();
            Set<KeyMatchQuery.Keys> narrow = new HashSet<>();
            List<String> pinyin = han ? NameKeys.queryPinyin(q, romanizer, MAX_QUERY_COMBINATIONS) : List.of(q);
            String qCore = han ? romanizer.generics().split(q).specific() : q;
            boolean initialsOnly = !han && !NameKeys.wholeSyllables(q);
            if (han && !latin) {
                narrow.add(term(LuceneNameIndex.EXACT, q));
                c.put(term(LuceneNameIndex.EXACT, q), MatchScores.W_EXACT);
                if (!qCore.equals(q)) {
                    narrow.add(term(LuceneNameIndex.EXACT, qCore));
                    c.put(term(LuceneNameIndex.EXACT, qCore), MatchScores.W_EXACT_SPECIFIC);
                }
                KeyMatchQuery.Keys namePrefix =
                        prefix(LuceneNameIndex.PREFIX, LuceneNameIndex.EXACT, q, LuceneNameIndex.MAX_CHAR_PREFIX);
                narrow.add(namePrefix);
                c.put(namePrefix, autocomplete ? MatchScores.W_PREFIX_AUTOCOMPLETE : MatchScores.W_PREFIX);
                if (q.length() >= 2) {
                    List<Term> grams = new ArrayList<>();
                    for (int i = 0; i + 2 <= q.length(); i++) {
                        grams.add(new Term(LuceneNameIndex.GRAM, q.substring(i, i + 2)));
                    }
                    c.put(new KeyMatchQuery.AllTerms(grams), MatchScores.W_BIGRAMS);
                }
                for (String p : pinyin) {
                    c.put(
                            term(LuceneNameIndex.PINYIN, p),
                            qCore.equals(q) ? MatchScores.W_HOMOPHONE : MatchScores.W_HOMOPHONE_WHOLE);
                    if (autocomplete) {
                        c.put(
                                prefix(
                                        LuceneNameIndex.PINYIN_PREFIX,
                                        LuceneNameIndex.PINYIN,
                                        p,
                                        LuceneNameIndex.MAX_PINYIN_PREFIX),
                                MatchScores.W_HOMOPHONE_PREFIX);
                    }
                }
            } else {
                for (String p : pinyin) {
                    narrow.add(term(LuceneNameIndex.PINYIN, p));
                    c.put(term(LuceneNameIndex.PINYIN, p), MatchScores.W_PINYIN);
                    if (p.length() >= 2) {
                        KeyMatchQuery.Keys pinyinPrefix = prefix(
                                LuceneNameIndex.PINYIN_PREFIX,
                                LuceneNameIndex.PINYIN,
                                p,
                                LuceneNameIndex.MAX_PINYIN_PREFIX);
                        narrow.add(pinyinPrefix);
                        c.put(pinyinPrefix, MatchScores.W_PINYIN_PREFIX);
                    }
                }
                if (!han && q.length() <= 10) {
                    narrow.add(term(LuceneNameIndex.INITIALS, q));
                    c.put(
                            term(LuceneNameIndex.INITIALS, q),
                            initialsOnly ? MatchScores.W_INITIALS_ONLY : MatchScores.W_INITIALS);
                    c.put(
                            prefix(LuceneNameIndex.INITIALS_PREFIX, LuceneNameIndex.INITIALS, q, Integer.MAX_VALUE),
                            MatchScores.W_INITIALS_PREFIX);
                }
            }
            // One edit from four letters; from ten letters also two, tried only if one finds nothing.
            int typoEdits = han || q.length() < 4 ? 0 : q.length() < 10 ? 1 : 2;
            // Bigrams of the 专名 only: those of a 通名 (社区, 居民, 委员 …) are in millions of names at the
            // national scale, tell none of them apart, and advancing through their postings for every
            // candidate cost exact queries of long names tens of milliseconds.
            int gramsEnd = q.startsWith(qCore) && qCore.length() >= 2 ? qCore.length() : q.length();
            List<String> grams = new ArrayList<>();
            for (int i = 0; han && i + 2 <= gramsEnd; i++) {
                if (Romanizer.isHan(q.charAt(i)) && Romanizer.isHan(q.charAt(i + 1))) {
                    grams.add(q.substring(i, i + 2));
                }
            }
            List<String> leading = new ArrayList<>();
            for (int i = 1; han && !latin && i < Math.min(q.length(), LuceneNameIndex.MAX_CHAR_PREFIX + 1); i++) {
                leading.add(q.substring(0, i));
            }
            double initialsScore = initialsOnly ? MatchScores.INITIALS_ONLY : MatchScores.INITIALS;
            return new QueryPlan(
                    q,
                    han,
                    latin,
                    qCore,
                    pinyin,
                    autocomplete,
                    initialsScore,
                    c,
                    Set.copyOf(narrow),
                    typoEdits,
                    grams,
                    leading,
                    terms);
        }

        /**
         * The typo clause for up to {@code edits} edits ({@link #typoEdits} at most), tried only when a
         * query falls back to it.
         */
        KeyMatchQuery.Keys typo(int edits) {
            return new KeyMatchQuery.AnyTerm(TypoQuery.of(LuceneNameIndex.PINYIN, q, edits));
        }

        /**
         * The best base score classify can give a name that matches none of the narrow clauses: each kind
         * of match whose condition does not imply one of them (a name equal to the query or its 专名, or
         * beginning with it, matches the exact or prefix clause; a pinyin key equal to or beginning with the
         * typed letters, the pinyin or pinyin-prefix clause when there is one; the initials as typed, the
         * initials clause when there is one).
         */
        double bestBaseOutsideNarrow() {
            if (han && !latin) {
                double homophone = qCore.equals(q) ? MatchScores.HOMOPHONE : MatchScores.HOMOPHONE_WHOLE;
                return Math.max(
                        MatchScores.PARTIAL,
                        Math.max(homophone + MatchScores.HOMOPHONE_SHARE, MatchScores.HOMOPHONE_PREFIX));
            }
            double outside = pinyin.stream().anyMatch(p -> p.length() < 2) ? MatchScores.PINYIN_PREFIX : 0;
            if (han) {
                return outside;
            }
            boolean initialsClause = q.length() <= 10;
            return Math.max(
                    outside,
                    Math.max(
                            initialsClause ? 0 : initialsScore,
                            Math.max(MatchScores.INITIALS_PREFIX, MatchScores.FUZZY)));
        }

        /** Prefix via the indexed prefix keys; a longer prefix than indexed seeks the term dictionary. */
        private static KeyMatchQuery.Keys prefix(String prefixField, String fullField, String value, int indexedUpTo) {
            if (value.length() <= indexedUpTo) {
                return term(prefixField, value);
            }
            return new KeyMatchQuery.AnyTerm(new SeekingPrefixQuery(new Term(fullField, value)));
        }

        private static KeyMatchQuery.Keys term(String field, String value) {
            return new KeyMatchQuery.OneTerm(new Term(field, value));
        }

        /** The share of the query's characters found at the same positions in the name (0–1). */
        double sameCharacters(String norm) {
            int same = 0;
            for (int i = 0; i < Math.min(q.length(), norm.length()); i++) {
                if (q.charAt(i) == norm.charAt(i)) {
                    same++;
                }
            }
            return same / (double) q.length();
        }

        Scored classify(NameRecord d) {
            String norm = d.norm();
            String core = d.core();
            List<String> pyk = d.pinyin();
            int usual = NameKeys.usualKeys(norm, core);
            if (han && !latin) {
                if (norm.equals(q)) {
                    return new Scored(MatchType.EXACT, MatchScores.EXACT);
                }
                if (core.equals(q)) {
                    return new Scored(MatchType.EXACT, MatchScores.EXACT_SPECIFIC);
                }
                if (norm.startsWith(q)) {
                    return new Scored(
                            MatchType.PREFIX,
                            (autocomplete ? MatchScores.PREFIX_AUTOCOMPLETE : MatchScores.PREFIX)
                                    - Math.min(MatchScores.PREFIX_MAX_PENALTY, norm.length() - q.length()));
                }
                if (!qCore.equals(q) && core.equals(qCore)) {
                    return new Scored(MatchType.PARTIAL, MatchScores.SAME_SPECIFIC);
                }
                if (norm.contains(q)) {
                    return new Scored(
                            MatchType.PARTIAL, MatchScores.PARTIAL - Math.min(10, norm.length() - q.length()));
                }
                // A homophone of the whole typed name with its 通名 (鼎山镇 → 丁山镇) is a likelier meaning
                // than a name sharing only the 专名.
                double homophone = qCore.equals(q) ? MatchScores.HOMOPHONE : MatchScores.HOMOPHONE_WHOLE;
                for (String p : pinyin) {
                    int at = pyk.indexOf(p);
                    if (at >= 0) {
                        return new Scored(
                                MatchType.HOMOPHONE,
                                homophone
                                        + MatchScores.HOMOPHONE_SHARE * sameCharacters(norm)
                                        - otherReading(at, usual));
                    }
                    if (autocomplete && pyk.stream().anyMatch(k -> k.startsWith(p))) {
                        return new Scored(MatchType.HOMOPHONE, MatchScores.HOMOPHONE_PREFIX);
                    }
                }
                return null;
            }
            if (han) { // characters mixed with pinyin: the characters must be in the name
                for (int i = 0; i < q.length(); i++) {
                    if (Romanizer.isHan(q.charAt(i)) && norm.indexOf(q.charAt(i)) < 0) {
                        return null;
                    }
                }
            }
            double best = Double.NEGATIVE_INFINITY;
            for (String p : pinyin) {
                int at = pyk.indexOf(p);
                if (at >= 0) {
                    best = Math.max(best, MatchScores.PINYIN - otherReading(at, usual));
                }
            }
            if (best > Double.NEGATIVE_INFINITY) {
                return new Scored(MatchType.PINYIN, best);
            }
            for (String p : pinyin) {
                for (int at = 0; at < pyk.size(); at++) {
                    String k = pyk.get(at);
                    if (k.startsWith(p)) {
                        best = Math.max(
                                best,
                                MatchScores.PINYIN_PREFIX
                                        - Math.min(10, (k.length() - p.length()) / 2.0)
                                        - otherReading(at, usual));
                    }
                }
            }
            double initials = Double.NEGATIVE_INFINITY;
            List<String> inik = d.initials();
            if (!han) {
                int at = inik.indexOf(q);
                if (at >= 0) {
                    boolean specificOnly = !core.equals(norm) && q.length() == core.length();
                    initials = initialsScore
                            - otherReading(at, usual)
                            - (specificOnly ? MatchScores.SPECIFIC_INITIALS_PENALTY : 0);
                } else if (inik.stream().anyMatch(k -> k.startsWith(q))) {
                    initials = MatchScores.INITIALS_PREFIX;
                }
            }
            if (best > Double.NEGATIVE_INFINITY && best >= initials) {
                return new Scored(MatchType.PINYIN, best);
            }
            if (initials > Double.NEGATIVE_INFINITY) {
                return new Scored(MatchType.INITIALS, initials);
            }
            if (han) {
                return null;
            }
            double fuzzy = Double.NEGATIVE_INFINITY;
            for (int at = 0; at < pyk.size(); at++) {
                int edits = Levenshtein.distance(q, pyk.get(at), 2);
                if (edits <= 2) {
                    fuzzy = Math.max(
                            fuzzy, MatchScores.FUZZY - MatchScores.FUZZY_PER_EDIT * edits - otherReading(at, usual));
                }
            }
            return fuzzy > Double.NEGATIVE_INFINITY ? new Scored(MatchType.FUZZY, fuzzy) : null;
        }

        /** The penalty for a match through key {@code at}: none for the usual reading's keys. */
        private static double otherReading(int at, int usual) {
            return at < usual ? 0 : MatchScores.OTHER_READING_PENALTY;
        }
    }
}
