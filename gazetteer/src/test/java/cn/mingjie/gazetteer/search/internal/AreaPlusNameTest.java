package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.NameSource;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceName;
import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchHit;
import cn.mingjie.gazetteer.search.SearchRequest;
import cn.mingjie.gazetteer.search.SearchResult;
import cn.mingjie.gazetteer.search.SearchTestContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * "Area + name" when the area's name is shared: 金丰 is a county and, in another county, a town. The
 * places in the county (the larger division, ranked first by the area search) come first; the town's
 * fill the page only after them.
 */
@SpringJUnitConfig(SearchTestContext.class)
class AreaPlusNameTest {

    @DynamicPropertySource
    static void indexDirectory(DynamicPropertyRegistry registry) throws IOException {
        SearchTestContext.temporaryIndexDirectory(registry);
    }

    @Autowired
    PlaceReadings readings;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void thePlacesInTheBestMatchingAreaComeFirst(@TempDir Path dir) {
        List<PlaceEntry> places = new ArrayList<>();
        places.add(place("900100", "金丰县", 3, 0.8, List.of("900000")));
        places.add(place("900200", "石门县", 3, 0.8, List.of("900000")));
        places.add(place("900201", "金丰镇", 4, 0.6, List.of("900000", "900200")));
        // Villages with the initials dlc: two in the county 金丰县, four (more important) in the town 金丰镇.
        places.add(place("900101001", "渡炉村", 5, 0.3, List.of("900000", "900100")));
        places.add(place("900101002", "大路村", 5, 0.3, List.of("900000", "900100")));
        for (String name : List.of("东龙村", "大冷村", "渡龙村", "都岚村")) {
            places.add(place("90020100" + places.size(), name, 5, 0.5, List.of("900000", "900200", "900201")));
        }
        IndexMaintainer index =
                new IndexMaintainer(dataSource, jdbc, transactions, List.of(new FixedSource(places)), readings, dir);
        index.start();
        try {
            PlaceSearch search = new LucenePlaceSearch(index);
            SearchResult r = search.search(SearchRequest.of("金丰 dlc").withLimit(4));
            assertThat(r.area()).isEqualTo("900100");
            assertThat(r.hits()).extracting(SearchHit::name).hasSize(4).startsWith("渡炉村", "大路村");
            assertThat(r.hits().subList(0, 2)).extracting(SearchHit::name).containsExactlyInAnyOrder("渡炉村", "大路村");
            assertThat(search.search(SearchRequest.of("金丰 dlc").withLimit(2)).hits())
                    .extracting(SearchHit::name)
                    .containsExactlyInAnyOrder("渡炉村", "大路村");
        } finally {
            index.stop();
        }
    }

    private static PlaceEntry place(String code, String name, int level, double importance, List<String> within) {
        return new PlaceEntry(
                "fixed",
                code,
                "fixed:" + code,
                true,
                name,
                level < 5 ? "county" : "village",
                level,
                code,
                within,
                106.0,
                29.5,
                false,
                importance,
                "1",
                List.of(new PlaceName(name, NameKind.CURRENT, LocalDate.of(2000, 1, 1), null)));
    }

    private record FixedSource(List<PlaceEntry> places) implements NameSource {
        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public boolean hasChangeFeed() {
            return false;
        }

        @Override
        public void scan(Consumer<PlaceEntry> sink) {
            places.forEach(sink);
        }

        @Override
        public List<PlaceEntry> load(Collection<String> keys) {
            return places.stream().filter(p -> keys.contains(p.key())).toList();
        }

        @Override
        public String fingerprint() {
            return "1";
        }

        @Override
        public Geometry geometry(String placeId, LocalDate asOf) {
            return null;
        }
    }
}
