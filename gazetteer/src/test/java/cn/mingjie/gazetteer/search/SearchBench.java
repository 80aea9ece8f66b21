package cn.mingjie.gazetteer.search;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.romanization.Reading;
import cn.mingjie.gazetteer.romanization.Romanizer;
import cn.mingjie.gazetteer.search.internal.IndexMaintainer;
import cn.mingjie.gazetteer.search.internal.LucenePlaceSearch;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Search figures: the real Chongqing names (test database) and SYNTHETIC corpora (sizes from
 * -Dsearch.bench.sizes, default 1000000), each against a PostgreSQL pg_trgm baseline (GiST trigram
 * index, KNN ordering) on the same names with the same labelled queries. Prints and writes
 * target/bench/search.txt. No assertions on timings.
 */
@Tag("bench")
@SpringJUnitConfig(SearchTestContext.class)
class SearchBench {

    private static final String[] KINDS = {"exact", "prefix", "pinyin", "initials", "typo", "homophone", "historical"};
    private static final int QUERIES_PER_KIND = 300;
    private static final int PG_QUERIES_PER_KIND = 60;

    @DynamicPropertySource
    static void indexDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "search-index");
        registry.add("mingjie.search.index-dir", dir::toString);
    }

    @Autowired
    PlaceSearch search;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PlaceReadings readings;

    record Target(String name, String formerName) {}

    record Query(String kind, String text, String expected) {}

    @Test
    void figures() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "search benchmark, %d cores, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        Romanizer romanizer = readings.romanizer();
        search.awaitCurrent(Duration.ofMinutes(5));

        // ---- real Chongqing names --------------------------------------------------------------
        List<Target> real = jdbc.query(
                "select c.name, (select h.name from geo.division_version h where h.code = c.code and h.valid_to = c.valid_from"
                        + " and h.name <> c.name limit 1) from geo.division_version c where c.valid_to is null",
                (rs, i) -> new Target(rs.getString(1), rs.getString(2)));
        String pool = real.stream()
                .map(t -> romanizer.generics().split(t.name()).specific())
                .collect(Collectors.joining());
        out.append(section(
                "real Chongqing names (NBS 2021+2023 levels 1–4 and 潼南 villages, GeoNames)",
                search,
                real,
                romanizer,
                pool));
        out.append(httpThroughput(search, queries(real, romanizer, pool, new Random(7))));

        // ---- synthetic corpora -------------------------------------------------------------------
        for (String s : System.getProperty("search.bench.sizes", "1000000").split(",")) {
            int size = Integer.parseInt(s.strip());
            SyntheticNames corpus = new SyntheticNames(size, 42, pool);
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "search-bench");
            System.gc();
            long heapBefore = usedHeap();
            IndexMaintainer maintainer =
                    new IndexMaintainer(dataSource, jdbc, transactions, List.of(corpus), readings, dir);
            long t0 = System.nanoTime();
            maintainer.start();
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            PlaceSearch synthetic = new LucenePlaceSearch(maintainer);
            System.gc();
            SearchIndexStatus status = synthetic.status();
            out.append(String.format(
                    "%nSYNTHETIC corpus: %,d places, seed 42: %,d name documents, build %.1f s, index %.0f MB on disk,"
                            + " heap after build %+d MB (index files are memory-mapped, not heap)%n",
                    size,
                    status.documents(),
                    buildSeconds,
                    status.bytesOnDisk() / 1e6,
                    (usedHeap() - heapBefore) >> 20));
            List<Target> sample = new ArrayList<>();
            Random pick = new Random(11);
            corpus.scan(e -> {
                if (pick.nextInt(Math.max(1, size / 4000)) == 0) {
                    String former = e.names().stream()
                            .filter(n -> n.kind() == NameKind.HISTORICAL)
                            .map(PlaceName::name)
                            .findFirst()
                            .orElse(null);
                    sample.add(new Target(e.currentName(), former));
                }
            });
            out.append(section("SYNTHETIC " + size, synthetic, sample, romanizer, pool, corpus));
            out.append(httpThroughput(synthetic, queries(sample, romanizer, pool, new Random(7))));
            maintainer.stop();
        }
        System.out.print(out);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("search.txt"), out.toString());
    }

    private String section(String title, PlaceSearch engine, List<Target> targets, Romanizer romanizer, String pool)
            throws Exception {
        return section(title, engine, targets, romanizer, pool, null);
    }

    private String section(
            String title, PlaceSearch engine, List<Target> targets, Romanizer romanizer, String pool, NameSource corpus)
            throws Exception {
        StringBuilder out = new StringBuilder(String.format("%n== %s: %,d labelled queries%n", title, 0));
        List<Query> queries = queries(targets, romanizer, pool, new Random(7));
        out.setLength(0);
        out.append(String.format(
                "%n== %s: %,d labelled queries (%d per kind)%n", title, queries.size(), QUERIES_PER_KIND));
        // pg_trgm baseline on the same names
        long t0 = System.nanoTime();
        int rows = loadBaseline(corpus, romanizer);
        out.append(String.format(
                "   pg_trgm baseline: %,d names loaded and GiST-indexed in %.1f s%n",
                rows, (System.nanoTime() - t0) / 1e9));
        out.append(String.format(
                "   %-11s %10s %10s %8s | %10s %10s %8s | %8s%n",
                "kind", "p50 ms", "p99 ms", "recall", "pg p50", "pg p99", "recall", "p50 ×"));
        for (String kind : KINDS) {
            List<Query> qs = queries.stream().filter(q -> q.kind().equals(kind)).toList();
            if (qs.isEmpty()) {
                continue;
            }
            Result ours =
                    measure(qs, qs.size(), q -> names(engine.search(request(q)).hits()));
            // pg_trgm KNN takes up to a second per query at 1M names on this machine: a subset.
            Result pg = measure(qs, PG_QUERIES_PER_KIND, q -> baseline(q, romanizer));
            out.append(String.format(
                    "   %-11s %10.3f %10.3f %7.1f%% | %10.3f %10.3f %7.1f%% | %8.0f%n",
                    kind,
                    ours.p50(),
                    ours.p99(),
                    100 * ours.recall(),
                    pg.p50(),
                    pg.p99(),
                    100 * pg.recall(),
                    pg.p50() / ours.p50()));
        }
        out.append(String.format("   (*pg_trgm: first %d queries of each kind)%n", PG_QUERIES_PER_KIND));
        return out.toString();
    }

    private static SearchRequest request(Query q) {
        SearchRequest r = SearchRequest.of(q.text());
        return q.kind().equals("prefix") ? r.autocompleting() : r;
    }

    private static List<String> names(List<SearchHit> hits) {
        List<String> out = new ArrayList<>();
        for (SearchHit h : hits) {
            out.add(h.name());
            out.add(h.matchedName());
        }
        return out;
    }

    record Result(double p50, double p99, double recall) {}

    /** Times the first {@code n} queries after a warm-up; recall = expected name among the top 10. */
    private static Result measure(List<Query> all, int n, Function<Query, List<String>> run) {
        List<Query> qs = all.subList(0, Math.min(n, all.size()));
        for (Query q : qs.subList(0, Math.min(qs.size(), Math.max(5, qs.size() / 5)))) {
            run.apply(q); // warm-up
        }
        long[] nanos = new long[qs.size()];
        int found = 0;
        for (int i = 0; i < qs.size(); i++) {
            long t = System.nanoTime();
            List<String> names = run.apply(qs.get(i));
            nanos[i] = System.nanoTime() - t;
            if (names.contains(qs.get(i).expected())) {
                found++;
            }
        }
        Arrays.sort(nanos);
        return new Result(
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, found / (double) qs.size());
    }

    /** Labelled queries: each expects a name among the top 10 hits. */
    static List<Query> queries(List<Target> targets, Romanizer romanizer, String pool, Random r) {
        Map<String, List<Character>> homophones = new HashMap<>();
        for (char c : pool.toCharArray()) {
            List<Reading> rd = romanizer.read(String.valueOf(c));
            if (!rd.isEmpty()) {
                List<Character> l = homophones.computeIfAbsent(rd.get(0).key(), k -> new ArrayList<>());
                if (!l.contains(c)) {
                    l.add(c);
                }
            }
        }
        List<Query> out = new ArrayList<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        int guard = 0;
        while (guard++ < 200_000
                && count.values().stream().mapToInt(Integer::intValue).sum() < QUERIES_PER_KIND * KINDS.length) {
            Target t = targets.get(r.nextInt(targets.size()));
            String name = t.name();
            String core = romanizer.generics().split(name).specific();
            List<Reading> readings = romanizer.read(name);
            String pinyin = readings.stream().map(Reading::key).collect(Collectors.joining());
            String kind = KINDS[r.nextInt(KINDS.length)];
            if (count.getOrDefault(kind, 0) >= QUERIES_PER_KIND) {
                continue;
            }
            String text =
                    switch (kind) {
                        case "exact" -> name;
                        case "prefix" -> core.length() >= 2 && core.length() < name.length() ? core : null;
                        case "pinyin" -> pinyin;
                        case "initials" -> readings.stream()
                                .map(x -> x.key().substring(0, 1))
                                .collect(Collectors.joining());
                        case "typo" -> pinyin.length() >= 5 ? typo(pinyin, r) : null;
                        case "homophone" -> homophone(name, core, romanizer, homophones, r);
                        case "historical" -> t.formerName();
                        default -> null;
                    };
            if (text == null || text.isEmpty()) {
                continue;
            }
            out.add(new Query(kind, text, name));
            count.merge(kind, 1, Integer::sum);
        }
        return out;
    }

    private static String typo(String pinyin, Random r) {
        int at = 1 + r.nextInt(pinyin.length() - 1);
        char c = (char) ('a' + r.nextInt(26));
        return pinyin.substring(0, at) + c + pinyin.substring(at + 1);
    }

    private static String homophone(
            String name, String core, Romanizer romanizer, Map<String, List<Character>> byReading, Random r) {
        for (int tries = 0; tries < 5 && !core.isEmpty(); tries++) {
            int at = r.nextInt(core.length());
            List<Reading> rd = romanizer.read(String.valueOf(core.charAt(at)));
            List<Character> same = byReading.getOrDefault(rd.get(0).key(), List.of());
            for (Character c : same) {
                if (c != core.charAt(at)) {
                    return name.substring(0, at) + c + name.substring(at + 1);
                }
            }
        }
        return null;
    }

    // ---- pg_trgm baseline ----------------------------------------------------------------------

    private int loadBaseline(NameSource corpus, Romanizer romanizer) {
        jdbc.execute("create extension if not exists pg_trgm");
        jdbc.execute("drop table if exists public.bench_names");
        jdbc.execute(
                "create table public.bench_names (name text not null, current_name text not null, pinyin text not null,"
                        + " initials text not null)");
        List<Object[]> batch = new ArrayList<>();
        AtomicLong rows = new AtomicLong();
        java.util.function.Consumer<PlaceEntry> add = e -> {
            for (PlaceName n : e.names()) {
                List<Reading> rd = romanizer.read(n.name());
                batch.add(new Object[] {
                    n.name(),
                    e.currentName(),
                    rd.stream().map(Reading::key).collect(Collectors.joining()),
                    rd.stream()
                            .map(x -> x.key().isEmpty() ? "" : x.key().substring(0, 1))
                            .collect(Collectors.joining())
                });
                rows.incrementAndGet();
            }
            if (batch.size() >= 5000) {
                flush(batch);
            }
        };
        if (corpus == null) {
            new cn.mingjie.gazetteer.search.internal.DivisionNameSource(jdbc).scan(add);
            new cn.mingjie.gazetteer.search.internal.GeoNamesNameSource(jdbc).scan(add);
        } else {
            corpus.scan(add);
        }
        flush(batch);
        jdbc.execute("create index bench_names_name on public.bench_names using gist (name gist_trgm_ops)");
        jdbc.execute("create index bench_names_pinyin on public.bench_names using gist (pinyin gist_trgm_ops)");
        jdbc.execute("create index bench_names_initials on public.bench_names using gist (initials gist_trgm_ops)");
        jdbc.execute("analyze public.bench_names");
        return (int) rows.get();
    }

    private void flush(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("insert into public.bench_names values (?, ?, ?, ?)", batch);
            batch.clear();
        }
    }

    /** pg_trgm's best at top-k: KNN over the GiST trigram index on the column that fits the query. */
    private List<String> baseline(Query q, Romanizer romanizer) {
        String column =
                switch (q.kind()) {
                    case "pinyin", "typo" -> "pinyin";
                    case "initials" -> "initials";
                    case "homophone" -> "pinyin";
                    default -> "name";
                };
        String text = q.kind().equals("homophone")
                ? romanizer.read(q.text()).stream().map(Reading::key).collect(Collectors.joining())
                : q.text();
        List<String> out = new ArrayList<>();
        jdbc.query(
                "select name, current_name from public.bench_names order by " + column + " <-> ? limit 10",
                rs -> {
                    out.add(rs.getString(1));
                    out.add(rs.getString(2));
                },
                text);
        return out;
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    /**
     * Throughput with 8 concurrent clients over real HTTP (JDK HttpServer in front of the same engine,
     * JSON answers; the Spring application's own figure on the sample is in web's SearchHttpBench).
     */
    private static String httpThroughput(PlaceSearch engine, List<Query> queries) throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/search", ex -> {
            String q = URLDecoder.decode(ex.getRequestURI().getRawQuery().substring(2), StandardCharsets.UTF_8);
            byte[] body =
                    json.writeValueAsBytes(engine.search(SearchRequest.of(q)).hits());
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        int clients = 8;
        long seconds = 15;
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int c = 0; c < clients; c++) {
            int offset = c;
            pool.submit(() -> {
                HttpClient client = HttpClient.newHttpClient();
                int i = offset;
                while (System.nanoTime() < deadline) {
                    Query q = queries.get(i++ % queries.size());
                    try {
                        HttpResponse<byte[]> r = client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/search?q="
                                                + URLEncoder.encode(q.text(), StandardCharsets.UTF_8)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        (r.statusCode() == 200 ? done : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30, TimeUnit.SECONDS);
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdown();
        return String.format(
                "   HTTP (JDK server, %d clients, %d s, mixed kinds): %.0f q/s, %d failed%n",
                clients, seconds, done.get() / (double) seconds, failed.get());
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
