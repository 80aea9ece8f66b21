package cn.mingjie.facility.coverage;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Populations and representative points of communities and villages (level-5 divisions). */
@Repository
public class PopulationRegister {

    static final String ENTITY = "community_population";
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final DivisionRegister divisions;

    public PopulationRegister(JdbcTemplate jdbc, AuditLog audit, DivisionRegister divisions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.divisions = divisions;
    }

    /** The current communities and villages of a district (12-digit code), with population and point. */
    public List<Community> communities(String districtCode) {
        return jdbc.query(
                "select c.code, c.name, t.code, t.name, p.population, p.population_source, st_asbinary(p.point),"
                        + " p.point_source from geo.division_version c"
                        + " join geo.division_version t on t.code = c.parent_code and t.valid_to is null"
                        + " left join facility.community_population p on p.division_code = c.code"
                        + " where c.level = 5 and c.valid_to is null and t.parent_code = ? order by c.code",
                (rs, i) -> new Community(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Integer) rs.getObject(5),
                        rs.getString(6),
                        point(rs.getBytes(7)),
                        rs.getString(8)),
                districtCode);
    }

    /**
     * Imports populations from CSV (UTF-8, header {@code division_code,population,source} and
     * optionally {@code lon,lat}). All rows or none; each problem is reported with its row.
     */
    @Transactional
    public int importCsv(InputStream in, ChangeContext who) {
        List<CSVRecord> records;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw ValidationException.of("file", "error.import.csv", e.getMessage());
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (CSVRecord r : records) {
            String at = "第" + (r.getRecordNumber() + 1) + "行";
            String code = value(r, "division_code");
            String populationText = value(r, "population");
            String source = value(r, "source");
            if (code == null || !code.matches("[0-9]{12}")) {
                problems.add(new FieldProblem(at + ".division_code", "error.facility.division.format", code));
            } else if (divisions
                    .find(code, null)
                    .map(Division::level)
                    .filter(l -> l.number() == 5)
                    .isEmpty()) {
                problems.add(new FieldProblem(at + ".division_code", "error.population.not-community", code));
            }
            Integer population = null;
            try {
                population = populationText == null ? null : Integer.valueOf(populationText);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (population == null || population < 0) {
                problems.add(new FieldProblem(at + ".population", "error.population.number", populationText));
            }
            if (source == null) {
                problems.add(new FieldProblem(at + ".source", "error.population.source.required"));
            }
            Point point = null;
            String lon = value(r, "lon");
            String lat = value(r, "lat");
            if (lon != null && lat != null) {
                try {
                    point = FACTORY.createPoint(new Coordinate(Double.parseDouble(lon), Double.parseDouble(lat)));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem(at + ".lon", "error.import.number", lon + "," + lat));
                }
            }
            rows.add(new Object[] {code, population, source == null ? null : Text.nfc(source), point});
        }
        if (records.isEmpty()) {
            problems.add(new FieldProblem("file", "error.import.empty"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (Object[] row : rows) {
            String code = (String) row[0];
            Map<String, Object> before = snapshot(code);
            Point point = (Point) row[3];
            jdbc.update(
                    "insert into facility.community_population (division_code, population, population_source, point,"
                            + " point_source) values (?, ?, ?, st_setsrid(st_geomfromwkb(?), 4490), ?)"
                            + " on conflict (division_code) do update set population = excluded.population,"
                            + " population_source = excluded.population_source,"
                            + " point = coalesce(excluded.point, facility.community_population.point),"
                            + " point_source = coalesce(excluded.point_source, facility.community_population.point_source)",
                    code,
                    row[1],
                    row[2],
                    point == null ? null : new WKBWriter().write(point),
                    point == null ? null : "import");
            audit.record(who, ENTITY, code, before == null ? "create" : "update", before, snapshot(code));
        }
        return rows.size();
    }

    /**
     * Gives every community of the district that has no point a derived one: a uniformly random point
     * inside its town's polygon (itself possibly derived), reproducible from {@code seed} and the code.
     * Returns how many points were derived; towns without a polygon are left without.
     */
    @Transactional
    public int deriveMissingPoints(String districtCode, long seed) {
        int derived = 0;
        Map<String, PreparedGeometry> towns = new LinkedHashMap<>();
        for (Community c : communities(districtCode)) {
            if (c.point() != null) {
                continue;
            }
            PreparedGeometry town = towns.computeIfAbsent(c.townCode(), code -> divisions
                    .find(code, null)
                    .map(Division::geometry)
                    .map(PreparedGeometryFactory::prepare)
                    .orElse(null));
            if (town == null) {
                continue;
            }
            Point p = randomPointIn(town, new Random(seed ^ Long.parseLong(c.code())));
            String source = "derived:random-in-township seed=" + seed;
            jdbc.update(
                    "insert into facility.community_population (division_code, population, population_source, point,"
                            + " point_source) values (?, null, null, st_setsrid(st_geomfromwkb(?), 4490), ?)"
                            + " on conflict (division_code) do update set point = excluded.point,"
                            + " point_source = excluded.point_source",
                    c.code(),
                    new WKBWriter().write(p),
                    source);
            derived++;
        }
        return derived;
    }

    static Point randomPointIn(PreparedGeometry area, Random random) {
        Envelope e = area.getGeometry().getEnvelopeInternal();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Point p = FACTORY.createPoint(new Coordinate(
                    e.getMinX() + random.nextDouble() * e.getWidth(),
                    e.getMinY() + random.nextDouble() * e.getHeight()));
            if (area.contains(p)) {
                return p;
            }
        }
        Geometry g = area.getGeometry();
        return FACTORY.createPoint(g.getInteriorPoint().getCoordinate());
    }

    private Map<String, Object> snapshot(String code) {
        return jdbc
                .query(
                        "select population, population_source, st_astext(point), point_source"
                                + " from facility.community_population where division_code = ?",
                        (rs, i) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("population", rs.getObject(1));
                            m.put("populationSource", rs.getString(2));
                            m.put("point", rs.getString(3));
                            m.put("pointSource", rs.getString(4));
                            return m;
                        },
                        code)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static String value(CSVRecord r, String key) {
        if (!r.isMapped(key) || !r.isSet(key)) {
            return null;
        }
        String v = r.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Point point(byte[] wkb) {
        if (wkb == null) {
            return null;
        }
        try {
            Point p = (Point) new WKBReader(FACTORY).read(wkb);
            p.setSRID(4490);
            return p;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }
}
