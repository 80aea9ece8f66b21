package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.romanization.Reading;
import cn.mingjie.gazetteer.romanization.Romanizer;
import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchHit;
import cn.mingjie.gazetteer.search.SearchRequest;
import cn.mingjie.gazetteer.search.SearchTestContext;
import cn.mingjie.gazetteer.search.SyntheticNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The narrow first stage of a query changes no answer: about 1,800 queries of every kind on the real
 * Chongqing names give the same hits (place, names, match type, score, order) with staging on and off;
 * and so do queries on a synthetic corpus, where names repeat often enough for the narrow stage to
 * decide most queries (on the 5,538 real names it rarely can).
 */
@SpringJUnitConfig(SearchTestContext.class)
class StagedRetrievalTest {

    @DynamicPropertySource
    static void indexDirectory(DynamicPropertyRegistry registry) throws IOException {
        SearchTestContext.temporaryIndexDirectory(registry);
    }

    @Autowired
    IndexMaintainer maintainer;

    @Autowired
    PlaceSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlaceReadings readings;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theNarrowStageGivesTheSameHitsAsTheWholeQuery() {
        search.awaitCurrent(Duration.ofSeconds(30));
        PlaceSearch staged = new LucenePlaceSearch(maintainer, 0);
        PlaceSearch unstaged = new LucenePlaceSearch(maintainer, Integer.MAX_VALUE);
        List<SearchRequest> requests = requests(readings.romanizer());
        assertThat(requests).hasSizeGreaterThan(1_700);
        int compared = 0;
        for (SearchRequest r : requests) {
            List<String> hits = describe(staged.search(r).hits());
            assertThat(hits)
                    .as(
                            "%s (autocomplete %s, limit %d, centre %s)",
                            r.query(), r.autocomplete(), r.limit(), r.focusLat())
                    .isEqualTo(describe(unstaged.search(r).hits()));
            compared += hits.isEmpty() ? 0 : 1;
        }
        assertThat(compared).isGreaterThan(requests.size() * 9 / 10);
    }

    @Test
    void theSameOnASyntheticCorpus(@TempDir Path dir) {
        Romanizer romanizer = readings.romanizer();
        String pool =
                jdbc.queryForList("select name from geo.division_version where valid_to is null", String.class).stream()
                        .map(n -> romanizer.generics().split(n).specific())
                        .collect(Collectors.joining());
        SyntheticNames corpus = new SyntheticNames(20_000, 42, pool);
        IndexMaintainer synthetic = new IndexMaintainer(dataSource, jdbc, transactions, List.of(corpus), readings, dir);
        synthetic.start();
        try {
            PlaceSearch staged = new LucenePlaceSearch(synthetic, 0);
            PlaceSearch unstaged = new LucenePlaceSearch(synthetic, Integer.MAX_VALUE);
            List<String> names = new ArrayList<>();
            Random pick = new Random(3);
            corpus.scan(e -> {
                if (pick.nextInt(60) == 0) {
                    names.add(e.currentName());
                }
            });
            List<SearchRequest> requests = new ArrayList<>();
            for (String name : names) {
                String core = romanizer.generics().split(name).specific();
                String pinyin = romanizer.read(name).stream().map(Reading::key).collect(Collectors.joining());
                requests.add(SearchRequest.of(name));
                requests.add(SearchRequest.of(pinyin));
                requests.add(SearchRequest.of(core).autocompleting());
                requests.add(
                        SearchRequest.of(name.substring(0, 1)).autocompleting().focus(106.5, 29.5));
                requests.add(SearchRequest.of(romanizer.read(name).stream()
                        .map(x -> x.key().isEmpty() ? "" : x.key().substring(0, 1))
                        .collect(Collectors.joining())));
                requests.add(SearchRequest.of(pinyin.substring(0, Math.min(pinyin.length(), 4)))
                        .autocompleting());
            }
            assertThat(requests).hasSizeGreaterThan(1_000);
            for (SearchRequest r : requests) {
                assertThat(describe(staged.search(r).hits()))
                        .as("%s (autocomplete %s, centre %s)", r.query(), r.autocomplete(), r.focusLat())
                        .isEqualTo(describe(unstaged.search(r).hits()));
            }
        } finally {
            synthetic.stop();
        }
    }

    private static List<String> describe(List<SearchHit> hits) {
        return hits.stream()
                .map(h -> h.placeId() + " " + h.name() + " " + h.matchedName() + " " + h.matchType() + " " + h.score())
                .toList();
    }

    /** Every kind of query, from 200 random current names and the former names. */
    private List<SearchRequest> requests(Romanizer romanizer) {
        List<String[]> names = jdbc.query(
                "select c.name, (select h.name from geo.division_version h where h.code = c.code"
                        + " and h.valid_to = c.valid_from and h.name <> c.name limit 1)"
                        + " from geo.division_version c where c.valid_to is null order by c.code",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        Map<String, List<Character>> byReading = new HashMap<>();
        for (String[] n : names) {
            for (char c : n[0].toCharArray()) {
                List<Reading> rd = romanizer.read(String.valueOf(c));
                if (!rd.isEmpty()) {
                    List<Character> same = byReading.computeIfAbsent(rd.get(0).key(), k -> new ArrayList<>());
                    if (!same.contains(c)) {
                        same.add(c);
                    }
                }
            }
        }
        Random random = new Random(5);
        List<SearchRequest> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String[] n = names.get(random.nextInt(names.size()));
            String name = n[0];
            String core = romanizer.generics().split(name).specific();
            List<Reading> rd = romanizer.read(name);
            String pinyin = rd.stream().map(Reading::key).collect(Collectors.joining());
            String initials = rd.stream()
                    .map(x -> x.key().isEmpty() ? "" : x.key().substring(0, 1))
                    .collect(Collectors.joining());
            List<String> texts = new ArrayList<>(List.of(name, core, pinyin, initials));
            int at = 1 + random.nextInt(Math.max(1, pinyin.length() - 1));
            if (at < pinyin.length()) {
                texts.add(pinyin.substring(0, at) + (char) ('a' + random.nextInt(26)) + pinyin.substring(at + 1));
            }
            int swap = random.nextInt(Math.max(1, core.length()));
            if (swap < core.length()) {
                List<Character> same = byReading.getOrDefault(
                        romanizer.read(String.valueOf(core.charAt(swap))).get(0).key(), List.of());
                same.stream()
                        .filter(c -> c != core.charAt(swap))
                        .findFirst()
                        .ifPresent(c -> texts.add(name.substring(0, swap) + c + name.substring(swap + 1)));
            }
            if (n[1] != null) {
                texts.add(n[1]);
            }
            for (String t : texts) {
                out.add(SearchRequest.of(t));
            }
            // autocomplete on the first characters or letters, one query with a map centre, one with a small limit
            out.add(SearchRequest.of(name.substring(0, 1 + random.nextInt(Math.min(3, name.length()))))
                    .autocompleting());
            out.add(SearchRequest.of(pinyin.substring(0, Math.min(pinyin.length(), 2 + random.nextInt(6))))
                    .autocompleting());
            out.add(new SearchRequest(
                    texts.get(random.nextInt(texts.size())),
                    random.nextBoolean(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    105.8 + random.nextDouble() * 1.5,
                    29.0 + random.nextDouble() * 1.5,
                    10));
            out.add(SearchRequest.of(texts.get(random.nextInt(texts.size()))).withLimit(3));
        }
        return out;
    }
}
