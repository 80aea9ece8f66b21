package cn.mingjie.facility.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.facility.Facility;
import cn.mingjie.facility.FacilityDraft;
import cn.mingjie.facility.FacilityRegistry;
import cn.mingjie.facility.FacilityTestContext;
import cn.mingjie.facility.FacilityType;
import cn.mingjie.facility.TestDivisions;
import cn.mingjie.facility.report.IndicatorReports;
import cn.mingjie.facility.walking.AndorraNetwork;
import cn.mingjie.facility.walking.WalkingNetworks;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Indicators on constructed districts whose answers are worked out by hand: one in Chongqing without
 * a road network (straight-line fallback) and one placed on the real Andorra network.
 */
@SpringJUnitConfig(FacilityTestContext.class)
@DirtiesContext // each class gets its own fresh database: the constructed divisions overlap
class CoverageServiceTest {

    static final ChangeContext WHO = new ChangeContext("admin", "测试");
    static final GeometryFactory gf = new GeometryFactory();
    /** 600 m of latitude on GraphHopper's sphere (R = 6371 km). */
    static final double SIX_HUNDRED_METRES = 600 / 111_194.93;

    // Fallback district: 潼南区 with 桂林街道 (two urban communities) and 双江镇 (one village, central town).
    static final String TONGNAN = "500152000000";
    static final String GUILIN = "500152001000";
    static final String SHUANGJIANG = "500152100000";
    static final String LIANHUA = "500152001001";
    static final String JINGTIAN = "500152001002";
    static final String JINLONG = "500152100201";

    // Network district: 城口县 placed, for the test, around Andorra la Vella.
    static final String CHENGKOU = "500229000000";
    static final String GECHENG = "500229001000";
    static final String NEAR = "500229001001"; // at Casa de la Vall, ≈5 min walk from the station
    static final String FAR = "500229001002"; // at Caldea, ≈25 min walk (≈26 min by the fallback)

    @Autowired
    CoverageService coverage;

    @Autowired
    FacilityRegistry registry;

    @Autowired
    CentralTowns centralTowns;

    @BeforeAll
    static void setUp(
            @Autowired DivisionRegister divisions,
            @Autowired PopulationRegister population,
            @Autowired FacilityRegistry registry,
            @Autowired CentralTowns centralTowns,
            @Autowired WalkingNetworks networks) {
        TestDivisions.add(
                divisions,
                TONGNAN,
                "潼南区",
                3,
                "500100000000",
                "MULTIPOLYGON(((105.7 30.1, 105.9 30.1, 105.9 30.3, 105.7 30.3, 105.7 30.1)))");
        TestDivisions.add(divisions, GUILIN, "桂林街道", 4, TONGNAN, null);
        TestDivisions.add(divisions, SHUANGJIANG, "双江镇", 4, TONGNAN, null);
        TestDivisions.add(divisions, LIANHUA, "莲花社区居民委员会", 5, GUILIN, null);
        TestDivisions.add(divisions, JINGTIAN, "井田社区居民委员会", 5, GUILIN, null);
        TestDivisions.add(divisions, JINLONG, "金龙村民委员会", 5, SHUANGJIANG, null);
        TestDivisions.add(
                divisions,
                CHENGKOU,
                "城口县",
                3,
                "500200000000",
                "MULTIPOLYGON(((1.4 42.4, 1.8 42.4, 1.8 42.7, 1.4 42.7, 1.4 42.4)))");
        TestDivisions.add(divisions, GECHENG, "葛城街道", 4, CHENGKOU, null);
        TestDivisions.add(divisions, NEAR, "近社区居民委员会", 5, GECHENG, null);
        TestDivisions.add(divisions, FAR, "远社区居民委员会", 5, GECHENG, null);
        population.importCsv(
                utf8("division_code,population,source,lon,lat\n"
                        + LIANHUA + ",1000,synthetic-sample,105.80,30.20\n"
                        + JINGTIAN + ",3000,synthetic-sample,105.80," + (30.20 + SIX_HUNDRED_METRES) + "\n"
                        + JINLONG + ",2000,synthetic-sample,105.85,30.25\n"
                        + NEAR + ",100,test,1.5206,42.5065\n"
                        + FAR + ",300,test,1.5376,42.5116\n"),
                WHO);
        registry.create(
                facility(FacilityType.COMMUNITY_STATION, "莲花站", LIANHUA, "POINT(105.80 30.20)", null, 300), WHO);
        registry.create(
                facility(FacilityType.STREET_CENTRE, "桂林街道养老服务中心", GUILIN, "POINT(105.80 30.20)", 50, 1000), WHO);
        registry.create(
                facility(FacilityType.PUBLIC_CEMETERY, "双江公墓", SHUANGJIANG, "POINT(105.86 30.26)", null, null), WHO);
        registry.create(
                facility(FacilityType.COMMERCIAL_CEMETERY, "双江陵园", SHUANGJIANG, "POINT(105.87 30.26)", null, null),
                WHO);
        centralTowns.designate(List.of(SHUANGJIANG), "test", WHO);

        networks.register(AndorraNetwork.get());
        registry.create(facility(FacilityType.COMMUNITY_STATION, "老城站", NEAR, "POINT(1.5218 42.5075)", null, 100), WHO);
    }

    @Test
    void theFallbackDistrictsIndicatorsMatchTheHandCount() {
        DistrictReport report = coverage.report(TONGNAN);
        Map<String, Indicator> by = byKey(report);

        // 莲花 at the station (0 min); 井田 600 m × 1.3 / 75 m/min = 10.4 min; 金龙 ≈7 km: out of reach.
        Map<String, CommunityAccess> access =
                report.communities().stream().collect(Collectors.toMap(CommunityAccess::code, Function.identity()));
        assertThat(access.get(LIANHUA).nearestMinutes()).isCloseTo(0, within(0.01));
        assertThat(access.get(JINGTIAN).nearestMinutes()).isCloseTo(10.4, within(0.01));
        assertThat(access.get(JINLONG).nearestMinutes()).isNull();
        assertThat(access.get(JINGTIAN).walkingMethod()).isEqualTo("fallback:straight-line");

        assertThat(by.get("fifteen-minute-coverage").value()).isCloseTo(4000 * 100.0 / 6000, within(1e-9));
        assertThat(by.get("fifteen-minute-coverage").fallback()).isTrue();
        assertThat(by.get("fifteen-minute-coverage").name()).contains("估算");
        assertThat(by.get("fifteen-minute-coverage").achieved()).isFalse();
        assertThat(by.get("centre-per-sub-district").figure()).contains("1/1");
        assertThat(by.get("centre-per-sub-district").achieved()).isTrue();
        assertThat(by.get("station-per-community").figure()).contains("1/2");
        assertThat(by.get("institution-per-town").value()).isEqualTo(50);
        // (300 + 1000) m² / 6000 residents = 0.2167 m² ≥ 0.2
        assertThat(by.get("land-per-resident").value()).isCloseTo(1300.0 / 6000, within(1e-9));
        assertThat(by.get("land-per-resident").achieved()).isTrue();
        assertThat(by.get("public-cemetery").achieved()).isTrue();
        assertThat(by.get("commercial-cemetery").figure()).isEqualTo("1 / 2");
        assertThat(by.get("commercial-cemetery").achieved()).isFalse();
        assertThat(by.get("funeral-station-central-towns").figure()).contains("0/1");

        assertThat(report.communitiesWithoutStation())
                .extracting(CommunityAccess::code)
                .containsExactly(JINGTIAN);
        assertThat(report.subDistrictsWithoutCentre()).isEmpty();
        assertThat(report.fallback()).isTrue();
        assertThat(report.notes()).anyMatch(n -> n.contains("估算")).anyMatch(n -> n.contains("合成样例"));
        assertThat(report.towns())
                .filteredOn(t -> t.code().equals(SHUANGJIANG))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.centralTown()).isTrue();
                    assertThat(t.coverageShare()).isZero();
                    assertThat(t.hasComprehensiveInstitution()).isFalse();
                });
    }

    @Test
    void aSuggestedSiteCoversTheUnservedVillageAndTheGapIsReported() {
        SiteSuggestion s = coverage.suggestSites(TONGNAN, 1);
        assertThat(s.uncoveredPopulationBefore()).isEqualTo(2000);
        assertThat(s.sites()).singleElement().satisfies(site -> {
            assertThat(site.communityCode()).isEqualTo(JINLONG);
            assertThat(site.addedPopulation()).isEqualTo(2000);
        });
        assertThat(s.exactCovered()).isEqualTo(2000);
        assertThat(s.gapPercent()).isZero();
        assertThat(s.fallback()).isTrue();
    }

    @Test
    void onTheAndorraNetworkCoverageFollowsTheRoads() {
        DistrictReport report = coverage.report(CHENGKOU);
        Map<String, CommunityAccess> access =
                report.communities().stream().collect(Collectors.toMap(CommunityAccess::code, Function.identity()));

        assertThat(access.get(NEAR).nearestMinutes()).isLessThan(15);
        assertThat(access.get(FAR).nearestMinutes()).isBetween(20.0, 30.0);
        assertThat(access.get(FAR).walkingMethod()).isEqualTo("network:andorra");
        assertThat(access.get(FAR).fallback()).isFalse();
        Indicator coverage15 = byKey(report).get("fifteen-minute-coverage");
        assertThat(coverage15.value()).isCloseTo(25.0, within(1e-9)); // 100 of 400
        assertThat(coverage15.fallback()).isFalse();
        assertThat(coverage15.walkingMethod()).isEqualTo("network:andorra");
    }

    @Test
    void nearestFacilitiesComeWithARouteOnTheNetworkOrAStraightFallback() {
        Point inAndorra = gf.createPoint(new Coordinate(1.5376, 42.5116));
        List<NearestFacility> there = coverage.nearest(inAndorra, Set.of(FacilityType.COMMUNITY_STATION), 1);
        assertThat(there).singleElement().satisfies(n -> {
            assertThat(n.facility().name()).isEqualTo("老城站");
            assertThat(n.route().method().fallback()).isFalse();
            assertThat(n.route().line().getNumPoints()).isGreaterThan(2);
        });

        Point inTongnan = gf.createPoint(new Coordinate(105.80, 30.21));
        List<NearestFacility> here = coverage.nearest(inTongnan, Set.of(FacilityType.COMMUNITY_STATION), 5);
        assertThat(here.get(0).facility().name()).isEqualTo("莲花站");
        assertThat(here.get(0).route().method().fallback()).isTrue();
        assertThat(here.get(0).route().line().getNumPoints()).isEqualTo(2);
        assertThat(here).extracting(n -> n.route().minutes()).isSorted();
    }

    @Test
    void anAddedStationIsCountedInTheNextReport() {
        Facility added = registry.create(
                facility(FacilityType.COMMUNITY_STATION, "金龙站", JINLONG, "POINT(105.85 30.25)", null, 200), WHO);
        try {
            Indicator c = byKey(coverage.report(TONGNAN)).get("fifteen-minute-coverage");
            assertThat(c.value()).isEqualTo(100);
            assertThat(c.achieved()).isTrue();
        } finally {
            registry.delete(added.id(), added.versionTag(), WHO);
        }
    }

    @Test
    void theReportsCarryTheFiguresInChineseAndSayTheyAreEstimates(@Autowired IndicatorReports reports)
            throws Exception {
        DistrictReport report = coverage.report(TONGNAN);
        String csv = reports.csv(report);
        assertThat(csv).startsWith("\uFEFF").contains("一社区一站").contains("是（估算）").contains("井田社区居民委员会");

        byte[] pdf = reports.pdf(report);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("潼南区").contains("一街道一中心").contains("估算").contains("未达成");
        }
    }

    static Map<String, Indicator> byKey(DistrictReport report) {
        return report.indicators().stream().collect(Collectors.toMap(Indicator::key, Function.identity()));
    }

    static FacilityDraft facility(FacilityType type, String name, String code, String wkt, Integer beds, Integer land) {
        try {
            Geometry g = new WKTReader().read(wkt);
            return new FacilityDraft(
                    type,
                    name,
                    null,
                    code,
                    g,
                    null,
                    beds,
                    null,
                    null,
                    land == null ? null : BigDecimal.valueOf(land),
                    null,
                    null,
                    null,
                    null,
                    null);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ByteArrayInputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
