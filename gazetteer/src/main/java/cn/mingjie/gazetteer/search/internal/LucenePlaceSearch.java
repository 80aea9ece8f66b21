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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * The search over the Lucene name index. Candidate retrieval in Lucene (one boolean query of keyword
 * clauses, each weighted by its match kind, plus importance and distance features); the final match
 * type and score are decided in Java on the few candidates, one hit per place.
 */
@Service
public class LucenePlaceSearch implements PlaceSearch {

    private static final int MAX_QUERY_COMBINATIONS = 16;

    private final IndexMaintainer maintainer;

    public LucenePlaceSearch(IndexMaintainer maintainer) {
        this.maintainer = maintainer;
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
                String joined = normalized.replace(" ", "");
                List<SearchHit> whole = run(searcher, joined, request, null, romanizer);
                String[] tokens = normalized.split(" ");
                // "area + name" (潼南 双江), unless the words together already name a place (tongnan qu).
                if (tokens.length > 1 && (whole.isEmpty() || !namesWholly(whole.get(0)))) {
                    String areaText = String.join("", Arrays.copyOf(tokens, tokens.length - 1));
                    String name = tokens[tokens.length - 1];
                    List<String> areas = resolveArea(searcher, areaText, request, romanizer);
                    if (!areas.isEmpty()) {
                        List<SearchHit> hits = run(searcher, name, request, areas, romanizer);
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

    /** The codes of the divisions an "area + name" query's area part names (best matches only). */
    private List<String> resolveArea(IndexSearcher searcher, String text, SearchRequest request, Romanizer romanizer)
            throws IOException {
        SearchRequest areaRequest =
                new SearchRequest(text, false, null, null, null, request.asOf(), null, null, null, 5);
        List<SearchHit> hits = run(searcher, text, areaRequest, null, romanizer);
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
     * initials as typed, and with two edits only when one edit found nothing: building the two-edit
     * automaton costs milliseconds per query, the one-edit automaton a fraction of that.
     */
    private List<SearchHit> run(
            IndexSearcher searcher, String q, SearchRequest request, List<String> areas, Romanizer romanizer)
            throws IOException {
        QueryPlan plan = QueryPlan.of(q, request.autocomplete(), romanizer);
        double[] best = {0};
        List<SearchHit> hits = run(searcher, plan, request, areas, null, best);
        if (plan.fuzzy() != null && best[0] < 60) {
            hits = run(searcher, plan, request, areas, plan.fuzzy(), best);
            if (plan.wideFuzzy() != null && best[0] < 30) {
                hits = run(searcher, plan, request, areas, plan.wideFuzzy(), best);
            }
        }
        return hits;
    }

    private List<SearchHit> run(
            IndexSearcher searcher,
            QueryPlan plan,
            SearchRequest request,
            List<String> areas,
            Query fuzzy,
            double[] best)
            throws IOException {
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        plan.clauses()
                .forEach((query, weight) ->
                        match.add(new BoostQuery(new ConstantScoreQuery(query), weight), Occur.SHOULD));
        if (fuzzy != null) {
            match.add(new BoostQuery(new ConstantScoreQuery(fuzzy), 30f), Occur.SHOULD);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(match.build(), Occur.MUST);
        // Among equally good candidates (many names with the same sound) those sharing more of the typed
        // characters come first: each shared leading run (prefix) and each shared bigram counts.
        plan.grams()
                .forEach(g ->
                        all.add(new BoostQuery(new TermQuery(new Term(LuceneNameIndex.GRAM, g)), 2f), Occur.SHOULD));
        plan.leading()
                .forEach(p ->
                        all.add(new BoostQuery(new TermQuery(new Term(LuceneNameIndex.PREFIX, p)), 2f), Occur.SHOULD));
        all.add(FeatureField.newLinearQuery(LuceneNameIndex.FEATURES, LuceneNameIndex.IMPORTANCE, 5f), Occur.SHOULD);
        if (request.focusLat() != null && request.focusLon() != null) {
            all.add(
                    LatLonPoint.newDistanceFeatureQuery(
                            LuceneNameIndex.LOCATION, 8f, request.focusLat(), request.focusLon(), 20_000),
                    Occur.SHOULD);
        }
        if (request.level() != null) {
            all.add(IntPoint.newExactQuery(LuceneNameIndex.LEVEL, request.level()), Occur.FILTER);
        }
        if (request.category() != null) {
            all.add(new TermQuery(new Term(LuceneNameIndex.CATEGORY, request.category())), Occur.FILTER);
        }
        if (request.within() != null) {
            all.add(new TermQuery(new Term(LuceneNameIndex.WITHIN, request.within())), Occur.FILTER);
        }
        if (areas != null) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            areas.forEach(a -> any.add(new TermQuery(new Term(LuceneNameIndex.WITHIN, a)), Occur.SHOULD));
            all.add(any.build(), Occur.FILTER);
        }
        if (request.asOf() != null) {
            long day = request.asOf().toEpochDay();
            all.add(LongPoint.newRangeQuery(LuceneNameIndex.FROM, Long.MIN_VALUE, day), Occur.FILTER);
            all.add(LongPoint.newRangeQuery(LuceneNameIndex.TO, day + 1, Long.MAX_VALUE), Occur.FILTER);
        }
        if (request.bbox() != null) {
            SearchRequest.BoundingBox b = request.bbox();
            all.add(
                    LatLonPoint.newBoxQuery(LuceneNameIndex.LOCATION, b.south(), b.north(), b.west(), b.east()),
                    Occur.FILTER);
        }
        int candidates = Math.max(50, request.limit() * 5);
        TopDocs top = searcher.search(all.build(), candidates);

        Map<String, SearchHit> byPlace = new LinkedHashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            NameRecord d = LuceneNameIndex.record(searcher, sd.doc);
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
            SearchHit existing = byPlace.get(d.placeId());
            if (existing != null && existing.score() >= score + MatchScores.IMPORTANCE * importance(d)) {
                continue;
            }
            // A primary entry's documents carry the place's attributes; an alias entry's hit is shown as
            // the place that owns it.
            NameRecord display = d.primary() ? d : displayRecord(searcher, d.placeId());
            if (display == null) {
                continue;
            }
            double finalScore = score + MatchScores.IMPORTANCE * importance(display) + distanceBonus(display, request);
            if (existing != null && existing.score() >= finalScore) {
                continue;
            }
            byPlace.put(d.placeId(), hit(display, d, type, finalScore));
        }
        return byPlace.values().stream()
                .sorted(Comparator.comparingDouble(SearchHit::score).reversed())
                .limit(request.limit())
                .toList();
    }

    private static NameRecord displayRecord(IndexSearcher searcher, String placeId) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneNameIndex.PLACE, placeId)), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneNameIndex.DISPLAY, "1")), Occur.FILTER)
                .build();
        TopDocs t = searcher.search(q, 1);
        return t.scoreDocs.length == 0 ? null : LuceneNameIndex.record(searcher, t.scoreDocs[0].doc);
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

    /** The clauses for one query text and the Java-side classification of candidates. */
    record QueryPlan(
            String q,
            boolean han,
            boolean latin,
            String qCore,
            List<String> pinyin,
            boolean autocomplete,
            double initialsScore,
            Map<Query, Float> clauses,
            Query fuzzy,
            Query wideFuzzy,
            List<String> grams,
            List<String> leading) {

        static QueryPlan of(String q, boolean autocomplete, Romanizer romanizer) {
            boolean han = NameKeys.hasHan(q);
            boolean latin = NameKeys.hasLatin(q);
            Map<Query, Float> c = new LinkedHashMap<>();
            List<String> pinyin = han ? NameKeys.queryPinyin(q, romanizer, MAX_QUERY_COMBINATIONS) : List.of(q);
            String qCore = han ? romanizer.generics().split(q).specific() : q;
            boolean initialsOnly = !han && !NameKeys.wholeSyllables(q);
            if (han && !latin) {
                c.put(term(LuceneNameIndex.EXACT, q), MatchScores.W_EXACT);
                if (!qCore.equals(q)) {
                    c.put(term(LuceneNameIndex.EXACT, qCore), MatchScores.W_EXACT_SPECIFIC);
                }
                c.put(
                        prefix(LuceneNameIndex.PREFIX, LuceneNameIndex.EXACT, q, LuceneNameIndex.MAX_CHAR_PREFIX),
                        autocomplete ? MatchScores.W_PREFIX_AUTOCOMPLETE : MatchScores.W_PREFIX);
                if (q.length() >= 2) {
                    BooleanQuery.Builder grams = new BooleanQuery.Builder();
                    for (int i = 0; i + 2 <= q.length(); i++) {
                        grams.add(term(LuceneNameIndex.GRAM, q.substring(i, i + 2)), Occur.FILTER);
                    }
                    c.put(grams.build(), MatchScores.W_BIGRAMS);
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
                    c.put(term(LuceneNameIndex.PINYIN, p), MatchScores.W_PINYIN);
                    if (p.length() >= 2) {
                        c.put(
                                prefix(
                                        LuceneNameIndex.PINYIN_PREFIX,
                                        LuceneNameIndex.PINYIN,
                                        p,
                                        LuceneNameIndex.MAX_PINYIN_PREFIX),
                                MatchScores.W_PINYIN_PREFIX);
                    }
                }
                if (!han && q.length() <= 10) {
                    c.put(
                            term(LuceneNameIndex.INITIALS, q),
                            initialsOnly ? MatchScores.W_INITIALS_ONLY : MatchScores.W_INITIALS);
                    c.put(
                            prefix(LuceneNameIndex.INITIALS_PREFIX, LuceneNameIndex.INITIALS, q, Integer.MAX_VALUE),
                            MatchScores.W_INITIALS_PREFIX);
                }
            }
            // One edit from four letters; from ten letters also two, tried only if one finds nothing.
            Query fuzzy = !han && q.length() >= 4
                    ? new FuzzyQuery(new Term(LuceneNameIndex.PINYIN, q), 1, 1, 50, true)
                    : null;
            Query wideFuzzy = !han && q.length() >= 10
                    ? new FuzzyQuery(new Term(LuceneNameIndex.PINYIN, q), 2, 1, 50, true)
                    : null;
            List<String> grams = new ArrayList<>();
            for (int i = 0; han && i + 2 <= q.length(); i++) {
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
                    q, han, latin, qCore, pinyin, autocomplete, initialsScore, c, fuzzy, wideFuzzy, grams, leading);
        }

        private static Query term(String field, String value) {
            return new TermQuery(new Term(field, value));
        }

        /** Prefix via the indexed prefix keys; a longer prefix than indexed uses Lucene's PrefixQuery. */
        private static Query prefix(String prefixField, String fullField, String value, int indexedUpTo) {
            if (value.length() <= indexedUpTo) {
                return term(prefixField, value);
            }
            return new org.apache.lucene.search.PrefixQuery(new Term(fullField, value));
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
