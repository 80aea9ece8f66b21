package cn.mingjie.web.search;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchIndexStatus;
import cn.mingjie.gazetteer.search.SearchRequest;
import cn.mingjie.gazetteer.search.SearchResult;
import cn.mingjie.gazetteer.search.SearchTestData;
import cn.mingjie.gazetteer.search.SyntheticNames;
import cn.mingjie.gazetteer.search.internal.ReusedIndex;
import cn.mingjie.geocore.bench.HttpLoad;
import cn.mingjie.web.MingjieAppTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * GET /api/v1/search through the whole Spring application on the Chongqing sample (or, with
 * {@code -Dsearch.http.bench.synthetic}, on a synthetic index SearchBench built): throughput with
 * concurrent keep-alive clients over real HTTP ({@link HttpLoad}), and single-client latency. Client and
 * server share the 2 cores, so each row splits the CPU per answered query: the search itself (the same
 * queries run in-process at the same concurrency), the rest of the Tomcat threads' CPU (HTTP and Spring),
 * and the rest of the process (load client, GC, JIT). {@code -Dsearch.http.jfr=FILE} records from the
 * warm-up on with JFR's profile settings. Prints and writes target/bench/search-http.txt.
 */
@Tag("bench")
@MingjieAppTest
class SearchHttpBench {

    private static final int SECONDS = 15;
    /**
     * -Dsearch.http.bench.synthetic=SIZE with -Dsearch.http.bench.indexRoot=DIR: the search answers from
     * the synthetic index SearchBench kept in DIR/synthetic-SIZE ({@code -Dsearch.bench.indexRoot=DIR}).
     */
    private static final Integer SYNTHETIC = Integer.getInteger("search.http.bench.synthetic");

    private static final String INDEX_ROOT = System.getProperty("search.http.bench.indexRoot");

    @LocalServerPort
    int port;

    /** In synthetic mode the {@link SwitchedSearch}: the controller's and this test's search. */
    @Autowired
    PlaceSearch search;

    @Autowired(required = false)
    SwitchedSearch switched;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PlaceReadings readings;

    @Value("${server.tomcat.threads.max:200}")
    int tomcatThreads;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void throughput() throws Exception {
        search.awaitCurrent(Duration.ofMinutes(5));
        if (SYNTHETIC != null) {
            synthetic();
            return;
        }
        List<String> names = jdbc.queryForList(
                "select name from geo.division_version where valid_to is null order by md5(code) limit 2000",
                String.class);
        measure(
                queries(names),
                String.format(
                        "Chongqing sample (%d name documents)", search.status().documents()));
    }

    /**
     * The app's search answers from SearchBench's synthetic index of that size, opened as it is (never
     * rebuilt: {@link ReusedIndex} throws if it is not current), with the corpus's own names as queries.
     */
    private void synthetic() throws Exception {
        if (INDEX_ROOT == null) {
            throw new IllegalStateException("-Dsearch.http.bench.synthetic needs -Dsearch.http.bench.indexRoot"
                    + " (the directory SearchBench's -Dsearch.bench.indexRoot kept the index in)");
        }
        Path dir = Path.of(INDEX_ROOT, "synthetic-" + SYNTHETIC);
        long t0 = System.nanoTime();
        SyntheticNames corpus = new SyntheticNames(SYNTHETIC, 42, SearchTestData.benchCharacterPool());
        // About 2,000 places spread over the whole corpus; generating it is cheap next to indexing it.
        List<PlaceEntry> sample = new ArrayList<>();
        Random pick = new Random(7);
        corpus.scan(e -> {
            if (pick.nextInt(Math.max(1, SYNTHETIC / 2000)) == 0) {
                sample.add(e);
            }
        });
        double prepareSeconds = (System.nanoTime() - t0) / 1e9;
        try (ReusedIndex index = ReusedIndex.open(
                dir, corpus, ReusedIndex.BENCH_DATABASE_ID, dataSource, jdbc, transactions, readings)) {
            List<PlaceEntry> checked = sample.subList(0, Math.min(50, sample.size()));
            int found = index.found(checked);
            if (found < checked.size() * 9 / 10) {
                throw new IllegalStateException(found + " of " + checked.size() + " sampled places found in " + dir
                        + ": the corpus generated here is not the one indexed there (another character pool?)");
            }
            switched.use(index.search());
            try {
                measure(
                        queries(sample.stream().map(PlaceEntry::currentName).toList()),
                        String.format(
                                "SYNTHETIC corpus of %,d places, seed 42 (index %s reused, %,d name documents, %.0f MB;"
                                        + " pool and %,d sampled places made in %.1f s; %d of %d sampled names found"
                                        + " with their place)",
                                SYNTHETIC,
                                dir,
                                search.status().documents(),
                                search.status().bytesOnDisk() / 1e6,
                                sample.size(),
                                prepareSeconds,
                                found,
                                checked.size()));
            } finally {
                switched.use(null);
            }
        }
    }

    /** Each name and its first two characters (an autocomplete prefix). */
    private static String[] queries(List<String> names) {
        return names.stream()
                .flatMap(n -> java.util.stream.Stream.of(n, n.substring(0, Math.min(2, n.length()))))
                .toArray(String[]::new);
    }

    private void measure(String[] queries, String corpus) throws Exception {
        StringBuilder out = new StringBuilder(String.format(
                "GET /api/v1/search over HTTP, Spring application, %s, %d cores,"
                        + " server.tomcat.threads.max=%d; load at start: %s%n",
                corpus, Runtime.getRuntime().availableProcessors(), tomcatThreads, uptime()));
        List<String> paths = Arrays.stream(queries)
                .map(q -> "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .toList();
        // Started before the warm-up: starting a recording makes the JIT recompile, which in the first
        // measured rows inflated the search CPU per query several times.
        String jfr = System.getProperty("search.http.jfr", "");
        Recording recording = null;
        if (!jfr.isEmpty()) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(jfr));
            recording.start();
        }
        // JIT and the index's caches settle before anything is measured.
        HttpLoad.run(port, paths, 8, 10);
        HttpClient single = HttpClient.newHttpClient();
        long[] nanos = new long[1000];
        for (int i = 0; i < 1200; i++) {
            long t = System.nanoTime();
            get(single, queries[i % queries.length]);
            if (i >= 200) {
                nanos[i - 200] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        out.append(String.format("  1 client: p50 %.2f ms, p99 %.2f ms%n", nanos[500] / 1e6, nanos[990] / 1e6));
        out.append("  CPU per answered query: search = in-process search at the same concurrency;"
                + " HTTP/Spring = Tomcat threads (http-nio-*) less search; other = rest of the process"
                + " (load client, GC, JIT)\n");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int clients : new int[] {4, 8, 16}) {
            double searchMs = inProcessSearchCpu(queries, clients);
            Map<Long, Long> tomcat0 = tomcatCpu();
            long cpu0 = os.getProcessCpuTime();
            HttpLoad.Outcome o = HttpLoad.run(port, paths, clients, SECONDS);
            long process = os.getProcessCpuTime() - cpu0;
            Map<Long, Long> tomcat1 = tomcatCpu();
            long tomcat = 0;
            for (Map.Entry<Long, Long> e : tomcat1.entrySet()) {
                tomcat += e.getValue() - tomcat0.getOrDefault(e.getKey(), 0L);
            }
            long done = Math.max(1, o.done());
            double tomcatMs = tomcat / 1e6 / done;
            out.append(String.format(
                    "  %2d keep-alive clients, %d s: %.0f q/s, %d failed; CPU/query %.3f ms = search %.3f +"
                            + " HTTP/Spring %.3f + other %.3f (%d Tomcat threads); load after: %s%n",
                    clients,
                    o.seconds(),
                    o.perSecond(),
                    o.failed(),
                    process / 1e6 / done,
                    searchMs,
                    tomcatMs - searchMs,
                    (process - tomcat) / 1e6 / done,
                    tomcat1.size(),
                    uptime()));
        }
        if (recording != null) {
            recording.stop();
            recording.close();
            out.append("  JFR recording (from the warm-up on): ").append(jfr).append('\n');
        }
        System.out.print(out);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("search-http.txt"), out.toString());
    }

    /** CPU ms per query of PlaceSearch alone, as the controller calls it, from {@code clients} threads for 5 s. */
    private double inProcessSearchCpu(String[] queries, int clients) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * 97;
            parts.add(pool.submit(() -> {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long n = 0;
                for (int i = offset; System.nanoTime() < deadline; i++, n++) {
                    search.search(new SearchRequest(
                            queries[i % queries.length], false, null, null, null, null, null, null, null, 10));
                }
                return new long[] {threads.getCurrentThreadCpuTime() - cpu0, n};
            }));
        }
        long cpu = 0;
        long n = 0;
        for (Future<long[]> f : parts) {
            cpu += f.get()[0];
            n += f.get()[1];
        }
        pool.shutdown();
        return cpu / 1e6 / Math.max(1, n);
    }

    /** CPU nanoseconds so far of each live Tomcat request thread, by thread id. */
    private Map<Long, Long> tomcatCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("http-nio-")) {
                long ns = threads.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) {
                    cpu.put(t.getThreadId(), ns);
                }
            }
        }
        return cpu;
    }

    /** The load average as `uptime` shows it (the machine is shared). */
    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            int at = s.indexOf("load average");
            return at < 0 ? s : s.substring(at);
        } catch (IOException e) {
            return "uptime unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "uptime interrupted";
        }
    }

    private int get(HttpClient client, String q) {
        try {
            return client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search?q="
                                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Synthetic mode only: the application's PlaceSearch becomes one the test can point at another index. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SyntheticMode {

        @Bean
        @Primary
        @ConditionalOnProperty("search.http.bench.synthetic")
        SwitchedSearch switchedSearch(@Qualifier("lucenePlaceSearch") PlaceSearch app) {
            return new SwitchedSearch(app);
        }
    }

    /** Delegates to the application's own search, or to the index the test put in its place. */
    static final class SwitchedSearch implements PlaceSearch {

        private final PlaceSearch app;
        private volatile PlaceSearch target;

        SwitchedSearch(PlaceSearch app) {
            this.app = app;
            this.target = app;
        }

        /** {@code null}: back to the application's own. */
        void use(PlaceSearch other) {
            target = other == null ? app : other;
        }

        @Override
        public SearchResult search(SearchRequest request) {
            return target.search(request);
        }

        @Override
        public Geometry geometry(String placeId, LocalDate asOf) {
            return target.geometry(placeId, asOf);
        }

        @Override
        public SearchIndexStatus status() {
            return target.status();
        }

        @Override
        public void awaitCurrent(Duration timeout) {
            target.awaitCurrent(timeout);
        }
    }
}
