package cn.mingjie.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.exchange.ImportReport;
import cn.mingjie.gazetteer.exchange.PlaceExchange;
import cn.mingjie.gazetteer.exchange.PlaceRecord;
import cn.mingjie.geocore.edit.ChangeContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(GazetteerTestContext.class)
class PlaceExchangeTest {

    static final ChangeContext WHO = new ChangeContext("tester", "导入测试");

    @Autowired
    PlaceExchange exchange;

    @Autowired
    PlaceRegister register;

    @Autowired
    JdbcTemplate jdbc;

    static long seeded;

    @BeforeEach
    void seed() {
        if (seeded > 0) {
            return;
        }
        PlaceVersion road = register.create(
                Places.road("交换", "路", "LINESTRING (105.781234567 30.18, 105.79 30.19)"),
                LocalDate.of(2019, 1, 1),
                "test",
                WHO);
        register.revise(
                road.placeId(),
                PlaceDraft.of(road).withName("交换", "大道"),
                LocalDate.of(2022, 1, 1),
                "renamed",
                road.versionTag(),
                WHO);
        register.addHistoricalName(
                road.placeId(),
                new HistoricalName("老交换街", null, null, LocalDate.of(1990, 1, 1), "民国时期", "县志", false),
                WHO);
        PlaceDraft square = new PlaceDraft(
                "鱼池",
                "广场",
                "Yuchi Guangchang",
                "鱼池",
                List.of("鱼池坝", "老鱼池"),
                "27100",
                Places.ZITONG,
                "原为鱼池",
                "2010年建成",
                "城市广场，面积约2公顷",
                LocalDate.of(2010, 10, 1),
                2010,
                null,
                "现场调查（测试数据）",
                "surveyed",
                Places.wkt("POLYGON ((105.77 30.17, 105.772 30.17, 105.772 30.172, 105.77 30.172, 105.77 30.17))"),
                "standard");
        seeded = register.create(square, LocalDate.of(2010, 10, 1), "test", WHO).placeId();
    }

    Map<String, Object> fingerprint() {
        return jdbc.queryForMap("select (select count(*) from gazetteer.place) places,"
                + " (select count(*) from gazetteer.place_version) versions,"
                + " (select coalesce(sum(row_version), 0) from gazetteer.place_version) row_versions,"
                + " (select count(*) from geo.division_version) divisions");
    }

    PlaceQuery tongnan() {
        return new PlaceQuery(null, null, "500152", null, null, false, PlaceQuery.MAX_LIMIT, 0);
    }

    @Test
    void csvRoundTripChangesNothing() {
        List<PlaceRecord> exported = exchange.records(tongnan());
        assertThat(exported).hasSizeGreaterThan(300); // 潼南's divisions plus the test places
        String csv = exchange.toCsv(exported);
        Map<String, Object> before = fingerprint();
        ImportReport dry = exchange.importRecords(exchange.parseCsv(csv), true, WHO);
        assertThat(dry.count("UNCHANGED")).isEqualTo(exported.size());
        ImportReport real = exchange.importRecords(exchange.parseCsv(csv), false, WHO);
        assertThat(real.applied()).isTrue();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void geoJsonRoundTripChangesNothing() {
        List<PlaceRecord> exported = exchange.records(tongnan());
        String geojson = exchange.toGeoJson(exported);
        Map<String, Object> before = fingerprint();
        ImportReport real = exchange.importRecords(exchange.parseGeoJson(geojson), false, WHO);
        assertThat(real.count("UNCHANGED")).isEqualTo(exported.size());
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndARejectedRowStopsTheWholeImport() {
        String header = String.join(",", PlaceRecord.COLUMNS);
        String create =
                ",新建路,新建,路,,,,25100,500152002000,含义,沿革,描述,,,,来源,surveyed,standard,2024-01-01,false,POINT (105.8 30.2)";
        // The renamed row leaves the romanization empty: the register generates it for the new name.
        String renamed = seeded + ",鱼池公园,鱼池,公园,,鱼池,鱼池坝|老鱼池,27100,500152002000,原为鱼池,2010年建成,"
                + "城市广场，面积约2公顷,2010-10-01,2010,,现场调查（测试数据）,surveyed,standard,2024-05-01,false,"
                + "\"POLYGON ((105.77 30.17, 105.772 30.17, 105.772 30.172, 105.77 30.172, 105.77 30.17))\"";
        String bad = ",坏行路,坏行,路,,,,99999,500152002000,,,,,,,,surveyed,standard,2024-01-01,false,POINT (30.2 105.8)";
        Map<String, Object> before = fingerprint();

        ImportReport dry =
                exchange.importRecords(exchange.parseCsv(header + "\n" + create + "\n" + renamed + "\n"), true, WHO);
        assertThat(dry.rows()).extracting(ImportReport.Row::action).containsExactly("CREATE", "REVISE");
        assertThat(fingerprint()).isEqualTo(before);

        ImportReport refused = exchange.importRecords(
                exchange.parseCsv(header + "\n" + create + "\n" + renamed + "\n" + bad + "\n"), false, WHO);
        assertThat(refused.applied()).isFalse();
        assertThat(refused.rows().get(2).action()).isEqualTo("REJECT");
        assertThat(refused.rows().get(2).problems())
                .anyMatch(p -> p.startsWith("categoryCode"))
                .anyMatch(p -> p.startsWith("geometry"))
                .anyMatch(p -> p.startsWith("meaning"));
        assertThat(fingerprint()).isEqualTo(before);

        ImportReport applied =
                exchange.importRecords(exchange.parseCsv(header + "\n" + create + "\n" + renamed + "\n"), false, WHO);
        assertThat(applied.applied()).isTrue();
        assertThat(register.get(seeded, null).name()).isEqualTo("鱼池公园");
        assertThat(register.get(seeded, LocalDate.of(2024, 4, 30)).name()).isEqualTo("鱼池广场");
    }

    @Test
    void linkedPlacesCarryEveryNameWithItsTime() throws Exception {
        long road = register.list(new PlaceQuery("交换大道", null, null, null, null, false, 1, 0))
                .get(0)
                .placeId();
        JsonNode lpf = new ObjectMapper().readTree(exchange.toLinkedPlaces(List.of(road), "https://mingjie.example"));
        assertThat(lpf.get("@context").asText()).isEqualTo(PlaceExchange.LPF_CONTEXT);
        JsonNode f = lpf.at("/features/0");
        assertThat(f.at("/properties/title").asText()).isEqualTo("交换大道");
        // Each version's name with its GB/T 16159 romanization (generated by the register), then the recorded name.
        assertThat(f.get("names").findValuesAsText("toponym"))
                .containsExactly("交换路", "Jiaohuan Lu", "交换大道", "Jiaohuan Dadao", "老交换街");
        assertThat(f.at("/names/0/when/timespans/0/end/in").asText()).isEqualTo("2021-12-31");
        assertThat(f.at("/geometry/geometries")).hasSize(2);
        assertThat(f.at("/geometry/geometries/0/coordinates/0/0").asDouble()).isEqualTo(105.7812346); // lon first
    }
}
