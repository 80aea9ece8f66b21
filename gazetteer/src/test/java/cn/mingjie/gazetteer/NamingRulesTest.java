package cn.mingjie.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.protection.ProtectionAndSigns;
import cn.mingjie.gazetteer.protection.ProtectionEntry;
import cn.mingjie.gazetteer.rules.NamingProposal;
import cn.mingjie.gazetteer.rules.NamingRules;
import cn.mingjie.gazetteer.rules.RuleFinding;
import cn.mingjie.gazetteer.rules.RuleFinding.Severity;
import cn.mingjie.geocore.edit.ChangeContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Art. 9 on the real Chongqing division names (NBS 2023) and on test roads. */
@SpringJUnitConfig(GazetteerTestContext.class)
class NamingRulesTest {

    static final ChangeContext WHO = new ChangeContext("tester", "测试");

    @Autowired
    NamingRules rules;

    @Autowired
    PlaceRegister register;

    @Autowired
    ProtectionAndSigns protection;

    @Autowired
    JdbcTemplate jdbc;

    static NamingProposal township(String proper, String generic, String countyTownship) {
        return new NamingProposal("NAMING", null, proper, generic, "11400", countyTownship, null, null, null);
    }

    static RuleFinding only(List<RuleFinding> findings, String rule) {
        return findings.stream()
                .filter(f -> f.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not in " + findings));
    }

    @Test
    void aTownshipNameMayNotRepeatAnywhereInTheMunicipality() {
        // 桂林街道 is 潼南's; proposing it in 城口县 (500229) is still a duplicate in 重庆市.
        List<RuleFinding> findings = rules.check(township("桂林", "街道", "500229000000"));
        RuleFinding dup = only(findings, "ART9_DUPLICATE");
        assertThat(dup.severity()).isEqualTo(Severity.BLOCK);
        assertThat(dup.args()).containsExactly("桂林街道", "MUNICIPALITY", "50");
        assertThat(dup.conflicts())
                .extracting(RuleFinding.Conflict::divisionCode)
                .contains("500152000000");
        assertThat(NamingRules.blocks(findings)).isTrue();
    }

    @Test
    void warnsOnAHomophoneTownshipButNotOnAnUnrelatedName() {
        // 梓潼街道 (潼南) — 紫潼街道 sounds the same (zi tong jie dao).
        RuleFinding homophone = only(rules.check(township("紫潼", "街道", "500229000000")), "ART9_HOMOPHONE");
        assertThat(homophone.severity()).isEqualTo(Severity.WARN);
        assertThat(homophone.conflicts()).extracting(RuleFinding.Conflict::name).contains("梓潼街道");
        assertThat(homophone.conflicts().get(0).pinyin()).isEqualTo("Zǐtóng Jiēdào");
        assertThat(rules.check(township("晴岚", "街道", "500229000000"))).isEmpty();
    }

    @Test
    void villageCommitteesCompareWithinTheCountyOnly() {
        // 长河源社区居民委员会 exists in 潼南区 since NBS 2023.
        NamingProposal inTongnan =
                new NamingProposal("NAMING", null, "长河源社区", "居民委员会", "21620", "500152001000", null, null, null);
        assertThat(only(rules.check(inTongnan), "ART9_DUPLICATE").args())
                .containsExactly("长河源社区居民委员会", "COUNTY", "500152");
        NamingProposal elsewhere =
                new NamingProposal("NAMING", null, "长河源社区", "居民委员会", "21620", "500229001000", null, null, null);
        assertThat(rules.check(elsewhere)).noneMatch(f -> f.rule().equals("ART9_DUPLICATE"));
        // As of 2022 the name was 米心镇社区居民委员会, so no duplicate then.
        NamingProposal asOf2022 = new NamingProposal(
                "NAMING", null, "长河源社区", "居民委员会", "21620", "500152001000", null, null, LocalDate.of(2022, 1, 1));
        assertThat(rules.check(asOf2022)).isEmpty();
    }

    @Test
    void roadsCompareWithinTheBuiltUpAreaWhenOneIsRecorded() {
        register.create(Places.road("规则", "路", "POINT (105.80 30.18)"), LocalDate.of(2020, 1, 1), "test", WHO);
        // Without a built-up area the county is the scope, and the finding says so.
        NamingProposal road = new NamingProposal(
                "NAMING", null, "规则", "路", "25100", "500152002000", Places.wkt("POINT (105.9 30.3)"), null, null);
        assertThat(only(rules.check(road), "ART9_DUPLICATE").args())
                .containsExactly("规则路", "BUILT_UP_AREA_FALLBACK_COUNTY", "500152");
        // With a built-up area that does not cover the existing road, there is no duplicate inside it.
        jdbc.update("insert into gazetteer.built_up_area (name, geom, source) values ('测试建成区',"
                + " st_multi(st_makeenvelope(105.85, 30.25, 105.95, 30.35, 4490)), 'test')");
        assertThat(rules.check(road)).noneMatch(f -> f.rule().equals("ART9_DUPLICATE"));
        jdbc.update("delete from gazetteer.built_up_area");
    }

    @Test
    void flagsRareCharactersForeignAndEnterpriseNames() {
        NamingProposal rare = township("龘", "镇", "500152000000");
        RuleFinding r = only(rules.check(rare), "ART9_RARE_CHARACTER");
        assertThat(r.severity()).isEqualTo(Severity.FLAG);
        assertThat(r.args()).containsExactly("龘");

        List<RuleFinding> foreign = rules.check(
                new NamingProposal("NAMING", null, "威尼斯花园", "小区", "21600", "500152001000", null, null, null));
        assertThat(foreign).extracting(RuleFinding::messageKey).contains("rule.term.foreign");
        List<RuleFinding> enterprise =
                rules.check(new NamingProposal("NAMING", null, "碧桂园", "大道", "25100", "500152001000", null, null, null));
        assertThat(enterprise).extracting(RuleFinding::messageKey).contains("rule.term.enterprise");
        assertThat(enterprise).allMatch(f -> f.severity() == Severity.FLAG);
    }

    @Test
    void renamingAProtectedNameIsBlockedUntilMeasuresAreRecorded() {
        PlaceVersion old =
                register.create(Places.road("老街", "巷", "POINT (105.79 30.19)"), LocalDate.of(2000, 1, 1), "test", WHO);
        protection.addEntry(
                new ProtectionEntry(
                        0,
                        null,
                        old.placeId(),
                        "老街巷",
                        "DISTRICT",
                        1,
                        "百年以上老地名",
                        120,
                        "IN_USE",
                        null,
                        null,
                        null,
                        null,
                        "test"),
                WHO);
        NamingProposal rename =
                new NamingProposal("RENAMING", old.placeId(), "新街", "巷", "25100", Places.ZITONG, null, null, null);
        RuleFinding blocked = only(rules.check(rename), "PROTECTED_NAME");
        assertThat(blocked.severity()).isEqualTo(Severity.BLOCK);
        assertThat(blocked.args()).containsExactly("老街巷", "DISTRICT", 1);
        NamingProposal withMeasures = new NamingProposal(
                "RENAMING", old.placeId(), "新街", "巷", "25100", Places.ZITONG, null, "原名刻石保留并设说明牌", null);
        assertThat(only(rules.check(withMeasures), "PROTECTED_NAME").severity()).isEqualTo(Severity.WARN);
    }

    static NamingProposal street(String proper, String generic, String division, String pointWkt) {
        return new NamingProposal("NAMING", null, proper, generic, "25100", division, Places.wkt(pointWkt), null, null);
    }

    @Test
    void streetNamesCompareWithinOneBuiltUpAreaOnly() {
        // Two built-up areas (golden polygons): the town centre around 梓潼/桂林, and a town elsewhere.
        jdbc.update("insert into gazetteer.built_up_area (name, geom, source) values"
                + " ('测试城区', st_multi(st_geomfromtext('POLYGON ((105.82 30.17, 105.86 30.17, 105.86 30.20,"
                + " 105.82 30.20, 105.82 30.17))', 4490)), 'test'),"
                + " ('测试镇区', st_multi(st_geomfromtext('POLYGON ((105.70 30.25, 105.72 30.25, 105.72 30.27,"
                + " 105.70 30.27, 105.70 30.25))', 4490)), 'test')");
        try {
            PlaceVersion existing = register.create(
                    Places.road("建设", "路", "LINESTRING (105.835 30.18, 105.845 30.185)"),
                    LocalDate.of(2010, 1, 1),
                    "test",
                    WHO);
            // Same name inside the same built-up area: blocked, naming the area and the existing street.
            RuleFinding dup =
                    only(rules.check(street("建设", "路", Places.ZITONG, "POINT (105.85 30.19)")), "ART9_DUPLICATE");
            assertThat(dup.severity()).isEqualTo(Severity.BLOCK);
            assertThat(dup.args()).containsExactly("建设路", "BUILT_UP_AREA", "测试城区");
            assertThat(dup.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.placeId()).isEqualTo(existing.placeId());
                assertThat(c.name()).isEqualTo("建设路");
                assertThat(c.categoryCode()).isEqualTo("25100");
                assertThat(c.pinyin()).isEqualTo("Jiànshè Lù");
            });
            // The same name in the other built-up area (same county) is allowed.
            assertThat(rules.check(street("建设", "路", "500152110000", "POINT (105.71 30.26)")))
                    .noneMatch(f ->
                            f.rule().startsWith("ART9_DUPLICATE") || f.rule().equals("ART9_HOMOPHONE"));
            // A homophone inside the same area is a warning (健设 jiàn shè = 建设).
            RuleFinding homophone =
                    only(rules.check(street("健设", "路", Places.ZITONG, "POINT (105.83 30.175)")), "ART9_HOMOPHONE");
            assertThat(homophone.severity()).isEqualTo(Severity.WARN);
            assertThat(homophone.args()).containsExactly("健设路", "BUILT_UP_AREA", "测试城区");
            assertThat(homophone.conflicts())
                    .extracting(RuleFinding.Conflict::name)
                    .containsExactly("建设路");
            // Renaming the street itself to its own name is no conflict with itself.
            NamingProposal itself = new NamingProposal(
                    "RENAMING",
                    existing.placeId(),
                    "建设",
                    "路",
                    "25100",
                    Places.ZITONG,
                    Places.wkt("POINT (105.84 30.18)"),
                    null,
                    null);
            assertThat(rules.check(itself)).noneMatch(f -> f.rule().equals("ART9_DUPLICATE"));
        } finally {
            jdbc.update("delete from gazetteer.built_up_area");
        }
    }

    @Test
    void rareCharactersAreThoseOutsideTheGeneralStandardTable() {
        // 氽 (a real village name of 南川区, 氽鸭村) is not in the 通用规范汉字表; 碚 (北碚) is, in grade 2.
        RuleFinding rare = only(
                rules.check(
                        new NamingProposal("NAMING", null, "氽鸭村", "村民委员会", "22200", "500152001000", null, null, null)),
                "ART9_RARE_CHARACTER");
        assertThat(rare.args()).containsExactly("氽");
        assertThat(rules.check(township("碚石", "镇", "500229000000")))
                .noneMatch(f -> f.rule().equals("ART9_RARE_CHARACTER"));
    }

    @Test
    void anUndecidedReadingIsFlaggedForTheReviewerWithTheAlternatives() {
        // 长 in 长坪 is cháng or zhǎng; no dictionary decides it.
        RuleFinding flag = only(rules.check(township("长坪", "镇", "500229000000")), "ROMANIZATION_AMBIGUOUS");
        assertThat(flag.severity()).isEqualTo(Severity.FLAG);
        assertThat(flag.args()).element(1).isEqualTo("Changping Zhen");
        assertThat(flag.args()).element(2).isEqualTo("长");
        assertThat(flag.args().get(3).toString()).contains("Zhangping Zhen");
        // 重庆 is decided by the place-name dictionary: no flag.
        assertThat(rules.check(township("重庆", "镇", "500229000000")))
                .noneMatch(f -> f.rule().equals("ROMANIZATION_AMBIGUOUS"));
    }
}
