package cn.mingjie.gazetteer.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.search.internal.IndexMaintainer;
import cn.mingjie.gazetteer.search.internal.LucenePlaceSearch;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The index follows the database: live changes (polled for, no timing asserted: SearchFreshnessBench measures
 * it), and after a crash or a foreign database.
 */
@SpringJUnitConfig(SearchTestContext.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexConsistencyTest {

    static Path indexDir;

    @DynamicPropertySource
    static void indexDirectory(DynamicPropertyRegistry registry) throws IOException {
        indexDir = SearchTestContext.temporaryIndexDirectory(registry);
    }

    @Autowired
    PlaceSearch search;

    @Autowired
    IndexMaintainer maintainer;

    @Autowired
    DivisionRegister register;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PlaceReadings readings;

    @Autowired
    List<NameSource> sources;

    private static final Duration GUARD = Duration.ofSeconds(30);

    private static Optional<SearchHit> first(PlaceSearch s, String q) {
        return s.search(SearchRequest.of(q)).hits().stream().findFirst();
    }

    @Test
    @Order(1)
    void aRenameIsFoundByItsNewAndOldNamesLive() throws InterruptedException {
        search.awaitCurrent(Duration.ofSeconds(30));
        String code = "500152108000"; // 米心镇
        String tag = register.find(code, null).orElseThrow().versionTag();
        register.rename(code, "长河镇", LocalDate.of(2026, 1, 1), tag, new ChangeContext("test", "更名测试"));
        // The 30 s guard only keeps a broken feed from hanging the build; no figure is asserted.
        long guard = System.nanoTime() + GUARD.toNanos();
        Optional<SearchHit> renamed = Optional.empty();
        while (System.nanoTime() < guard) {
            renamed = first(search, "长河镇").filter(h -> h.name().equals("长河镇"));
            if (renamed.isPresent()) {
                break;
            }
            Thread.sleep(10);
        }
        assertThat(renamed).as("searchable before the guard").isPresent();
        assertThat(renamed.get().matchType()).isEqualTo(MatchType.EXACT);
        SearchHit old = first(search, "米心镇").orElseThrow();
        assertThat(old.placeId()).isEqualTo("division:" + code);
        assertThat(old.name()).isEqualTo("长河镇");
        assertThat(old.matchType()).isEqualTo(MatchType.HISTORICAL);
        assertThat(old.matchedValidTo()).isEqualTo(LocalDate.of(2026, 1, 1));
        // The queue rows go only after the index commit that applied them.
        while (jdbc.queryForObject("select count(*) from search.name_change", Integer.class) > 0
                && System.nanoTime() < guard) {
            Thread.sleep(10);
        }
        assertThat(jdbc.queryForObject("select count(*) from search.name_change", Integer.class))
                .isZero();
    }

    @Test
    @Order(2)
    void changesMadeWhileTheIndexWasDownAreAppliedOnStartAndReplayIsHarmless() {
        maintainer.stop(); // as if the application had crashed: nobody consumes the queue
        String code = "500152110000"; // 双江镇
        String tag = register.find(code, null).orElseThrow().versionTag();
        register.rename(code, "双江古镇", LocalDate.of(2026, 1, 1), tag, new ChangeContext("test", "更名测试"));
        // A change whose effect was committed but whose queue row survived a crash: replayed, no duplicate.
        jdbc.update("insert into search.name_change (source, place_key) values ('division', '500152000000')");
        assertThat(jdbc.queryForObject("select count(*) from search.name_change", Integer.class))
                .isEqualTo(3);

        IndexMaintainer restarted = restart();
        try {
            PlaceSearch after = new LucenePlaceSearch(restarted);
            assertThat(first(after, "双江古镇").orElseThrow().placeId()).isEqualTo("division:" + code);
            SearchHit old = first(after, "双江镇").orElseThrow();
            assertThat(old.name()).isEqualTo("双江古镇");
            assertThat(old.matchType()).isEqualTo(MatchType.HISTORICAL);
            assertThat(after.search(SearchRequest.of("潼南区")).hits())
                    .filteredOn(h -> h.placeId().equals("division:500152000000"))
                    .hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from search.name_change", Integer.class))
                    .isZero();
        } finally {
            restarted.stop();
        }
    }

    @Test
    @Order(3)
    void anIndexFromAnotherDatabaseOrStaleSourceIsRebuiltNeverTrusted() {
        // A change behind the triggers' back (e.g. a restore): the fingerprint no longer matches.
        jdbc.execute("alter table geo.division_version disable trigger division_name_change");
        jdbc.update("delete from geo.division_version where code = '500152123000'"); // 别口镇
        jdbc.execute("alter table geo.division_version enable trigger division_name_change");
        IndexMaintainer restarted = restart();
        try {
            PlaceSearch after = new LucenePlaceSearch(restarted);
            assertThat(after.search(SearchRequest.of("别口镇")).hits())
                    .extracting(SearchHit::placeId)
                    .doesNotContain("division:500152123000");
        } finally {
            restarted.stop();
        }
        jdbc.update("update search.index_identity set database_id = gen_random_uuid()");
        IndexMaintainer foreign = restart();
        try {
            PlaceSearch after = new LucenePlaceSearch(foreign);
            assertThat(after.status().lastRebuild()).isNotNull();
            assertThat(first(after, "潼南区").orElseThrow().matchType()).isEqualTo(MatchType.EXACT);
        } finally {
            foreign.stop();
        }
    }

    private IndexMaintainer restart() {
        IndexMaintainer m = new IndexMaintainer(dataSource, jdbc, transactions, sources, readings, indexDir);
        m.start();
        return m;
    }
}
