package cn.mingjie.web.bench;

import cn.mingjie.geocore.division.DivisionQuery;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.web.Http;
import cn.mingjie.web.MingjieAppTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Figures for the division register on the real sample: as-of lookups in process and over HTTP. */
@Tag("bench")
@MingjieAppTest
class DivisionBench {

    @Autowired
    DivisionRegister register;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void asOfLookups() throws IOException {
        List<String> codes = jdbc.queryForList("select distinct code from geo.division_version", String.class);
        Random random = new Random(42);
        LocalDate[] dates = {LocalDate.of(2022, 1, 1), LocalDate.of(2024, 1, 1), null};
        StringBuilder out = new StringBuilder("division register, " + codes.size() + " codes\n");
        out.append(measure(
                "find(code, asOf) in process",
                20_000,
                i -> register.find(codes.get(random.nextInt(codes.size())), dates[i % 3])));
        out.append(measure(
                "list(children of a township) in process",
                5_000,
                i -> register.list(new DivisionQuery(
                        "500152" + String.format("%03d", 1 + random.nextInt(23)) + "000",
                        null,
                        null,
                        null,
                        false,
                        100,
                        0))));
        Http http = new Http(port);
        out.append(measure(
                "GET /api/v1/divisions/{code} over HTTP",
                5_000,
                i -> http.get("/api/v1/divisions/" + codes.get(random.nextInt(codes.size())) + "?asOf=2024-01-01")));
        System.out.print(out);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("divisions.txt"), out.toString());
    }

    private static String measure(String what, int n, IntConsumer op) {
        for (int i = 0; i < n / 10; i++) {
            op.accept(i); // warm-up
        }
        long[] nanos = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            op.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        return String.format(
                "  %-45s n=%d  p50=%.3f ms  p99=%.3f ms  %.0f ops/s%n",
                what, n, nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, n / seconds);
    }
}
