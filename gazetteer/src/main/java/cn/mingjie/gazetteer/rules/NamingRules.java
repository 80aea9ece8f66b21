package cn.mingjie.gazetteer.rules;

import cn.mingjie.gazetteer.DivisionPrefix;
import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.romanization.Reading;
import cn.mingjie.gazetteer.romanization.Romanization;
import cn.mingjie.gazetteer.romanization.Romanizer;
import cn.mingjie.gazetteer.rules.RuleFinding.Conflict;
import cn.mingjie.gazetteer.rules.RuleFinding.Severity;
import cn.mingjie.gazetteer.search.MatchType;
import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchHit;
import cn.mingjie.gazetteer.search.SearchRequest;
import cn.mingjie.geocore.edit.Text;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 地名管理条例 (2022) Art. 9 on a proposal:
 *
 * <ul>
 *   <li>ART9_DUPLICATE (block) and ART9_HOMOPHONE (warn) within the scope of the category: townships
 *       within the municipality, village/residents' committees within the county, streets, roads,
 *       residential areas and buildings within one built-up area (the county when no built-up area
 *       covers the proposal — the finding says which scope it used). Candidates come from the search
 *       index ({@link PlaceSearch}, restricted to the scope's division, match types EXACT and HOMOPHONE,
 *       which compares every reading of polyphonic characters); each is then confirmed in the database
 *       as of the proposal's date (name in force, category of the same scope, inside the built-up area);
 *   <li>ART9_RARE_CHARACTER (flag): characters outside the 通用规范汉字表 (2013, {@link CommonCharacters});
 *   <li>ART9_FLAGGED_TERM (flag): person, foreign, enterprise/trademark or exaggerating words from the
 *       office's list gazetteer.flag_term;
 *   <li>ROMANIZATION_AMBIGUOUS (flag): a polyphonic character whose place-name reading the romanizer
 *       could not decide — the reviewer settles it in the reading dictionary;
 *   <li>PROTECTED_NAME (block): renaming or abolishing a name on a protection list without recorded
 *       protection measures.
 * </ul>
 */
@Service
public class NamingRules {

    /** How long a check waits for the search index to apply committed changes (normally milliseconds). */
    private static final Duration INDEX_WAIT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final PlaceSearch search;
    private final PlaceReadings readings;

    public NamingRules(JdbcTemplate jdbc, PlaceSearch search, PlaceReadings readings) {
        this.jdbc = jdbc;
        this.search = search;
        this.readings = readings;
    }

    public List<RuleFinding> check(NamingProposal p) {
        List<RuleFinding> findings = new ArrayList<>();
        String name = Text.nfc(p.name().strip());
        LocalDate date = p.asOf() == null ? LocalDate.now() : p.asOf();
        if (!"ABOLITION".equals(p.kind()) && !name.isEmpty() && p.categoryCode() != null && p.divisionCode() != null) {
            uniqueness(p, name, date, findings);
        }
        if (!"ABOLITION".equals(p.kind()) && !name.isEmpty()) {
            rareCharacters(name, findings);
            flaggedTerms(name, findings);
            ambiguousReading(name, findings);
        }
        if (p.placeId() != null && !"NAMING".equals(p.kind())) {
            protectedName(p, findings);
        }
        return findings;
    }

    public static boolean blocks(List<RuleFinding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
    }

    private record Area(long id, String name) {}

    private void uniqueness(NamingProposal p, String name, LocalDate date, List<RuleFinding> findings) {
        List<String> scopeRows = jdbc.queryForList(
                "select uniqueness_scope from gazetteer.category where code = ?", String.class, p.categoryCode());
        if (scopeRows.isEmpty() || scopeRows.get(0).equals("NONE")) {
            return;
        }
        String categoryScope = scopeRows.get(0);
        String scope = categoryScope;
        String scopeLabel;
        String within;
        Area area = null;
        if (scope.equals("MUNICIPALITY")) {
            scopeLabel = DivisionPrefix.province(p.divisionCode());
            within = twelveDigits(scopeLabel);
        } else {
            scopeLabel = DivisionPrefix.county(p.divisionCode());
            within = twelveDigits(scopeLabel);
            if (scope.equals("BUILT_UP_AREA")) {
                area = builtUpArea(p);
                if (area == null) {
                    scope = "BUILT_UP_AREA_FALLBACK_COUNTY";
                } else {
                    scopeLabel = area.name();
                }
            }
        }
        Map<String, MatchType> candidates = candidates(name, within, date);
        if (candidates.isEmpty()) {
            return;
        }
        List<Long> placeIds = new ArrayList<>();
        List<String> divisionCodes = new ArrayList<>();
        candidates.keySet().forEach(id -> {
            if (id.startsWith("place:")) {
                placeIds.add(Long.parseLong(id.substring("place:".length())));
            } else if (id.startsWith("division:")) {
                divisionCodes.add(id.substring("division:".length()));
            }
        });
        // Confirmed in the database: the name in force on the date, a category of the same scope, not the
        // place being renamed, and for a built-up area a geometry that touches it.
        StringBuilder sql = new StringBuilder(
                "select v.place_id, p.division_code own_code, v.name, v.division_code, v.category_code"
                        + " from gazetteer.place p join gazetteer.place_version_all v on v.place_id = p.place_id"
                        + " join gazetteer.category c on c.code = v.category_code"
                        + " where (p.place_id = any(?) or p.division_code = any(?)) and not v.deprecated"
                        + " and c.uniqueness_scope = ? and v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?)");
        List<Object> args = new ArrayList<>(List.of(
                placeIds.toArray(Long[]::new), divisionCodes.toArray(String[]::new), categoryScope, date, date));
        if (p.placeId() != null) {
            sql.append(" and v.place_id <> ?");
            args.add(p.placeId());
        }
        if (area != null) {
            sql.append(" and st_intersects(v.geom, (select geom from gazetteer.built_up_area where id = ?))");
            args.add(area.id());
        }
        sql.append(" order by v.division_code, v.name, v.place_id");
        Romanizer romanizer = readings.romanizer();
        List<Conflict> duplicates = new ArrayList<>();
        List<Conflict> homophones = new ArrayList<>();
        jdbc.query(
                sql.toString(),
                rs -> {
                    String other = rs.getString("name");
                    String own = rs.getString("own_code");
                    MatchType type =
                            candidates.get(own == null ? "place:" + rs.getLong("place_id") : "division:" + own);
                    Conflict c = new Conflict(
                            rs.getLong("place_id"),
                            other,
                            rs.getString("division_code"),
                            rs.getString("category_code"),
                            romanizer.romanize(other).toned());
                    if (other.equals(name)) {
                        duplicates.add(c);
                    } else if (type == MatchType.HOMOPHONE) {
                        homophones.add(c);
                    }
                },
                args.toArray());
        if (!duplicates.isEmpty()) {
            findings.add(new RuleFinding(
                    "ART9_DUPLICATE", Severity.BLOCK, "rule.duplicate", List.of(name, scope, scopeLabel), duplicates));
        }
        if (!homophones.isEmpty()) {
            findings.add(new RuleFinding(
                    "ART9_HOMOPHONE", Severity.WARN, "rule.homophone", List.of(name, scope, scopeLabel), homophones));
        }
    }

    /**
     * Places in the division whose name, valid on the date, is the proposed name or sounds the same.
     * A former name that matched (HISTORICAL) is kept as a candidate too: the database decides which
     * name was in force on the date.
     */
    private Map<String, MatchType> candidates(String name, String within, LocalDate date) {
        awaitIndex();
        Map<String, MatchType> out = new LinkedHashMap<>();
        SearchRequest request = SearchRequest.of(name).within(within).asOf(date).withLimit(SearchRequest.MAX_LIMIT);
        for (SearchHit h : search.search(request).hits()) {
            if (MATCHES.contains(h.matchType())) {
                out.putIfAbsent(h.placeId(), h.matchType());
            }
        }
        return out;
    }

    private static final Set<MatchType> MATCHES =
            EnumSet.of(MatchType.EXACT, MatchType.HOMOPHONE, MatchType.HISTORICAL);

    /**
     * Waits until the index has applied every committed change, so that a name approved a moment ago
     * is seen. Only waits on the listener (never applies changes on this thread, which may be inside
     * the caller's transaction).
     */
    private void awaitIndex() {
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        while (search.status().queuedChanges() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("search index has not applied the queued name changes after "
                        + INDEX_WAIT + "; the naming rules cannot be checked");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String twelveDigits(String prefix) {
        return (prefix + "000000000000").substring(0, 12);
    }

    private Area builtUpArea(NamingProposal p) {
        if (p.geometry() == null) {
            return null;
        }
        return jdbc
                .query(
                        "select id, name from gazetteer.built_up_area where st_intersects(geom,"
                                + " st_setsrid(st_geomfromwkb(?), 4490)) order by id limit 1",
                        (rs, i) -> new Area(rs.getLong(1), rs.getString(2)),
                        (Object) new WKBWriter().write(p.geometry()))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static void rareCharacters(String name, List<RuleFinding> findings) {
        CommonCharacters table = CommonCharacters.table();
        String rare = name.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .filter(cp -> !table.contains(cp))
                .distinct()
                .mapToObj(Character::toString)
                .collect(Collectors.joining());
        if (!rare.isEmpty()) {
            findings.add(new RuleFinding("ART9_RARE_CHARACTER", Severity.FLAG, "rule.rare", List.of(rare), List.of()));
        }
    }

    private void ambiguousReading(String name, List<RuleFinding> findings) {
        Romanization r = readings.romanizer().romanize(name);
        if (!r.ambiguous()) {
            return;
        }
        String characters =
                r.ambiguities().stream().map(Reading::character).distinct().collect(Collectors.joining());
        findings.add(new RuleFinding(
                "ROMANIZATION_AMBIGUOUS",
                Severity.FLAG,
                "rule.romanization-ambiguous",
                List.of(name, r.text(), characters, String.join(" / ", r.alternatives())),
                List.of()));
    }

    private void flaggedTerms(String name, List<RuleFinding> findings) {
        jdbc.query(
                "select term, kind from gazetteer.flag_term where strpos(?, term) > 0 order by kind, term",
                rs -> {
                    findings.add(new RuleFinding(
                            "ART9_FLAGGED_TERM",
                            Severity.FLAG,
                            "rule.term." + rs.getString(2).toLowerCase(),
                            List.of(rs.getString(1)),
                            List.of()));
                },
                name);
    }

    private void protectedName(NamingProposal p, List<RuleFinding> findings) {
        List<Map<String, Object>> entries = jdbc.queryForList(
                "select entry_id, name, list_kind, batch from gazetteer.protection_entry where place_id = ?",
                p.placeId());
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Object> e = entries.get(0);
        boolean hasMeasures =
                p.protectionMeasures() != null && !p.protectionMeasures().isBlank();
        findings.add(new RuleFinding(
                "PROTECTED_NAME",
                hasMeasures ? Severity.WARN : Severity.BLOCK,
                hasMeasures ? "rule.protected.measures" : "rule.protected",
                List.of(e.get("name"), e.get("list_kind"), e.get("batch")),
                List.of()));
    }
}
