package cn.mingjie.web.search;

import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.geocore.bench.HttpLoad;
import cn.mingjie.web.MingjieAppTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/v1/search through the whole Spring application on the Chongqing sample: throughput with
 * concurrent keep-alive clients over real HTTP ({@link HttpLoad}), and single-client latency. Prints and writes target/bench/search-http.txt.
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
        StringBuilder out = new StringBuilder(String.format(
                "GET /api/v1/search over HTTP, Spring application, Chongqing sample (%d name documents), %d cores;"
                        + " load at start: %s%n",
                search.status().documents(), Runtime.getRuntime().availableProcessors(), uptime()));
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
        List<String> paths = Arrays.stream(queries)
                .map(q -> "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .toList();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int clients : new int[] {4, 8, 16}) {
            long cpu0 = os.getProcessCpuTime();
            HttpLoad.Outcome o = HttpLoad.run(port, paths, clients, 15);
            out.append(String.format(
                    "  %2d keep-alive clients, %d s: %.0f q/s, %d failed, %.2f ms CPU per query (server and"
                            + " client); load after: %s%n",
                    clients,
                    o.seconds(),
                    o.perSecond(),
                    o.failed(),
                    (os.getProcessCpuTime() - cpu0) / 1e6 / Math.max(1, o.done()),
                    uptime()));
        }
        System.out.print(out);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("search-http.txt"), out.toString());
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
}
