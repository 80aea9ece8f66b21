package cn.mingjie.gazetteer.rules;

import cn.mingjie.gazetteer.DivisionPrefix;
import cn.mingjie.gazetteer.pinyin.PinyinReading;
import cn.mingjie.gazetteer.rules.RuleFinding.Conflict;
import cn.mingjie.gazetteer.rules.RuleFinding.Severity;
import cn.mingjie.geocore.edit.Text;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
 *       is recorded there — the finding says which scope it used);
 *   <li>ART9_RARE_CHARACTER (flag): characters outside GB 2312, our stand-in for the 通用规范汉字表;
 *   <li>ART9_FLAGGED_TERM (flag): person, foreign, enterprise/trademark or exaggerating words from the
 *       office's list gazetteer.flag_term;
 *   <li>PROTECTED_NAME (block): renaming or abolishing a name on a protection list without recorded
 *       protection measures.
 * </ul>
 */
@Service
public class NamingRules {

    /** Polyphonic characters multiply readings; this many combinations per name are compared. */
    private static final int READINGS_LIMIT = 16;

    private static final Charset GB2312 = Charset.forName("GB2312");

    private final JdbcTemplate jdbc;
    private final PinyinReading pinyin;

    public NamingRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pinyin = PinyinReading.standard();
    }

    public List<RuleFinding> check(NamingProposal p) {
        List<RuleFinding> findings = new ArrayList<>();
        String name = Text.nfc(p.name().strip());
        LocalDate date = p.asOf() == null ? LocalDate.now() : p.asOf();
        if (!"ABOLITION".equals(p.kind()) && !name.isEmpty() && p.categoryCode() != null && p.divisionCode() != null) {
            uniqueness(p, name, date, findings);
        }
        if (!"ABOLITION".equals(p.kind())) {
            rareCharacters(name, findings);
            flaggedTerms(name, findings);
        }
        if (p.placeId() != null && !"NAMING".equals(p.kind())) {
            protectedName(p, findings);
        }
        return findings;
    }

    public static boolean blocks(List<RuleFinding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
    }

    private void uniqueness(NamingProposal p, String name, LocalDate date, List<RuleFinding> findings) {
        List<String> scopeRows = jdbc.queryForList(
                "select uniqueness_scope from gazetteer.category where code = ?", String.class, p.categoryCode());
        if (scopeRows.isEmpty() || scopeRows.get(0).equals("NONE")) {
            return;
        }
        String scope = scopeRows.get(0);
        StringBuilder sql = new StringBuilder(
                "select v.place_id, v.name, v.division_code, v.category_code from gazetteer.place_version_all v"
                        + " join gazetteer.category c on c.code = v.category_code"
                        + " where c.uniqueness_scope = ? and not v.deprecated"
                        + " and v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?)");
        List<Object> args = new ArrayList<>(List.of(scope, date, date));
        if (p.placeId() != null) {
            sql.append(" and v.place_id <> ?");
            args.add(p.placeId());
        }
        String scopeLabel;
        switch (scope) {
            case "MUNICIPALITY" -> {
                scopeLabel = DivisionPrefix.province(p.divisionCode());
                sql.append(" and v.division_code like ?");
                args.add(scopeLabel + "%");
            }
            case "COUNTY" -> {
                scopeLabel = DivisionPrefix.county(p.divisionCode());
                sql.append(" and v.division_code like ?");
                args.add(scopeLabel + "%");
            }
            default -> {
                Long area = builtUpArea(p);
                if (area == null) {
                    scopeLabel = DivisionPrefix.county(p.divisionCode());
                    sql.append(" and v.division_code like ?");
                    args.add(scopeLabel + "%");
                    scope = "BUILT_UP_AREA_FALLBACK_COUNTY";
                } else {
                    scopeLabel = jdbc.queryForObject(
                            "select name from gazetteer.built_up_area where id = ?", String.class, area);
                    sql.append(" and st_intersects(v.geom, (select geom from gazetteer.built_up_area where id = ?))");
                    args.add(area);
                }
            }
        }
        List<Map<String, Object>> rows = jdbc.queryForList(sql.toString(), args.toArray());
        Set<String> proposedReadings = pinyin.tonelessReadings(name, READINGS_LIMIT);
        List<Conflict> duplicates = new ArrayList<>();
        List<Conflict> homophones = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String other = (String) r.get("name");
            long placeId = ((Number) r.get("place_id")).longValue();
            if (other.equals(name)) {
                duplicates.add(conflict(placeId, other, r));
                continue;
            }
            Set<String> readings = pinyin.tonelessReadings(other, READINGS_LIMIT);
            if (!Collections.disjoint(proposedReadings, readings)) {
                homophones.add(conflict(placeId, other, r));
            }
        }
        if (!duplicates.isEmpty()) {
            findings.add(new RuleFinding(
                    "ART9_DUPLICATE", Severity.BLOCK, "rule.duplicate", List.of(name, scope, scopeLabel), duplicates));
        }
        if (!homophones.isEmpty()) {
            findings.add(new RuleFinding(
                    "ART9_HOMOPHONE", Severity.WARN, "rule.homophone", List.of(name, scope, scopeLabel), homophones));
        }
    }

    private Conflict conflict(long placeId, String name, Map<String, Object> r) {
        return new Conflict(
                placeId,
                name,
                (String) r.get("division_code"),
                (String) r.get("category_code"),
                String.join(" ", pinyin.syllables(name)));
    }

    private Long builtUpArea(NamingProposal p) {
        if (p.geometry() == null) {
            return null;
        }
        return jdbc
                .queryForList(
                        "select id from gazetteer.built_up_area where st_intersects(geom,"
                                + " st_setsrid(st_geomfromwkb(?), 4490)) order by id limit 1",
                        Long.class,
                        (Object) new WKBWriter().write(p.geometry()))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static void rareCharacters(String name, List<RuleFinding> findings) {
        CharsetEncoder encoder = GB2312.newEncoder();
        String rare = name.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .filter(cp -> !encoder.canEncode(Character.toString(cp)))
                .mapToObj(Character::toString)
                .distinct()
                .collect(Collectors.joining());
        if (!rare.isEmpty()) {
            findings.add(new RuleFinding("ART9_RARE_CHARACTER", Severity.FLAG, "rule.rare", List.of(rare), List.of()));
        }
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
