package cn.mingjie.data.facility;

import cn.mingjie.facility.FacilityDraft;
import cn.mingjie.facility.FacilityImport;
import cn.mingjie.facility.FacilityRegistry;
import cn.mingjie.facility.FacilityStatus;
import cn.mingjie.facility.FacilityType;
import cn.mingjie.facility.coverage.CentralTowns;
import cn.mingjie.facility.coverage.Community;
import cn.mingjie.facility.coverage.PopulationRegister;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads the SYNTHETIC facility sample for 潼南区/渝北区/城口县 (see data/sample/facility/README.md):
 * community populations, central towns, and facilities placed at township seats or derived community
 * points. Nothing in it is real; every row carries the source {@value #SOURCE}.
 */
@Component
public class FacilitySampleLoader {

    public static final String SOURCE = "synthetic-sample";
    /** The seed of the derived community points (random points in the derived township polygons). */
    public static final long POINT_SEED = 20251123L;

    static final List<String> DISTRICTS = List.of("500152000000", "500112000000", "500229000000");
    private static final Logger log = LoggerFactory.getLogger(FacilitySampleLoader.class);
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);
    private static final ChangeContext LOADER = new ChangeContext("sample-loader", "合成样例数据 / synthetic sample");

    private final PopulationRegister population;
    private final CentralTowns centralTowns;
    private final FacilityRegistry registry;
    private final DivisionRegister divisions;

    public FacilitySampleLoader(
            PopulationRegister population,
            CentralTowns centralTowns,
            FacilityRegistry registry,
            DivisionRegister divisions) {
        this.population = population;
        this.centralTowns = centralTowns;
        this.registry = registry;
        this.divisions = divisions;
    }

    /** Synthetic populations, then a derived point for every community of a town with a polygon. */
    public int loadPopulation(Resource csv) {
        int rows;
        try (InputStream in = csv.getInputStream()) {
            rows = population.importCsv(in, LOADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String district : DISTRICTS) {
            int derived = population.deriveMissingPoints(district, POINT_SEED);
            log.info("样例社区位置（派生）/ derived community points: {} {}", district, derived);
        }
        return rows;
    }

    public int loadCentralTowns(Resource csv) {
        List<String> codes = read(csv).stream().map(r -> r.get("division_code")).toList();
        centralTowns.designate(codes, SOURCE, LOADER);
        return codes.size();
    }

    /**
     * Facilities whose {@code anchor} is "seat" (the township seat, moved {@code offset_m} metres),
     * "community" (the community's derived point) or "square:N" (an N-metre square cemetery at the
     * moved seat). Rows whose anchor has no position (townships without a known seat) are skipped.
     */
    public int loadFacilities(Resource csv) {
        Map<String, Point> communityPoints = new HashMap<>();
        for (String district : DISTRICTS) {
            for (Community c : population.communities(district)) {
                if (c.point() != null) {
                    communityPoints.put(c.code(), c.point());
                }
            }
        }
        List<FacilityImport.Row> rows = new ArrayList<>();
        int skipped = 0;
        for (CSVRecord r : read(csv)) {
            String code = r.get("division_code");
            String anchor = r.get("anchor");
            double offset = Double.parseDouble(r.get("offset_m"));
            Optional<Geometry> geometry = anchor.equals("community")
                    ? Optional.ofNullable(communityPoints.get(code)).map(p -> moved(p, offset, null))
                    : seatPosition(code, offset, anchor);
            if (geometry.isEmpty()) {
                skipped++;
                continue;
            }
            rows.add(new FacilityImport.Row(
                    "第" + (r.getRecordNumber() + 1) + "行",
                    new FacilityDraft(
                            FacilityType.valueOf(r.get("type")),
                            r.get("name"),
                            null,
                            code,
                            geometry.get(),
                            r.get("operator"),
                            integer(r.get("beds")),
                            integer(r.get("nursing_beds")),
                            decimal(r.get("floor_area_m2")),
                            decimal(r.get("land_area_m2")),
                            integer(r.get("grave_capacity")),
                            integer(r.get("niche_capacity")),
                            r.get("opened_on").isEmpty() ? null : LocalDate.parse(r.get("opened_on")),
                            FacilityStatus.valueOf(r.get("status")),
                            Boolean.valueOf(r.get("published")))));
        }
        registry.importAll(new FacilityImport.Parsed(rows, List.of()), SOURCE, LOADER);
        log.info("样例设施（合成）/ synthetic facilities: {} loaded, {} skipped (no seat)", rows.size(), skipped);
        return rows.size();
    }

    private Optional<Geometry> seatPosition(String code, double offset, String anchor) {
        String townCode = code.substring(0, 9) + "000";
        return divisions.find(townCode, null).filter(t -> t.seat() != null).map(t -> {
            Point p = moved(t.seat(), offset, t.geometry());
            if (anchor.startsWith("square:")) {
                double half = Double.parseDouble(anchor.substring("square:".length())) / 2;
                return square(p, half);
            }
            return p;
        });
    }

    /**
     * The point {@code metres} east, west, north or south of {@code p}, the first that stays inside
     * {@code area} (the township), else {@code p} itself.
     */
    private static Point moved(Point p, double metres, Geometry area) {
        if (metres == 0) {
            return p;
        }
        double dLat = metres / 111_320;
        double dLon = dLat / Math.cos(Math.toRadians(p.getY()));
        double[][] directions = {{dLon, 0}, {-dLon, 0}, {0, dLat}, {0, -dLat}};
        for (double[] d : directions) {
            Point q = FACTORY.createPoint(new Coordinate(p.getX() + d[0], p.getY() + d[1]));
            if (area == null || area.contains(q)) {
                return q;
            }
        }
        return p;
    }

    private static Geometry square(Point centre, double halfMetres) {
        double dLat = halfMetres / 111_320;
        double dLon = dLat / Math.cos(Math.toRadians(centre.getY()));
        double x = centre.getX();
        double y = centre.getY();
        return FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(x - dLon, y - dLat),
            new Coordinate(x + dLon, y - dLat),
            new Coordinate(x + dLon, y + dLat),
            new Coordinate(x - dLon, y + dLat),
            new Coordinate(x - dLon, y - dLat)
        });
    }

    private static Integer integer(String s) {
        return s == null || s.isBlank() ? null : Integer.valueOf(s);
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    private static List<CSVRecord> read(Resource resource) {
        try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getDescription(), e);
        }
    }
}
