package cn.mingjie.web.search;

import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.web.MingjieAppTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/v1/search through the whole Spring application on the Chongqing sample: throughput with
 * concurrent clients over real HTTP, and single-client latency. Prints and writes target/bench/search-http.txt.
 */
@Tag("bench")
@MingjieAppTest
class SearchHttpBench {

    @LocalServerPort
    int port;

    @Autowired
    PlaceSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void throughput() throws Exception {
        search.awaitCurrent(Duration.ofMinutes(5));
        List<String> names = jdbc.queryForList(
                "select name from geo.division_version where valid_to is null order by md5(code) limit 2000",
                String.class);
        String[] queries = names.stream()
                .flatMap(n -> java.util.stream.Stream.of(n, n.substring(0, Math.min(2, n.length()))))
                .toArray(String[]::new);
        StringBuilder out = new StringBuilder("GET /api/v1/search over HTTP, Spring application, Chongqing sample\n");
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
        for (int clients : new int[] {4, 8, 16}) {
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            int seconds = 15;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                int offset = c * 97;
                pool.submit(() -> {
                    HttpClient client = HttpClient.newHttpClient();
                    int i = offset;
                    while (System.nanoTime() < deadline) {
                        (get(client, queries[i++ % queries.length]) == 200 ? done : failed).incrementAndGet();
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
            out.append(String.format(
                    "  %2d clients, %d s: %.0f q/s, %d failed%n",
                    clients, seconds, done.get() / (double) seconds, failed.get()));
        }
        System.out.print(out);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("search-http.txt"), out.toString());
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
}
