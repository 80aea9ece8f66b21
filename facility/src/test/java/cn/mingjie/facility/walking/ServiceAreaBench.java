package cn.mingjie.facility.walking;

import cn.mingjie.facility.FacilityDraft;
import cn.mingjie.facility.FacilityRegistry;
import cn.mingjie.facility.FacilityTestContext;
import cn.mingjie.facility.FacilityType;
import cn.mingjie.facility.TestDivisions;
import cn.mingjie.facility.coverage.CoverageService;
import cn.mingjie.facility.coverage.DistrictReport;
import cn.mingjie.facility.coverage.MaximalCovering;
import cn.mingjie.facility.coverage.PopulationRegister;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import com.graphhopper.GraphHopper;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Network import, 500 service areas, district indicators and the greedy covering gap, on the real
 * Andorra network; and the same 15-minute service areas with pgRouting's pgr_drivingDistance on the
 * same graph in PostGIS. Prints figures; asserts no timings.
 */
@Tag("bench")
@SpringJUnitConfig(FacilityTestContext.class)
@DirtiesContext // each class gets its own fresh database: the constructed divisions overlap
class ServiceAreaBench {

    static final GeometryFactory gf = new GeometryFactory();
    static final ChangeContext WHO = new ChangeContext("bench", "benchmark");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WalkingNetworks networks;

    @Autowired
    CoverageService coverage;

    @Autowired
    FacilityRegistry registry;

    @Autowired
    PopulationRegister population;

    @Autowired
    DivisionRegister divisions;

    private final StringBuilder out = new StringBuilder();

    @Test
    void serviceAreasIndicatorsAndPgRouting() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-osm"));
        Path pbf = dir.resolve("andorra.osm.pbf");
        try (InputStream in = getClass().getResourceAsStream("/osm/andorra.osm.pbf")) {
            Files.copy(in, pbf, StandardCopyOption.REPLACE_EXISTING);
        }
        Path graph = dir.resolve("graph-" + System.nanoTime());
        long t0 = System.nanoTime();
        OsmWalkingNetwork net = OsmWalkingNetwork.load("andorra", pbf, graph);
        line("network import (andorra.osm.pbf, %d nodes): %.2f s", net.nodeCount(), seconds(t0));

        Random random = new Random(1);
        List<Point> sites = new ArrayList<>();
        while (sites.size() < 500) {
            // The populated valley around Andorra la Vella / Escaldes / Encamp.
            Point p = gf.createPoint(
                    new Coordinate(1.50 + random.nextDouble() * 0.10, 42.49 + random.nextDouble() * 0.06));
            sites.add(p);
        }
        net.serviceAreas(sites.get(0), List.of(5, 10, 15)); // warm-up
        t0 = System.nanoTime();
        int areas = 0;
        for (Point p : sites) {
            areas += net.serviceAreas(p, List.of(5, 10, 15)).size();
        }
        double isoSeconds = seconds(t0);
        line(
                "500 facilities × 5/10/15-min service areas (GraphHopper tree + contour): %.2f s (%d polygons)",
                isoSeconds, areas);

        indicators(net, sites, random);
        pgRouting(net, sites);
        coveringGap(random);

        Path file = Path.of("target", "bench", "service-areas.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        net.close();
    }

    /** A constructed district on the Andorra network: 1,000 communities and 500 facilities. */
    private void indicators(OsmWalkingNetwork net, List<Point> sites, Random random) throws IOException {
        TestDivisions.add(
                divisions,
                "500229000000",
                "城口县",
                3,
                "500200000000",
                "MULTIPOLYGON(((1.4 42.4, 1.8 42.4, 1.8 42.7, 1.4 42.7, 1.4 42.4)))");
        TestDivisions.add(divisions, "500229001000", "葛城街道", 4, "500229000000", null);
        StringBuilder csv = new StringBuilder("division_code,population,source,lon,lat\n");
        for (int i = 1; i <= 999; i++) {
            String code = String.format("500229001%03d", i);
            TestDivisions.add(divisions, code, "社区" + i + "居民委员会", 5, "500229001000", null);
            csv.append(code)
                    .append(',')
                    .append(500 + random.nextInt(5000))
                    .append(",bench,")
                    .append(1.50 + random.nextDouble() * 0.10)
                    .append(',')
                    .append(42.49 + random.nextDouble() * 0.06)
                    .append('\n');
        }
        population.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), WHO);
        for (int i = 0; i < sites.size(); i++) {
            registry.create(
                    new FacilityDraft(
                            FacilityType.COMMUNITY_STATION,
                            "站" + i,
                            null,
                            "500229001000",
                            sites.get(i),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    WHO);
        }
        long t0 = System.nanoTime();
        DistrictReport fallback = coverage.report("500229000000");
        line(
                "indicators, 999 communities × 500 facilities, straight-line fallback: %.2f s (coverage %.1f%%)",
                seconds(t0), fallback.indicators().get(2).value());
        networks.register(net);
        t0 = System.nanoTime();
        DistrictReport onNetwork = coverage.report("500229000000");
        line(
                "indicators, same district on the Andorra network: %.2f s (coverage %.1f%%)",
                seconds(t0), onNetwork.indicators().get(2).value());
        registry.create(
                new FacilityDraft(
                        FacilityType.COMMUNITY_STATION,
                        "新增站",
                        null,
                        "500229001000",
                        gf.createPoint(new Coordinate(1.53, 42.51)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                WHO);
        t0 = System.nanoTime();
        coverage.report("500229000000");
        line("indicators recomputed after adding a facility (network): %.2f s", seconds(t0));
    }

    /** The same 15-minute reach from the same 500 start nodes with GraphHopper and with pgr_drivingDistance. */
    private void pgRouting(OsmWalkingNetwork net, List<Point> sites) {
        try {
            jdbc.execute("create extension if not exists pgrouting");
        } catch (RuntimeException e) {
            line(
                    "pgRouting not available: %s",
                    e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        String version = jdbc.queryForObject("select pgr_version()", String.class);
        GraphHopper hopper = net.hopper();
        Weighting w = hopper.createWeighting(hopper.getProfile(OsmWalkingNetwork.PROFILE), new PMap());
        jdbc.execute("create table public.bench_edges (id integer primary key, source integer, target integer,"
                + " cost double precision, reverse_cost double precision)");
        List<Object[]> rows = new ArrayList<>();
        AllEdgesIterator edges = hopper.getBaseGraph().getAllEdges();
        while (edges.next()) {
            // Seconds of walking, -1 where the foot profile cannot pass (pgRouting's "no edge").
            double forward =
                    Double.isInfinite(w.calcEdgeWeight(edges, false)) ? -1 : w.calcEdgeMillis(edges, false) / 1000.0;
            double backward =
                    Double.isInfinite(w.calcEdgeWeight(edges, true)) ? -1 : w.calcEdgeMillis(edges, true) / 1000.0;
            rows.add(new Object[] {edges.getEdge(), edges.getBaseNode(), edges.getAdjNode(), forward, backward});
        }
        long t0 = System.nanoTime();
        jdbc.batchUpdate("insert into public.bench_edges values (?, ?, ?, ?, ?)", rows);
        line("pgRouting %s: %d edges copied into PostGIS in %.2f s", version, rows.size(), seconds(t0));

        List<Integer> starts = new ArrayList<>();
        for (Point p : sites) {
            Snap s = hopper.getLocationIndex()
                    .findClosest(
                            p.getY(),
                            p.getX(),
                            new DefaultSnapFilter(
                                    w,
                                    hopper.getEncodingManager()
                                            .getBooleanEncodedValue(Subnetwork.key(OsmWalkingNetwork.PROFILE))));
            if (s.isValid()) {
                starts.add(s.getClosestNode());
            }
        }
        AtomicInteger ghNodes = new AtomicInteger();
        t0 = System.nanoTime();
        for (int node : starts) {
            var tree = new com.graphhopper.isochrone.algorithm.ShortestPathTree(
                    hopper.getBaseGraph(), w, false, TraversalMode.NODE_BASED);
            tree.setTimeLimit(15 * 60_000);
            tree.search(node, label -> ghNodes.incrementAndGet());
        }
        double gh = seconds(t0);
        long pgNodes = 0;
        t0 = System.nanoTime();
        for (int node : starts) {
            pgNodes += jdbc.queryForObject(
                    "select count(*) from pgr_drivingDistance('select id, source, target, cost, reverse_cost from public.bench_edges', ?::bigint, 900.0, true)",
                    Long.class,
                    node);
        }
        double pg = seconds(t0);
        line(
                "15-min reach from %d start nodes: GraphHopper %.2f s (%d node visits), pgr_drivingDistance %.2f s (%d nodes); pgRouting/GraphHopper time ratio %.1f",
                starts.size(), gh, ghNodes.get(), pg, pgNodes, pg / gh);
    }

    /** Greedy maximal covering against enumeration on random small instances. */
    private void coveringGap(Random random) {
        double worst = 0;
        double sum = 0;
        int trials = 300;
        for (int trial = 0; trial < trials; trial++) {
            List<BitSet> covers = new ArrayList<>();
            int points = 40;
            for (int c = 0; c < 15; c++) {
                BitSet b = new BitSet();
                for (int p = 0; p < points; p++) {
                    if (random.nextDouble() < 0.15) {
                        b.set(p);
                    }
                }
                covers.add(b);
            }
            long[] weights = random.longs(points, 500, 6000).toArray();
            MaximalCovering problem = MaximalCovering.of(covers, weights);
            long greedy = problem.greedy(3).covered();
            long exact = problem.exact(3).orElseThrow().covered();
            double gap = 100.0 * (exact - greedy) / exact;
            worst = Math.max(worst, gap);
            sum += gap;
        }
        line(
                "greedy maximal covering vs enumeration, %d random cases (15 candidates, 40 communities, k=3): mean gap %.2f%%, worst %.2f%%",
                trials, sum / trials, worst);
    }

    private void line(String format, Object... args) {
        String s = String.format(format, args);
        System.out.println("BENCH " + s);
        out.append(s).append('\n');
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
