package cn.mingjie.web.layers;

import static cn.mingjie.geocore.layer.LayerAttribute.text;

import cn.mingjie.geocore.layer.Delivery;
import cn.mingjie.geocore.layer.GeometryKind;
import cn.mingjie.geocore.layer.LayerDefinition;
import cn.mingjie.geocore.layer.LayerTiles;
import cn.mingjie.geocore.layer.Thinning;
import cn.mingjie.web.MingjieAppTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vector-tile throughput and latency over loopback: the sample (districts, settlement names) and a
 * generated layer of 13,200,000 synthetic place names (clearly synthetic: "合成地名N"; the count of
 * China's register) at about the national average density (≈1.4 per km²) over 90–125°E, 20–45°N,
 * with a synthetic importance level (0.02 % county seats, 0.3 % townships, 3.7 % villages, the rest
 * minor names) by which the layer is thinned like the real place-name layers. Zooms 8–16, cold
 * (first request of each tile: the server's tile cache is empty) and warm (the same tiles again,
 * from the cache), with 1 and 4 concurrent clients; and revalidation (If-None-Match → 304). In the same run, when Debian's
 * mapserver-bin/cgi-mapserver and lighttpd are installed, the same layers as WMS 1.1.1 GetMap 256×256
 * PNG tiles from MapServer under FastCGI on the same PostGIS — the reference a bureau would otherwise
 * deploy. Prints figures, asserts nothing.
 * Run: ./bench -pl geo-core,gazetteer,boundary-survey,facility,data,web -Dtest=TileBench
 */
@Tag("bench")
@MingjieAppTest
@Import(TileBench.SyntheticLayer.class)
class TileBench {

    static final int SYNTHETIC_ROWS = Integer.getInteger("bench.rows", 13_200_000);
    static final int TILES_PER_ZOOM = Integer.getInteger("bench.tiles", 40);
    static final int WARM_ROUNDS = Integer.getInteger("bench.warm-rounds", 5);

    @TestConfiguration(proxyBeanMethods = false)
    static class SyntheticLayer {
        @Bean
        LayerDefinition syntheticNamesLayer() {
            return LayerDefinition.builder("bench_names")
                    .title("合成地名（基准测试）", "Synthetic names (benchmark)")
                    .source("bench.synthetic_name", GeometryKind.POINT, "id", "geom")
                    .attributes(text("id", "标识", "Id"), text("name", "名称", "Name"), text("level", "级别", "Level"))
                    .label("name")
                    .zoom(8, 18)
                    .thinning(Thinning.byAttribute("level", Map.of("3", 6, "4", 8, "5", 10), 12))
                    .delivery(Delivery.TILES)
                    .derived()
                    .watches("bench.synthetic_name")
                    .drawOrder(100)
                    .build();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    LayerTiles layerTiles;

    static final List<String> LAYERS = List.of("district", "place_settlement", "bench_names");

    final HttpClient client = HttpClient.newBuilder().build();
    final StringBuilder out = new StringBuilder();

    @Test
    void tiles() throws Exception {
        long t0 = System.nanoTime();
        generate();
        print(String.format("generated %,d synthetic names in %.1f s", SYNTHETIC_ROWS, (System.nanoTime() - t0) / 1e9));
        print("load before the run (uptime): " + uptime());
        print(
                "server     layer             z  clients  phase        tiles  tiles/s   p50 ms   p99 ms   avg KB  cpu ms/tile");
        for (String layer : LAYERS) {
            for (int z = 8; z <= 16; z += 2) {
                List<String> paths = tiles(layer, z);
                run("mingjie", port, layer, z, 1, "cold", paths, false);
                run("mingjie", port, layer, z, 1, "warm", paths, false);
                run("mingjie", port, layer, z, 4, "warm", paths, false);
                run("mingjie", port, layer, z, 4, "revalidate", paths, true);
            }
        }
        print("tile cache: " + layerTiles.cacheFigures());
        print("load after Mingjie's part (uptime): " + uptime());
        try (MapServer mapServer = MapServer.start((com.zaxxer.hikari.HikariDataSource) dataSource)) {
            if (mapServer == null) {
                print("MapServer: not installed (apt-get install mapserver-bin cgi-mapserver lighttpd); skipped");
            } else {
                for (String layer : LAYERS) {
                    for (int z = 8; z <= 16; z += 2) {
                        List<String> paths =
                                tiles(layer, z).stream().map(MapServer::getMap).toList();
                        run("mapserver", mapServer.port, layer, z, 1, "cold", paths, false);
                        run("mapserver", mapServer.port, layer, z, 1, "warm", paths, false);
                        run("mapserver", mapServer.port, layer, z, 4, "warm", paths, false);
                    }
                }
            }
        }
        print("load at the end (uptime): " + uptime());
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private void generate() {
        jdbc.execute("create schema if not exists bench");
        jdbc.execute("drop table if exists bench.synthetic_name");
        jdbc.execute("create table bench.synthetic_name (id text primary key, name text not null, level text not null,"
                + " geom geometry(Point, 4490) not null)");
        jdbc.execute("select setseed(0.42)");
        jdbc.update(
                "insert into bench.synthetic_name (id, name, level, geom)"
                        + " select 'S' || g, '合成地名' || g,"
                        + " case when r < 0.0002 then '3' when r < 0.0032 then '4' when r < 0.04 then '5' else '6' end,"
                        + " st_setsrid(st_makepoint(90 + random() * 35, 20 + random() * 25), 4490)"
                        + " from (select g, random() as r from generate_series(1, ?) g) s",
                SYNTHETIC_ROWS);
        // Geometry and importance in one GiST index (btree_gist): low-zoom tiles read only the visible levels.
        jdbc.execute("create index on bench.synthetic_name using gist (geom, level)");
        jdbc.execute("analyze bench.synthetic_name");
        jdbc.execute("create trigger synthetic_changed after insert or update or delete or truncate"
                + " on bench.synthetic_name for each statement execute function layers.bump_table_version()");
    }

    /** Random distinct tiles over Chongqing (105.3–110.2°E, 28.2–32.2°N), where both layers have data. */
    private static List<String> tiles(String layer, int z) {
        Random random = new Random(z * 31L);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < TILES_PER_ZOOM; i++) {
            double lon = 105.3 + random.nextDouble() * 4.9;
            double lat = 28.2 + random.nextDouble() * 4.0;
            int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
            double r = Math.toRadians(lat);
            int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
            String path = "/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt";
            if (!paths.contains(path)) {
                paths.add(path);
            }
        }
        return paths;
    }

    private void run(
            String server,
            int serverPort,
            String layer,
            int z,
            int clients,
            String phase,
            List<String> paths,
            boolean revalidate)
            throws Exception {
        // Mingjie's warm phases repeat the tiles so that the p99 rests on a few hundred requests, not on the
        // slowest of 40 (MapServer's, at a few tiles per second, would take too long: one round).
        List<String> order = new ArrayList<>();
        int rounds = phase.equals("cold") || server.equals("mapserver") ? 1 : WARM_ROUNDS;
        for (int round = 0; round < rounds; round++) {
            order.addAll(paths);
        }
        Collections.shuffle(order, new Random(7));
        String etag = revalidate
                ? get(serverPort, order.get(0), null)
                        .headers()
                        .firstValue("ETag")
                        .orElseThrow()
                : null;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] latencies = new long[order.size()];
        long[] sizes = new long[order.size()];
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = get(serverPort, order.get(index), etag);
                latencies[index] = System.nanoTime() - t;
                sizes[index] = r.body().length;
                boolean image = !server.equals("mapserver")
                        || r.headers().firstValue("Content-Type").orElse("").startsWith("image/png");
                if (r.statusCode() != (revalidate ? 304 : 200) || !image) {
                    throw new IllegalStateException(order.get(index) + " → " + r.statusCode() + " "
                            + new String(r.body(), StandardCharsets.UTF_8));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerTile =
                (((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpu0) / 1e6 / order.size();
        pool.shutdown();
        Arrays.sort(latencies);
        print(String.format(
                "%-10s %-16s %2d  %7d  %-10s %6d  %7.1f  %7.1f  %7.1f  %7.1f  %7.2f",
                server,
                layer,
                z,
                clients,
                phase,
                order.size(),
                order.size() / seconds,
                latencies[latencies.length / 2] / 1e6,
                latencies[Math.min(latencies.length - 1, (int) Math.ceil(latencies.length * 0.99) - 1)] / 1e6,
                Arrays.stream(sizes).average().orElse(0) / 1024,
                cpuPerTile));
    }

    private HttpResponse<byte[]> get(int serverPort, String path, String etag)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path));
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Prints a line and keeps the figures so far in target/bench/tiles.txt. */
    private void print(String line) {
        System.out.println(line);
        out.append(line).append('\n');
        try {
            Path dir = Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(dir.resolve("tiles.txt"), out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** MapServer (Debian's mapserv, FastCGI) behind lighttpd on loopback, reading the same PostGIS. */
    static final class MapServer implements AutoCloseable {
        static final double HALF_WORLD = 20037508.342789244;
        final Process process;
        final int port;

        private MapServer(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static MapServer start(com.zaxxer.hikari.HikariDataSource ds) throws Exception {
            if (!Files.isExecutable(Path.of("/usr/bin/mapserv"))
                    || !Files.isExecutable(Path.of("/usr/sbin/lighttpd"))) {
                return null;
            }
            Path dir = Files.createDirectories(Path.of("target", "bench", "mapserver"))
                    .toAbsolutePath();
            URI db = URI.create(ds.getJdbcUrl().substring("jdbc:".length()));
            String connection = "host=" + db.getHost() + " port=" + db.getPort() + " dbname="
                    + db.getPath().substring(1) + " user=" + ds.getUsername() + " password=" + ds.getPassword();
            Files.writeString(
                    dir.resolve("bench.map"),
                    """
                    MAP
                      NAME "mingjie_bench"
                      EXTENT -20037508 -20037508 20037508 20037508
                      SIZE 256 256
                      RESOLUTION 90.714
                      DEFRESOLUTION 90.714
                      IMAGETYPE "png"
                      PROJECTION "init=epsg:3857" END
                      SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END
                      WEB METADATA "wms_enable_request" "*" "wms_srs" "EPSG:3857" "wms_title" "mingjie"
                        "wms_onlineresource" "http://127.0.0.1/mapserv?" END END
                      LAYER
                        NAME "district" TYPE POLYGON STATUS ON
                        CONNECTIONTYPE POSTGIS CONNECTION "%1$s"
                        DATA "geom from layers.district using unique code using srid=4490"
                        PROJECTION "init=epsg:4490" END
                        CLASS STYLE COLOR 143 179 217 OPACITY 25 END STYLE OUTLINECOLOR 36 70 107 WIDTH 1.5 END END
                      END
                      LAYER
                        NAME "place_settlement" TYPE POINT STATUS ON
                        CONNECTIONTYPE POSTGIS CONNECTION "%1$s"
                        DATA "geom from gazetteer.layer_settlement using unique place_id using srid=4490"
                        PROJECTION "init=epsg:4490" END
                        CLASS STYLE SYMBOL "circle" SIZE 7 COLOR 192 57 43 END END
                      END
                    %2$s
                    END
                    """
                            .formatted(connection, thinnedNames(connection)));
            // MapServer 8 reads its configuration file first; it names the map file requests use.
            Files.writeString(
                    dir.resolve("mapserver.conf"),
                    """
                    CONFIG
                      ENV
                        MS_MAPFILE "%s"
                      END
                    END
                    """
                            .formatted(dir.resolve("bench.map")));
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.writeString(
                    dir.resolve("lighttpd.conf"),
                    """
                    server.document-root = "%1$s"
                    server.bind = "127.0.0.1"
                    server.port = %2$d
                    server.modules = ("mod_fastcgi")
                    server.errorlog = "%1$s/error.log"
                    fastcgi.server = ("/mapserv" => ((
                      "bin-path" => "/usr/bin/mapserv",
                      "socket" => "%1$s/mapserv.sock",
                      "max-procs" => 4,
                      "check-local" => "disable",
                      "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "%1$s/mapserver.conf")
                    )))
                    """
                            .formatted(dir, port));
            Process p = new ProcessBuilder(
                            "/usr/sbin/lighttpd",
                            "-D",
                            "-f",
                            dir.resolve("lighttpd.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("lighttpd.out").toFile())
                    .start();
            MapServer server = new MapServer(p, port);
            for (int i = 0; i < 50; i++) {
                try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                    return server;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            server.close();
            throw new IllegalStateException("lighttpd did not start; see " + dir.resolve("lighttpd.out"));
        }

        /**
         * The synthetic names thinned as Mingjie's tiles are (levels 3–4 from z8, 5 from z10, all from
         * z12), as one WMS layer group of scale-ranged layers. The 0.28 mm pixel (RESOLUTION 90.714)
         * makes MapServer's scale the OGC scale denominator of the web-mercator zoom. MapServer has
         * no per-tile feature cap.
         */
        static String thinnedNames(String connection) {
            StringBuilder layers = new StringBuilder();
            String[][] ranges = {
                {"8", "10", "level in ('3', '4')"}, {"10", "12", "level in ('3', '4', '5')"}, {"12", "23", "true"}
            };
            for (String[] r : ranges) {
                double maxScale = LayerDefinition.scaleDenominatorAtZoom(Integer.parseInt(r[0])) * 1.01;
                double minScale = LayerDefinition.scaleDenominatorAtZoom(Integer.parseInt(r[1])) * 1.01;
                layers.append(
                        """
                          LAYER
                            NAME "bench_names_%3$s" GROUP "bench_names" TYPE POINT STATUS ON
                            CONNECTIONTYPE POSTGIS CONNECTION "%1$s"
                            DATA "geom from (select id, geom from bench.synthetic_name where %2$s) as t using unique id using srid=4490"
                            PROJECTION "init=epsg:4490" END
                            MINSCALEDENOM %4$.2f MAXSCALEDENOM %5$.2f
                            CLASS STYLE SYMBOL "circle" SIZE 4 COLOR 215 38 61 END END
                          END
                        """
                                .formatted(connection, r[2], r[0], minScale, maxScale));
            }
            return layers.toString();
        }

        /** The WMS 1.1.1 GetMap of the web-mercator tile a Mingjie tile path names. */
        static String getMap(String tilePath) {
            String[] p = tilePath.replace(".mvt", "").split("/");
            String layer = p[2];
            int z = Integer.parseInt(p[3]);
            int x = Integer.parseInt(p[4]);
            int y = Integer.parseInt(p[5]);
            double size = 2 * HALF_WORLD / (1 << z);
            double minx = -HALF_WORLD + x * size;
            double maxy = HALF_WORLD - y * size;
            return "/mapserv?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=" + layer + "&STYLES=&SRS=EPSG:3857&BBOX="
                    + minx + "," + (maxy - size) + "," + (minx + size) + "," + maxy
                    + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE";
        }

        @Override
        public void close() {
            if (process != null) {
                // lighttpd's FastCGI children (mapserv) outlive it, and it respawns those stopped
                // before it: note them, stop lighttpd, then them.
                List<ProcessHandle> children = process.descendants().toList();
                process.destroy();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                children.forEach(ProcessHandle::destroyForcibly);
            }
        }
    }
}
