package cn.mingjie.gazetteer.search;

import cn.mingjie.gazetteer.GazetteerTestContext;
import cn.mingjie.gazetteer.PlaceDraft;
import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.PlaceVersion;
import cn.mingjie.gazetteer.Places;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * How soon a committed change is searchable (the tests only poll for it): commit → first search that
 * returns the change, for a division rename, a register place rename and a division transfer (a township
 * moved between two districts, a register place in one of its villages), each {@code search.freshness.n}
 * times, one change at a time; and the CPU time the index's listener thread spent per change.
 *
 * <p>{@code ./bench -pl geo-core,gazetteer -Dtest=SearchFreshnessBench [-Dsearch.freshness.n=100]}
 */
@Tag("bench")
@SpringJUnitConfig(GazetteerTestContext.class)
class SearchFreshnessBench {

    private static final ChangeContext WHO = new ChangeContext("bench", "时效测试");
    private static final Duration GUARD = Duration.ofSeconds(30);
    /** Changes take effect on consecutive past days from here, so that today's search sees them. */
    private static final LocalDate FIRST_CHANGE = LocalDate.of(2024, 1, 1);
    /** Unique two-character 专名 for the renames (400 of them). */
    private static final String CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";

    @Autowired
    PlaceSearch search;

    @Autowired
    DivisionRegister divisions;

    @Autowired
    PlaceRegister register;

    @Test
    void commitToSearchable() throws Exception {
        int n = Integer.getInteger("search.freshness.n", 50);
        search.awaitCurrent(Duration.ofSeconds(60));
        StringBuilder out = new StringBuilder(String.format(
                "Search freshness: commit → searchable, %d changes per kind, one at a time (%s)%n"
                        + "  latency: wall clock from the committing call's return to the first search that"
                        + " shows the change (polled every 2 ms);%n"
                        + "  listener CPU: the search-index-listener thread's CPU time (ThreadMXBean) over the"
                        + " kind's run / changes (includes its idle polling)%n",
                n, SearchBench.uptime()));

        String township = "500152108000"; // 米心镇
        String[] tag = {divisions.find(township, null).orElseThrow().versionTag()};
        out.append(measure("division rename", n, i -> {
            String name = name(i, "镇");
            tag[0] = divisions
                    .rename(township, name, FIRST_CHANGE.plusDays(i), tag[0], WHO)
                    .versionTag();
            return () -> found(SearchRequest.of(name), "division:" + township);
        }));

        PlaceVersion[] road = {
            register.create(Places.road("时效", "路", "POINT (105.79 30.18)"), LocalDate.of(2020, 1, 1), "bench", WHO)
        };
        String roadId = "place:" + road[0].placeId();
        out.append(measure("place rename", n, i -> {
            String proper = name(i, "");
            road[0] = register.revise(
                    road[0].placeId(),
                    Places.road(proper, "路", "POINT (105.79 30.18)"),
                    FIRST_CHANGE.plusDays(i),
                    "renamed",
                    road[0].versionTag(),
                    WHO);
            return () -> found(SearchRequest.of(proper + "路"), roadId);
        }));

        // 寿桥镇 moves between 潼南区 and 铜梁区; the register place lies in one of its villages.
        String shouqiao = "500152124000";
        String[] parents = {"500151000000", Places.TONGNAN};
        PlaceDraft bridge = new PlaceDraft(
                "时效",
                "桥",
                null,
                null,
                List.of(),
                "27100",
                "500152124202",
                "测试",
                "测试",
                "测试",
                null,
                2000,
                null,
                "bench",
                "surveyed",
                Places.wkt("POINT (105.92 29.98)"),
                "standard");
        String bridgeId = "place:"
                + register.create(bridge, LocalDate.of(2020, 1, 1), "bench", WHO)
                        .placeId();
        out.append(measure("division transfer", n, i -> {
            String to = parents[i % 2];
            divisions.transfer(List.of(shouqiao), to, FIRST_CHANGE.plusDays(i), WHO);
            return () -> found(SearchRequest.of("时效桥").within(to), bridgeId);
        }));
        out.append(String.format("  load at end: %s%n", SearchBench.uptime()));

        System.out.print(out);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("search-freshness.txt"), out.toString());
    }

    /** Runs {@code n} changes (each returns the check that it is searchable) and reports their latencies. */
    private String measure(String kind, int n, IntFunction<BooleanSupplier> change)
            throws InterruptedException, IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long listener = listenerThreadId();
        long cpuBefore = threads.getThreadCpuTime(listener);
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            BooleanSupplier visible = change.apply(i);
            long committed = System.nanoTime();
            while (!visible.getAsBoolean()) {
                if (System.nanoTime() - committed > GUARD.toNanos()) {
                    throw new IllegalStateException(kind + " " + i + " not searchable after " + GUARD);
                }
                Thread.sleep(2);
            }
            ms[i] = (System.nanoTime() - committed) / 1e6;
        }
        double cpuPerChange = (threads.getThreadCpuTime(listener) - cpuBefore) / 1e6 / n;
        Arrays.sort(ms);
        return String.format(
                "  %-18s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  listener CPU %6.2f ms/change  (%s)%n",
                kind,
                ms[(n - 1) / 2],
                ms[(int) Math.ceil(n * 0.99) - 1],
                ms[n - 1],
                cpuPerChange,
                SearchBench.uptime());
    }

    private boolean found(SearchRequest request, String placeId) {
        return search.search(request).hits().stream()
                .anyMatch(h -> h.placeId().equals(placeId) && h.name().equals(request.query()));
    }

    private static String name(int i, String generic) {
        return "" + CHARS.charAt(i / CHARS.length() % CHARS.length()) + CHARS.charAt(i % CHARS.length()) + generic;
    }

    private static long listenerThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("search-index-listener"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no search-index-listener thread"))
                .getId();
    }
}
