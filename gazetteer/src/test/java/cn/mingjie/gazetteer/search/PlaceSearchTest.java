package cn.mingjie.gazetteer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Every query kind on the real Chongqing names (NBS 2021/2023 divisions and GeoNames places). */
@SpringJUnitConfig(SearchTestContext.class)
class PlaceSearchTest {

    static final String TONGNAN = "division:500152000000";
    static final String SHUANGJIANG = "division:500152110000";

    @DynamicPropertySource
    static void indexDirectory(DynamicPropertyRegistry registry) throws IOException {
        SearchTestContext.temporaryIndexDirectory(registry);
    }

    @Autowired
    PlaceSearch search;

    @BeforeEach
    void current() {
        search.awaitCurrent(Duration.ofSeconds(30));
    }

    private List<SearchHit> hits(SearchRequest r) {
        return search.search(r).hits();
    }

    private List<SearchHit> hits(String q) {
        return hits(SearchRequest.of(q));
    }

    @Test
    void findsByCharactersExactFirst() {
        List<SearchHit> hits = hits("潼南区");
        assertThat(hits.get(0).placeId()).isEqualTo(TONGNAN);
        assertThat(hits.get(0).matchType()).isEqualTo(MatchType.EXACT);
        assertThat(hits.get(0).name()).isEqualTo("潼南区");
        assertThat(hits.get(0).level()).isEqualTo(3);
    }

    @Test
    void findsByTheNameWithoutItsGenericTerm() {
        SearchHit top = hits("潼南").get(0);
        assertThat(top.placeId()).isEqualTo(TONGNAN);
        assertThat(top.matchType()).isEqualTo(MatchType.EXACT);
        List<SearchHit> shuangjiang = hits("双江");
        assertThat(shuangjiang).extracting(SearchHit::name).contains("双江镇", "双江街道");
    }

    @Test
    void findsByFullPinyinAndByInitials() {
        SearchHit pinyin = hits("tongnan").get(0);
        assertThat(pinyin.placeId()).isEqualTo(TONGNAN);
        assertThat(pinyin.matchType()).isEqualTo(MatchType.PINYIN);
        assertThat(hits("TongNan Qu").get(0).placeId()).isEqualTo(TONGNAN);
        List<SearchHit> initials = hits("tnq");
        assertThat(initials.get(0).placeId()).isEqualTo(TONGNAN);
        assertThat(initials.get(0).matchType()).isEqualTo(MatchType.INITIALS);
        assertThat(hits("sjz")).extracting(SearchHit::placeId).contains(SHUANGJIANG);
    }

    @Test
    void lettersThatAreNoWholeSyllablesAreInitialsFirst() {
        // daz is no pinyin (da + z): 东安镇's exact initials come before 大足区, which only starts "da z…".
        List<SearchHit> daz = hits("daz");
        assertThat(daz.get(0).name()).isEqualTo("东安镇");
        assertThat(daz.get(0).matchType()).isEqualTo(MatchType.INITIALS);
        assertThat(daz).extracting(SearchHit::name).contains("大足区");
        assertThat(hits("syz")).hasSizeGreaterThanOrEqualTo(8).first().satisfies(h -> assertThat(h.matchType())
                .isEqualTo(MatchType.INITIALS));
        assertThat(hits("tn").get(0).placeId()).isEqualTo(TONGNAN);
        assertThat(hits("tnq").get(0).placeId()).isEqualTo(TONGNAN);
        assertThat(hits("cq").get(0).name()).isEqualTo("重庆市");
        // Whole syllables, or a started one, keep the pinyin reading first.
        assertThat(hits("ta").get(0).matchType()).isEqualTo(MatchType.PINYIN);
        assertThat(hits("tongn").get(0).placeId()).isEqualTo(TONGNAN);
        assertThat(hits("chongq").get(0).name()).isEqualTo("重庆市");
        assertThat(hits("shuangj").get(0).matchType()).isEqualTo(MatchType.PINYIN);
    }

    @Test
    void initialsNearTheMapCentreComeFirst() {
        // Eight townships have the initials sjz; the one nearest the centre leads.
        SearchHit nearest = hits(SearchRequest.of("sjz").focus(107.15, 29.15)).get(0);
        assertThat(nearest.name()).isEqualTo("水江镇");
        assertThat(nearest.matchType()).isEqualTo(MatchType.INITIALS);
    }

    @Test
    void aPolyphonesOtherReadingMatchesBelowItsUsualOne() {
        // 长 in 长坪乡 is unresolved (cháng, zhǎng): both readings find it, the usual one scores higher.
        SearchHit usual = hits("changpingxiang").get(0);
        SearchHit other = hits("zhangpingxiang").get(0);
        assertThat(other.name()).isEqualTo(usual.name()).isEqualTo("长坪乡");
        assertThat(other.score()).isLessThan(usual.score());
    }

    @Test
    void findsByCharactersMixedWithPinyin() {
        SearchHit top = hits("潼nan").get(0);
        assertThat(top.placeId()).isEqualTo(TONGNAN);
        assertThat(top.matchType()).isEqualTo(MatchType.PINYIN);
        // The characters typed must be in the name: 铜梁 (tongliang) is not a 潼 name.
        assertThat(hits("潼liang")).extracting(SearchHit::name).doesNotContain("铜梁区");
    }

    @Test
    void toleratesTyposInPinyin() {
        SearchHit top = hits("tongnam").get(0);
        assertThat(top.placeId()).isEqualTo(TONGNAN);
        assertThat(top.matchType()).isEqualTo(MatchType.FUZZY);
        assertThat(hits("shuangjaing")).extracting(SearchHit::placeId).contains(SHUANGJIANG);
    }

    @Test
    void findsHomophonesRankedBelowExactMatches() {
        List<SearchHit> hits = hits("铜南");
        assertThat(hits.get(0).placeId()).isEqualTo(TONGNAN);
        assertThat(hits.get(0).matchType()).isEqualTo(MatchType.HOMOPHONE);
        // 铜梁区 matches 铜 exactly as a prefix: that ranks above the homophone.
        List<SearchHit> tongliang = hits("铜梁");
        assertThat(tongliang.get(0).name()).isEqualTo("铜梁区");
        assertThat(tongliang.get(0).matchType()).isEqualTo(MatchType.EXACT);
    }

    @Test
    void aHomophoneOfTheWholeNameComesBeforeANameSharingOnlyItsSpecificPart() {
        List<SearchHit> dingshan = hits("鼎山镇");
        assertThat(dingshan.get(0).name()).isEqualTo("丁山镇");
        assertThat(dingshan.get(0).matchType()).isEqualTo(MatchType.HOMOPHONE);
        assertThat(dingshan).extracting(SearchHit::name).contains("鼎山街道");
        List<SearchHit> nanping = hits("南平街道");
        assertThat(nanping.get(0).name()).isEqualTo("南坪街道");
        assertThat(nanping).extracting(SearchHit::name).contains("南平镇");
    }

    @Test
    void readsTraditionalCharacters() {
        SearchResult r = search.search(SearchRequest.of("重慶"));
        assertThat(r.normalizedQuery()).isEqualTo("重庆");
        assertThat(r.hits().get(0).name()).isEqualTo("重庆市");
        assertThat(hits("潼南區").get(0).placeId()).isEqualTo(TONGNAN);
        // 乾 stays 乾 (not 干): 乾丰镇 is found by its reading qián.
        assertThat(hits("qfz")).extracting(SearchHit::name).contains("乾丰镇", "青峰镇"); // both qfz: a tie
        assertThat(hits("qianfengzhen").get(0).name()).isEqualTo("乾丰镇");
        assertThat(hits("乾丰镇").get(0).matchType()).isEqualTo(MatchType.EXACT);
    }

    @Test
    void restrictsAnAreaPlusNameQueryToTheArea() {
        SearchResult r = search.search(SearchRequest.of("潼南 双江"));
        assertThat(r.area()).isEqualTo("500152000000");
        assertThat(r.hits().get(0).placeId()).isEqualTo(SHUANGJIANG);
        assertThat(r.hits()).extracting(SearchHit::name).doesNotContain("双江街道");
        assertThat(search.search(SearchRequest.of("tongnan shuangjiang"))
                        .hits()
                        .get(0)
                        .placeId())
                .isEqualTo(SHUANGJIANG);
    }

    @Test
    void findsTheCurrentPlaceByItsFormerNameAndSaysWhenThatNameWasValid() {
        SearchHit hit = hits("米心镇社区居民委员会").get(0);
        assertThat(hit.name()).isEqualTo("长河源社区居民委员会");
        assertThat(hit.matchType()).isEqualTo(MatchType.HISTORICAL);
        assertThat(hit.matchedName()).isEqualTo("米心镇社区居民委员会");
        assertThat(hit.matchedValidFrom()).isEqualTo(LocalDate.of(2021, 10, 31));
        assertThat(hit.matchedValidTo()).isEqualTo(LocalDate.of(2023, 6, 30));
        // As of 2022 it was the name in force; as of 2024 the former name matches nothing valid then.
        assertThat(hits(SearchRequest.of("米心镇社区").asOf(LocalDate.of(2024, 1, 1))))
                .extracting(SearchHit::matchedName)
                .doesNotContain("米心镇社区居民委员会");
        assertThat(hits(SearchRequest.of("米心镇社区").asOf(LocalDate.of(2022, 1, 1))))
                .extracting(SearchHit::matchedName)
                .contains("米心镇社区居民委员会");
    }

    @Test
    void findsAPlaceByAGeoNamesAliasAndSaysItIsAnAlias() {
        SearchHit hit = hits("T'ung-nan-hsien").get(0);
        assertThat(hit.matchedNameKind()).isEqualTo(NameKind.ALIAS);
        assertThat(hit.name()).isEqualTo("梓潼街道");
        assertThat(hit.lon()).isBetween(105.7, 105.9);
    }

    @Test
    void filtersByLevelDivisionDateAndBox() {
        assertThat(hits(SearchRequest.of("双江").level(4))).allMatch(h -> h.level() == 4);
        assertThat(hits(SearchRequest.of("双江").within("500152000000")))
                .extracting(SearchHit::placeId)
                .containsExactlyInAnyOrder(SHUANGJIANG, "division:500152110001");
        assertThat(hits(SearchRequest.of("铜鼓镇"))).hasSizeGreaterThanOrEqualTo(3);
        List<SearchHit> rongchang = hits(SearchRequest.of("铜鼓镇").within("500153000000"));
        assertThat(rongchang.get(0).code()).isEqualTo("500153111000");
        assertThat(rongchang).allMatch(h -> h.code().startsWith("500153"));
        SearchRequest.BoundingBox tongnan = new SearchRequest.BoundingBox(105.5, 29.8, 106.0, 30.4);
        List<SearchHit> inBox = hits(SearchRequest.of("双江").bbox(tongnan));
        assertThat(inBox).isNotEmpty().allMatch(h -> h.lon() >= 105.5 && h.lon() <= 106.0 && h.lat() >= 29.8);
        assertThat(inBox).extracting(SearchHit::name).contains("双江镇").doesNotContain("双江街道");
    }

    @Test
    void biasesTowardsTheMapCentre() {
        // Three 铜鼓镇: the one nearest the map centre comes first.
        SearchHit nearest = hits(SearchRequest.of("铜鼓镇").focus(108.4, 29.3)).get(0);
        assertThat(nearest.code()).isEqualTo("500242116000"); // 酉阳
    }

    @Test
    void completesAsYouType() {
        List<SearchHit> hits = hits(SearchRequest.of("双").autocompleting().withLimit(20));
        assertThat(hits).allMatch(h -> h.matchedName().startsWith("双"));
        assertThat(hits).extracting(SearchHit::matchType).containsOnly(MatchType.PREFIX, MatchType.EXACT);
        assertThat(hits(SearchRequest.of("shuangj").autocompleting()))
                .extracting(SearchHit::placeId)
                .contains(SHUANGJIANG);
    }

    @Test
    void returnsTheFullGeometryOfAPlaceOnRequest() {
        SearchHit district = hits("潼南区").get(0);
        assertThat(search.geometry(district.placeId(), null).getGeometryType()).isEqualTo("MultiPolygon");
        // A township without polygon or seat has no geometry of its own; its location is approximate.
        SearchHit village = hits("长河源社区居民委员会").get(0);
        assertThat(search.geometry(village.placeId(), null)).isNull();
        assertThat(village.approximateLocation()).isTrue();
    }
}
