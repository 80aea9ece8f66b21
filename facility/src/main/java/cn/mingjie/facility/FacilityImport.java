package cn.mingjie.facility;

import cn.mingjie.geocore.edit.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads facility files: CSV (UTF-8, header row; position as {@code lon}/{@code lat} or {@code wkt})
 * and GeoJSON FeatureCollections ([lon, lat], EPSG:4490). Parsing never stops at the first bad
 * value: each problem is kept with its row ("第3行" = data row 3, the header being line 1) or
 * feature index, and the registry stores nothing if there is any.
 *
 * <p>Columns / properties: type (enum name or Chinese name), name, place_ref, division_code, lon,
 * lat, wkt, operator, beds, nursing_beds, floor_area_m2, land_area_m2, grave_capacity,
 * niche_capacity, opened_on (yyyy-mm-dd), status, published (true/false).
 */
public final class FacilityImport {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);

    private FacilityImport() {}

    public record Row(String location, FacilityDraft draft) {}

    public record Parsed(List<Row> rows, List<FieldProblem> problems) {}

    public static Parsed csv(InputStream in) {
        List<Row> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
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
            return new Parsed(List.of(), List.of(new FieldProblem("file", "error.import.csv", e.getMessage())));
        }
        for (CSVRecord r : records) {
            String at = "第" + (r.getRecordNumber() + 1) + "行";
            Fields f = new Fields(at, problems, key -> r.isMapped(key) && r.isSet(key) ? r.get(key) : null);
            Geometry g = null;
            String wkt = f.text("wkt");
            if (wkt != null) {
                try {
                    g = new WKTReader(FACTORY).read(wkt);
                } catch (ParseException e) {
                    problems.add(new FieldProblem(at + ".wkt", "error.import.wkt", e.getMessage()));
                }
            } else {
                Double lon = f.number("lon", Double::valueOf);
                Double lat = f.number("lat", Double::valueOf);
                if (lon != null && lat != null) {
                    g = point(lon, lat, at, problems);
                }
            }
            rows.add(new Row(at, f.draft(g)));
        }
        return new Parsed(rows, problems);
    }

    public static Parsed geoJson(InputStream in) {
        List<Row> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            return new Parsed(List.of(), List.of(new FieldProblem("file", "error.import.json", e.getMessage())));
        }
        if (root == null
                || !"FeatureCollection".equals(root.path("type").asText())
                || !root.path("features").isArray()) {
            return new Parsed(List.of(), List.of(new FieldProblem("file", "error.import.feature-collection")));
        }
        JsonNode features = root.get("features");
        for (int i = 0; i < features.size(); i++) {
            String at = "features[" + i + "]";
            JsonNode feature = features.get(i);
            JsonNode props = feature.path("properties");
            Fields f = new Fields(at + ".properties", problems, key -> {
                JsonNode v = props.get(key);
                return v == null || v.isNull() ? null : v.asText();
            });
            Geometry g = null;
            JsonNode geometry = feature.get("geometry");
            if (geometry != null && !geometry.isNull()) {
                try {
                    g = new GeoJsonReader(FACTORY).read(geometry.toString());
                    g.setSRID(4490);
                    if (g instanceof org.locationtech.jts.geom.Point p) {
                        g = point(p.getX(), p.getY(), at, problems);
                    }
                } catch (ParseException | RuntimeException e) {
                    problems.add(new FieldProblem(at + ".geometry", "error.import.geojson-geometry", e.getMessage()));
                }
            }
            rows.add(new Row(at, f.draft(g)));
        }
        return new Parsed(rows, problems);
    }

    private static Geometry point(double lon, double lat, String at, List<FieldProblem> problems) {
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            problems.add(new FieldProblem(at + ".lon", "error.import.lonlat-range", lon, lat));
            return null;
        }
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }

    /** Reads one row's values, recording a located problem for each value that does not parse. */
    private record Fields(String at, List<FieldProblem> problems, Function<String, String> raw) {

        String text(String key) {
            String v = raw.apply(key);
            return v == null || v.isBlank() ? null : v.strip();
        }

        <T> T number(String key, Function<String, T> parse) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            try {
                return parse.apply(v);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(at + "." + key, "error.import.number", v));
                return null;
            }
        }

        FacilityDraft draft(Geometry geometry) {
            String typeText = text("type");
            FacilityType type = FacilityType.parse(typeText).orElse(null);
            if (typeText != null && type == null) {
                problems.add(new FieldProblem(at + ".type", "error.facility.type.unknown", typeText));
            }
            String statusText = text("status");
            FacilityStatus status = FacilityStatus.parse(statusText).orElse(null);
            if (status == null) {
                problems.add(new FieldProblem(at + ".status", "error.facility.status.unknown", statusText));
            }
            LocalDate opened = null;
            String openedText = text("opened_on");
            if (openedText != null) {
                try {
                    opened = LocalDate.parse(openedText);
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem(at + ".opened_on", "error.import.date", openedText));
                }
            }
            Boolean published = null;
            String publishedText = text("published");
            if (publishedText != null) {
                if (publishedText.equalsIgnoreCase("true") || publishedText.equals("是")) {
                    published = true;
                } else if (publishedText.equalsIgnoreCase("false") || publishedText.equals("否")) {
                    published = false;
                } else {
                    problems.add(new FieldProblem(at + ".published", "error.import.boolean", publishedText));
                }
            }
            return new FacilityDraft(
                    type,
                    text("name"),
                    text("place_ref"),
                    text("division_code"),
                    geometry,
                    text("operator"),
                    number("beds", Integer::valueOf),
                    number("nursing_beds", Integer::valueOf),
                    number("floor_area_m2", BigDecimal::new),
                    number("land_area_m2", BigDecimal::new),
                    number("grave_capacity", Integer::valueOf),
                    number("niche_capacity", Integer::valueOf),
                    opened,
                    status,
                    published);
        }
    }
}
