package cn.mingjie.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.approval.CaseProposal;
import cn.mingjie.gazetteer.approval.NamingCase;
import cn.mingjie.gazetteer.approval.NamingCases;
import cn.mingjie.gazetteer.search.MatchType;
import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchHit;
import cn.mingjie.gazetteer.search.SearchRequest;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The register's places in the search index (PlaceNameSource and the triggers of migration
 * gazetteer/V3) on the real PostGIS: names approved through the naming workflow are searchable (polled
 * for; SearchFreshnessBench measures how soon), by their new and their former names; wrong (deprecated) records are not found; divisions
 * are found once, with the names only the register knows.
 */
@SpringJUnitConfig(GazetteerTestContext.class)
class PlaceSearchRegisterTest {

    static final ChangeContext EDITOR = new ChangeContext("editor", "申报");
    static final ChangeContext APPROVER = new ChangeContext("approver", "审批");
    static final LocalDate APPROVED_ON = LocalDate.of(2025, 3, 10);

    @Autowired
    PlaceSearch search;

    @Autowired
    NamingCases cases;

    @Autowired
    PlaceRegister register;

    @Autowired
    DivisionRegister divisions;

    @BeforeEach
    void indexCurrent() {
        search.awaitCurrent(Duration.ofSeconds(30));
    }

    static CaseProposal road(String proper, String generic, String wkt) {
        return new CaseProposal(
                proper,
                generic,
                null,
                "25100",
                Places.ZITONG,
                "以" + proper + "得名",
                "2024年新建道路",
                "城市支路，长约0.5千米",
                wkt,
                "surveyed",
                "潼南区地名办（测试）");
    }

    /** Application, the three reports, review and approval. */
    NamingCase approved(String kind, Long placeId, CaseProposal p, String document) {
        NamingCase c = cases.apply(kind, placeId, p, "测试：道路命名/更名", "梓潼街道", null, null, null, EDITOR);
        c = cases.attachReport(c.caseId(), "ASSESSMENT", "综合评估", null, null, c.versionTag(), EDITOR);
        c = cases.attachReport(c.caseId(), "EXPERT_REVIEW", "专家论证", null, null, c.versionTag(), EDITOR);
        c = cases.attachReport(c.caseId(), "CONSULTATION", "征求意见", null, null, c.versionTag(), EDITOR);
        c = cases.review(c.caseId(), true, null, c.versionTag(), APPROVER);
        return cases.approve(c.caseId(), "重庆市潼南区人民政府", document, APPROVED_ON, c.versionTag(), APPROVER);
    }

    /** Polls the index until the place's hit appears; the 30 s guard only keeps a broken feed from hanging. */
    SearchHit searchable(SearchRequest request, String placeId) throws InterruptedException {
        return searchable(request, placeId, h -> true);
    }

    SearchHit searchable(SearchRequest request, String placeId, Predicate<SearchHit> wanted)
            throws InterruptedException {
        long guard = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < guard) {
            Optional<SearchHit> hit = hit(request, placeId).filter(wanted);
            if (hit.isPresent()) {
                return hit.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError(placeId + " not found by " + request.query() + " within the 30 s guard");
    }

    Optional<SearchHit> hit(SearchRequest request, String placeId) {
        return search.search(request).hits().stream()
                .filter(h -> h.placeId().equals(placeId))
                .findFirst();
    }

    @Test
    void aPlaceCreatedByTheWorkflowIsFoundWithItsRomanization() throws InterruptedException {
        NamingCase c = approved(
                "NAMING", null, road("启明", "路", "LINESTRING (105.781 30.181, 105.785 30.184)"), "潼南府〔2025〕21号");
        String placeId = "place:" + c.placeId();
        SearchHit hit = searchable(SearchRequest.of("启明路"), placeId);
        assertThat(hit.matchType()).isEqualTo(MatchType.EXACT);
        assertThat(hit.name()).isEqualTo("启明路");
        assertThat(hit.category()).isEqualTo("street");
        assertThat(hit.lon()).isBetween(105.78, 105.79);
        // Inside 梓潼街道 and everything above it.
        assertThat(hit(SearchRequest.of("启明路").within("500152002000"), placeId)).isPresent();
        assertThat(hit(SearchRequest.of("启明路").within("500229000000"), placeId)).isEmpty();
        // By pinyin too, and the register stored the GB/T 16159 romanization.
        assertThat(hit(SearchRequest.of("qiminglu"), placeId)).isPresent();
        assertThat(register.get(c.placeId(), null).romanization()).isEqualTo("Qiming Lu");
        // Not before the approval date.
        assertThat(hit(SearchRequest.of("启明路").asOf(APPROVED_ON.minusDays(1)), placeId))
                .isEmpty();
    }

    @Test
    void anApprovedRenameIsFoundByItsNewAndItsOldName() throws InterruptedException {
        NamingCase named = approved("NAMING", null, road("东升", "路", "POINT (105.79 30.185)"), "潼南府〔2025〕22号");
        long placeId = named.placeId();
        String id = "place:" + placeId;
        searchable(SearchRequest.of("东升路"), id);

        CaseProposal newName = new CaseProposal("朝晖", "路", null, null, null, null, null, null, null, null, null);
        NamingCase c = cases.apply("RENAMING", placeId, newName, "消除重名", "梓潼街道", null, null, null, EDITOR);
        c = cases.attachReport(c.caseId(), "ASSESSMENT", "综合评估", null, null, c.versionTag(), EDITOR);
        c = cases.attachReport(c.caseId(), "EXPERT_REVIEW", "专家论证", null, null, c.versionTag(), EDITOR);
        c = cases.attachReport(c.caseId(), "CONSULTATION", "征求意见", null, null, c.versionTag(), EDITOR);
        c = cases.review(c.caseId(), true, null, c.versionTag(), APPROVER);
        LocalDate renamedOn = APPROVED_ON.plusDays(30);
        cases.approve(c.caseId(), "重庆市潼南区人民政府", "潼南府〔2025〕23号", renamedOn, c.versionTag(), APPROVER);

        SearchHit byNew = searchable(SearchRequest.of("朝晖路"), id);
        assertThat(byNew.matchType()).isEqualTo(MatchType.EXACT);
        assertThat(byNew.matchedNameKind()).isEqualTo(NameKind.CURRENT);
        assertThat(byNew.matchedValidFrom()).isEqualTo(renamedOn);
        SearchHit byOld = hit(SearchRequest.of("东升路"), id).orElseThrow();
        assertThat(byOld.name()).isEqualTo("朝晖路");
        assertThat(byOld.matchType()).isEqualTo(MatchType.HISTORICAL);
        assertThat(byOld.matchedName()).isEqualTo("东升路");
        assertThat(byOld.matchedValidFrom()).isEqualTo(APPROVED_ON);
        assertThat(byOld.matchedValidTo()).isEqualTo(renamedOn);
        // The new name has its own romanization; the old one belongs to the old name.
        assertThat(register.get(placeId, null).romanization()).isEqualTo("Zhaohui Lu");
        assertThat(register.get(placeId, renamedOn.minusDays(1)).romanization()).isEqualTo("Dongsheng Lu");
        // As of a date before the rename, the old name is the one that matches.
        assertThat(hit(SearchRequest.of("朝晖路").asOf(renamedOn.minusDays(1)), id))
                .isEmpty();
    }

    @Test
    void aDeprecatedRecordIsNotReturned() throws InterruptedException {
        PlaceVersion wrong = register.create(
                Places.road("误录", "街", "POINT (105.795 30.182)"), LocalDate.of(2021, 1, 1), "test", EDITOR);
        String id = "place:" + wrong.placeId();
        searchable(SearchRequest.of("误录街"), id);
        register.deprecate(wrong.placeId(), "登记错误：实地无此街", null, wrong.versionTag(), APPROVER);
        long guard = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hit(SearchRequest.of("误录街"), id).isPresent() && System.nanoTime() < guard) {
            Thread.sleep(5);
        }
        assertThat(hit(SearchRequest.of("误录街"), id)).as("deprecated").isEmpty();
        assertThat(search.search(SearchRequest.of("误录街")).hits())
                .noneMatch(h -> h.matchedName().equals("误录街") && h.matchedNameKind() == NameKind.CURRENT);
    }

    @Test
    void divisionsAreFoundOnceWithTheNamesOnlyTheRegisterKnows() throws InterruptedException {
        long tongnan = register.placeOfDivision(Places.TONGNAN).orElseThrow();
        List<SearchHit> hits = search.search(SearchRequest.of("潼南区")).hits();
        assertThat(hits).filteredOn(h -> h.name().equals("潼南区")).hasSize(1);
        assertThat(hits.get(0).placeId()).isEqualTo("division:" + Places.TONGNAN);
        assertThat(hits).noneMatch(h -> h.placeId().equals("place:" + tongnan));
        // Its romanization is derived on reading, like its 专名/通名 split.
        assertThat(register.get(tongnan, null).romanization()).isEqualTo("Tongnan Qu");

        register.addHistoricalName(
                tongnan,
                new HistoricalName(
                        "潼南县",
                        null,
                        LocalDate.of(1954, 1, 1),
                        LocalDate.of(2015, 6, 3),
                        "2015 年撤县设区",
                        "国函〔2015〕（测试引用）",
                        false),
                EDITOR);
        SearchHit former =
                searchable(SearchRequest.of("潼南县"), "division:" + Places.TONGNAN, h -> "潼南县".equals(h.matchedName()));
        assertThat(former.matchedName()).isEqualTo("潼南县");
        assertThat(former.matchedNameKind()).isEqualTo(NameKind.HISTORICAL);
        assertThat(former.matchedValidTo()).isEqualTo(LocalDate.of(2015, 6, 3));
        assertThat(former.name()).isEqualTo("潼南区");
    }

    @Test
    void aliasesAndRecordedFormerNamesOfAPlaceAreSearchableWithTheirPeriods() throws InterruptedException {
        PlaceDraft square = new PlaceDraft(
                "映月",
                "广场",
                null,
                "映月",
                List.of("月亮坝"),
                "27100",
                Places.ZITONG,
                "临江望月",
                "2012年建成",
                "城市广场",
                null,
                2012,
                null,
                "测试",
                "surveyed",
                Places.wkt("POINT (105.786 30.176)"),
                "standard");
        PlaceVersion v = register.create(square, LocalDate.of(2012, 5, 1), "test", EDITOR);
        String id = "place:" + v.placeId();
        register.addHistoricalName(
                v.placeId(),
                new HistoricalName("鱼塘坝", null, null, LocalDate.of(2012, 5, 1), "建广场前", "街道志（测试）", false),
                EDITOR);
        SearchHit alias = searchable(SearchRequest.of("月亮坝"), id, h -> "月亮坝".equals(h.matchedName()));
        assertThat(alias.name()).isEqualTo("映月广场");
        assertThat(alias.matchedNameKind()).isEqualTo(NameKind.ALIAS);
        assertThat(alias.matchedValidFrom()).isEqualTo(LocalDate.of(2012, 5, 1));
        SearchHit former = searchable(SearchRequest.of("鱼塘坝"), id, h -> "鱼塘坝".equals(h.matchedName()));
        assertThat(former.matchedNameKind()).isEqualTo(NameKind.HISTORICAL);
        assertThat(former.matchedValidTo()).isEqualTo(LocalDate.of(2012, 5, 1));
        // As of 2010 only the former name was valid.
        assertThat(hit(SearchRequest.of("月亮坝").asOf(LocalDate.of(2010, 1, 1)), id))
                .isEmpty();
        assertThat(hit(SearchRequest.of("鱼塘坝").asOf(LocalDate.of(2010, 1, 1)), id))
                .isPresent();
    }

    @Test
    void aDivisionTransferMovesTheRegisterPlacesBelowItLive() throws InterruptedException {
        String shouqiao = "500152124000";
        String village = "500152124202"; // 花铺村, below 寿桥镇
        String tongliang = "500151000000";
        PlaceDraft bridge = new PlaceDraft(
                "花铺",
                "古桥",
                null,
                null,
                List.of(),
                "27100",
                village,
                "以所在花铺村得名",
                "清代石拱桥",
                "单孔石拱桥",
                null,
                1850,
                null,
                "测试",
                "surveyed",
                Places.wkt("POINT (105.92 29.98)"),
                "standard");
        String id = "place:"
                + register.create(bridge, LocalDate.of(2015, 1, 1), "test", EDITOR)
                        .placeId();
        searchable(SearchRequest.of("花铺古桥").within(Places.TONGNAN), id);
        assertThat(hit(SearchRequest.of("花铺古桥").within(tongliang), id)).isEmpty();

        // The township goes to 铜梁区: only geo.division_version changes, the place's own rows do not.
        divisions.transfer(List.of(shouqiao), tongliang, LocalDate.of(2025, 6, 1), APPROVER);

        SearchHit moved = searchable(SearchRequest.of("花铺古桥").within(tongliang), id);
        assertThat(moved.name()).isEqualTo("花铺古桥");
        assertThat(hit(SearchRequest.of("花铺古桥").within(Places.TONGNAN), id)).isEmpty();
        assertThat(hit(SearchRequest.of("花铺古桥").within(shouqiao), id)).isPresent();
    }
}
