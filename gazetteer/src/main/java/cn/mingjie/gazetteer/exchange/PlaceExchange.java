package cn.mingjie.gazetteer.exchange;

import cn.mingjie.gazetteer.Place;
import cn.mingjie.gazetteer.PlaceDraft;
import cn.mingjie.gazetteer.PlaceQuery;
import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.PlaceVersion;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the register in and out. Exports carry each place's current version with its stable id, so
 * that importing an export changes nothing; imports are checked row by row first and applied only
 * when no row is rejected, in one transaction.
 */
@Service
public class PlaceExchange {

    /** Linked Places Format 1.1 context (https://github.com/LinkedPasts/linked-places-format). */
    public static final String LPF_CONTEXT =
            "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld";

    private static final String SEPARATOR = "|";
    private final PlaceRegister register;
    private final ObjectMapper json = new ObjectMapper();
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4490);

    public PlaceExchange(PlaceRegister register) {
        this.register = register;
    }

    // ---- export ---------------------------------------------------------------------------

    public List<PlaceRecord> records(PlaceQuery query) {
        return register.list(query).stream().map(PlaceRecord::of).toList();
    }

    public String toCsv(List<PlaceRecord> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT
                .builder()
                .setHeader(PlaceRecord.COLUMNS.toArray(String[]::new))
                .get()
                .print(out)) {
            for (PlaceRecord r : records) {
                PlaceDraft d = r.draft();
                csv.printRecord(
                        r.placeId(),
                        d.name(),
                        d.properName(),
                        d.genericName(),
                        d.romanization(),
                        d.shortName(),
                        String.join(SEPARATOR, d.aliases()),
                        d.categoryCode(),
                        d.divisionCode(),
                        d.meaning(),
                        d.origin(),
                        d.description(),
                        d.namingDate(),
                        d.establishedYear(),
                        d.abolishedYear(),
                        d.sources(),
                        d.positionMethod(),
                        d.status(),
                        r.validFrom(),
                        r.fromDivision(),
                        d.geometry() == null ? null : new WKTWriter().write(d.geometry()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public String toGeoJson(List<PlaceRecord> records) {
        ObjectNode fc = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (PlaceRecord r : records) {
            ObjectNode f = features.addObject().put("type", "Feature");
            f.put("id", r.placeId());
            f.set("geometry", geometryNode(r.geometry()));
            ObjectNode p = f.putObject("properties");
            PlaceDraft d = r.draft();
            p.put("place_id", r.placeId());
            p.put("name", d.name());
            p.put("proper_name", d.properName());
            p.put("generic_name", d.genericName());
            p.put("romanization", d.romanization());
            p.put("short_name", d.shortName());
            ArrayNode aliases = p.putArray("aliases");
            d.aliases().forEach(aliases::add);
            p.put("category_code", d.categoryCode());
            p.put("division_code", d.divisionCode());
            p.put("meaning", d.meaning());
            p.put("origin", d.origin());
            p.put("description", d.description());
            p.put("naming_date", d.namingDate() == null ? null : d.namingDate().toString());
            p.put("established_year", d.establishedYear());
            p.put("abolished_year", d.abolishedYear());
            p.put("sources", d.sources());
            p.put("position_method", d.positionMethod());
            p.put("status", d.status());
            p.put("valid_from", r.validFrom().toString());
            p.put("from_division", r.fromDivision());
        }
        return fc.toString();
    }

    /**
     * Linked Places Format: each place with every name it had (time-stamped), its category as type,
     * its geometries with their time, and supersedes/superseded-by relations.
     */
    public String toLinkedPlaces(List<Long> placeIds, String baseUri) {
        ObjectNode fc = json.createObjectNode().put("type", "FeatureCollection").put("@context", LPF_CONTEXT);
        ArrayNode features = fc.putArray("features");
        for (long id : placeIds) {
            Place place = register.place(id);
            if (place.versions().isEmpty()) {
                continue;
            }
            PlaceVersion latest = place.versions().get(place.versions().size() - 1);
            ObjectNode f =
                    features.addObject().put("@id", baseUri + "/places/" + id).put("type", "Feature");
            f.putObject("properties")
                    .put("title", latest.name())
                    .putArray("ccodes")
                    .add("CN");
            f.set("when", when(place.versions().get(0).validFrom(), latest.validTo()));
            ArrayNode names = f.putArray("names");
            for (PlaceVersion v : place.versions()) {
                ObjectNode n = names.addObject().put("toponym", v.name()).put("lang", "zh");
                n.putArray("citations").addObject().put("label", v.source());
                n.set("when", when(v.validFrom(), v.validTo()));
                if (v.romanization() != null) {
                    names.addObject()
                            .put("toponym", v.romanization())
                            .put("lang", "zh-Latn-pinyin")
                            .set("when", when(v.validFrom(), v.validTo()));
                }
            }
            place.historicalNames().stream().filter(h -> !h.fromVersion()).forEach(h -> {
                ObjectNode n = names.addObject().put("toponym", h.name()).put("lang", "zh");
                n.putArray("citations").addObject().put("label", h.source());
                n.set("when", when(h.validFrom(), h.validTo()));
            });
            f.putArray("types")
                    .addObject()
                    .put("identifier", "mingjie:category:" + latest.categoryCode())
                    .put("label", latest.categoryCode());
            ObjectNode geometry = f.putObject("geometry").put("type", "GeometryCollection");
            ArrayNode geometries = geometry.putArray("geometries");
            for (PlaceVersion v : place.versions()) {
                if (v.geometry() != null) {
                    ObjectNode g = (ObjectNode) geometryNode(v.geometry());
                    g.set("when", when(v.validFrom(), v.validTo()));
                    geometries.add(g);
                }
            }
            ArrayNode relations = f.putArray("relations");
            place.supersedes().forEach(o -> relations
                    .addObject()
                    .put("relationType", "supersedes")
                    .put("relationTo", baseUri + "/places/" + o));
            place.supersededBy().forEach(o -> relations
                    .addObject()
                    .put("relationType", "superseded_by")
                    .put("relationTo", baseUri + "/places/" + o));
            if (latest.divisionCode() != null) {
                relations
                        .addObject()
                        .put("relationType", "gvp:broaderPartitive")
                        .put("relationTo", baseUri + "/divisions/" + latest.divisionCode());
            }
        }
        return fc.toString();
    }

    private ObjectNode when(LocalDate from, LocalDate to) {
        ObjectNode when = json.createObjectNode();
        ObjectNode span = when.putArray("timespans").addObject();
        span.putObject("start").put("in", from == null ? null : from.toString());
        if (to != null) {
            // LPF "end" is inclusive; our valid_to is the first day of the next version.
            span.putObject("end").put("in", to.minusDays(1).toString());
        }
        return when;
    }

    private JsonNode geometryNode(Geometry g) {
        if (g == null) {
            return json.nullNode();
        }
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        try {
            return json.readTree(writer.write(g));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- import ---------------------------------------------------------------------------

    public List<PlaceRecord> parseCsv(String text) {
        List<PlaceRecord> out = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(stripBom(text)))) {
            for (CSVRecord r : parser) {
                int row = (int) r.getRecordNumber() + 1;
                try {
                    out.add(record(column -> get(r, column), column -> column));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("row " + row, "error.import.row", row, e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw ValidationException.of("file", "error.import.format", e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
    }

    /**
     * Reads the first sheet of a census spreadsheet (.xlsx): a header row with the CSV column names, then one place
     * per row (empty rows skipped). Numbers and dates may be typed as numbers by the spreadsheet program. A cell that
     * cannot be read is reported with its sheet row and its column (name and cell reference, e.g. {@code M3}).
     */
    public List<PlaceRecord> parseXlsx(InputStream in) {
        return parseXlsx(in, new ArrayList<>());
    }

    /**
     * Imports the census spreadsheet like {@link #importRecords}, the report numbering each row by its row in the
     * sheet (the header is row 1), as the office sees it in the spreadsheet program.
     */
    @Transactional
    public ImportReport importSpreadsheet(InputStream in, boolean dryRun, ChangeContext who) {
        List<Integer> sheetRows = new ArrayList<>();
        List<PlaceRecord> records = parseXlsx(in, sheetRows);
        return importRecords(records, sheetRows, dryRun, who);
    }

    /** Reads the sheet; {@code sheetRows} receives the sheet row of each record returned. */
    private List<PlaceRecord> parseXlsx(InputStream in, List<Integer> sheetRows) {
        List<PlaceRecord> out = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in);
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Map<String, Integer> header = new HashMap<>();
            for (Row r : (Iterable<Row>) rows::iterator) {
                if (header.isEmpty()) {
                    for (int i = 0; i < r.getCellCount(); i++) {
                        String name = r.getCellText(i).strip();
                        if (!name.isEmpty()) header.put(stripBom(name), i);
                    }
                    if (!header.containsKey("proper_name") && !header.containsKey("place_id")) {
                        throw ValidationException.of("file", "error.import.xlsx-header", r.getRowNum());
                    }
                    continue;
                }
                if (blank(r)) {
                    continue;
                }
                int row = r.getRowNum();
                try {
                    out.add(record(
                            column -> cellText(r, header.get(column), column),
                            column -> header.containsKey(column)
                                    ? column + " (" + new CellAddress(row - 1, header.get(column)) + ")"
                                    : column));
                    sheetRows.add(row);
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("row " + row, "error.import.row", row, e.getMessage()));
                }
            }
            if (header.isEmpty()) {
                throw ValidationException.of("file", "error.import.xlsx-header", 1);
            }
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            throw ValidationException.of("file", "error.import.format", String.valueOf(e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
    }

    /**
     * One import row from its cells ({@code cell} gives a column's text or null); {@code where} names a column for
     * the rejection message.
     */
    private PlaceRecord record(Function<String, String> cell, Function<String, String> where) {
        return new PlaceRecord(
                longOrNull(where.apply("place_id"), cell.apply("place_id")),
                new PlaceDraft(
                        cell.apply("proper_name"),
                        cell.apply("generic_name"),
                        cell.apply("romanization"),
                        cell.apply("short_name"),
                        aliases(cell.apply("aliases")),
                        cell.apply("category_code"),
                        cell.apply("division_code"),
                        cell.apply("meaning"),
                        cell.apply("origin"),
                        cell.apply("description"),
                        dateOrNull(where.apply("naming_date"), cell.apply("naming_date")),
                        intOrNull(where.apply("established_year"), cell.apply("established_year")),
                        intOrNull(where.apply("abolished_year"), cell.apply("abolished_year")),
                        cell.apply("sources"),
                        cell.apply("position_method"),
                        wkt(where.apply("geometry_wkt"), cell.apply("geometry_wkt")),
                        cell.apply("status")),
                dateOrNull(where.apply("valid_from"), cell.apply("valid_from")),
                "true".equalsIgnoreCase(cell.apply("from_division")));
    }

    /** Columns whose numbers a spreadsheet shows as dates (day serials counted from 1899-12-30). */
    private static final Set<String> DATE_COLUMNS = Set.of("naming_date", "valid_from");

    private static String cellText(Row r, Integer index, String column) {
        if (index == null || index >= r.getCellCount() || r.getCell(index) == null) {
            return null;
        }
        Cell c = r.getCell(index);
        String raw = c.getRawValue();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (c.getType() == CellType.NUMBER) {
            BigDecimal n = new BigDecimal(raw);
            if (DATE_COLUMNS.contains(column)) {
                return EXCEL_EPOCH.plusDays(n.longValue()).toString();
            }
            return n.stripTrailingZeros().toPlainString(); // 22200, not 22200.0 or 2.22E+4
        }
        if (c.getType() == CellType.BOOLEAN) {
            return "1".equals(raw) ? "true" : "false";
        }
        if (c.getType() == CellType.ERROR) {
            throw new IllegalArgumentException(column + ": " + raw);
        }
        String text = c.getText().strip();
        return text.isEmpty() ? null : text;
    }

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static boolean blank(Row r) {
        for (int i = 0; i < r.getCellCount(); i++) {
            if (!r.getCellText(i).isBlank()) return false;
        }
        return true;
    }

    public List<PlaceRecord> parseGeoJson(String text) {
        List<PlaceRecord> out = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(stripBom(text));
        } catch (IOException e) {
            throw ValidationException.of("file", "error.import.format", e.getMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw ValidationException.of("file", "error.import.format", "FeatureCollection expected");
        }
        int row = 0;
        for (JsonNode f : root.path("features")) {
            row++;
            JsonNode p = f.path("properties");
            try {
                List<String> aliases = new ArrayList<>();
                p.path("aliases").forEach(a -> aliases.add(a.asText()));
                out.add(new PlaceRecord(
                        p.hasNonNull("place_id") ? p.get("place_id").asLong() : null,
                        new PlaceDraft(
                                text(p, "proper_name"),
                                text(p, "generic_name"),
                                text(p, "romanization"),
                                text(p, "short_name"),
                                aliases,
                                text(p, "category_code"),
                                text(p, "division_code"),
                                text(p, "meaning"),
                                text(p, "origin"),
                                text(p, "description"),
                                dateOrNull("naming_date", text(p, "naming_date")),
                                p.hasNonNull("established_year")
                                        ? p.get("established_year").asInt()
                                        : null,
                                p.hasNonNull("abolished_year")
                                        ? p.get("abolished_year").asInt()
                                        : null,
                                text(p, "sources"),
                                text(p, "position_method"),
                                geoJsonGeometry(f.get("geometry")),
                                text(p, "status")),
                        dateOrNull("valid_from", text(p, "valid_from")),
                        p.path("from_division").asBoolean(false)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("features/" + (row - 1), "error.import.row", row, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
    }

    /**
     * Checks every record against the register and, unless {@code dryRun} or a row is rejected,
     * applies them all in this one transaction (an error in any row rolls back every row).
     */
    @Transactional
    public ImportReport importRecords(List<PlaceRecord> records, boolean dryRun, ChangeContext who) {
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 1; i <= records.size(); i++) {
            ordinals.add(i);
        }
        return importRecords(records, ordinals, dryRun, who);
    }

    private ImportReport importRecords(
            List<PlaceRecord> records, List<Integer> rowNumbers, boolean dryRun, ChangeContext who) {
        List<ImportReport.Row> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            rows.add(plan(rowNumbers.get(i), records.get(i)));
        }
        boolean rejected = rows.stream().anyMatch(r -> r.action().equals("REJECT"));
        if (dryRun || rejected) {
            return new ImportReport(false, rows);
        }
        for (int i = 0; i < records.size(); i++) {
            PlaceRecord r = records.get(i);
            ImportReport.Row plan = rows.get(i);
            switch (plan.action()) {
                case "CREATE" -> register.create(r.draft(), r.validFrom(), "import", who);
                case "CORRECT" -> register.correct(
                        r.placeId(), r.draft(), register.get(r.placeId(), null).versionTag(), who);
                case "REVISE" -> register.revise(
                        r.placeId(),
                        r.draft(),
                        r.validFrom(),
                        nameOf(r).equals(register.get(r.placeId(), null).name()) ? "changed" : "renamed",
                        register.get(r.placeId(), null).versionTag(),
                        who);
                default -> {}
            }
        }
        return new ImportReport(true, rows);
    }

    private ImportReport.Row plan(int row, PlaceRecord r) {
        String name = nameOf(r);
        if (r.placeId() == null) {
            List<String> problems = problems(r.draft());
            if (r.validFrom() == null) {
                problems.add("validFrom: error.date.required");
            }
            return new ImportReport.Row(row, problems.isEmpty() ? "CREATE" : "REJECT", null, name, problems);
        }
        Optional<PlaceVersion> found = register.find(r.placeId(), null);
        if (found.isEmpty()) {
            return new ImportReport.Row(row, "REJECT", r.placeId(), name, List.of("placeId: error.not-found"));
        }
        PlaceVersion current = found.get();
        if (current.fromDivision()) {
            // Divisions come from the division register; an export of them imports as unchanged.
            return current.name().equals(name)
                    ? new ImportReport.Row(row, "UNCHANGED", r.placeId(), name, List.of())
                    : new ImportReport.Row(
                            row, "REJECT", r.placeId(), name, List.of("placeId: error.place.division-managed"));
        }
        List<String> problems = problems(r.draft());
        if (!problems.isEmpty()) {
            return new ImportReport.Row(row, "REJECT", r.placeId(), name, problems);
        }
        PlaceDraft now = register.validate(PlaceDraft.of(current));
        PlaceDraft incoming = register.validate(r.draft());
        if (same(now, incoming)) {
            return new ImportReport.Row(row, "UNCHANGED", r.placeId(), name, List.of());
        }
        boolean newVersion =
                !now.name().equals(incoming.name()) || !now.categoryCode().equals(incoming.categoryCode());
        if (newVersion && (r.validFrom() == null || !r.validFrom().isAfter(current.validFrom()))) {
            return new ImportReport.Row(
                    row,
                    "REJECT",
                    r.placeId(),
                    name,
                    List.of("validFrom: error.date.not-after " + current.validFrom()));
        }
        return new ImportReport.Row(row, newVersion ? "REVISE" : "CORRECT", r.placeId(), name, List.of());
    }

    private List<String> problems(PlaceDraft d) {
        try {
            register.validate(d);
            return new ArrayList<>();
        } catch (ValidationException e) {
            return new ArrayList<>(e.problems().stream()
                    .map(p -> p.field() + ": " + p.messageKey()
                            + (p.args().length == 0 ? "" : " " + Arrays.toString(p.args())))
                    .toList());
        }
    }

    private static boolean same(PlaceDraft a, PlaceDraft b) {
        return Objects.equals(a.properName(), b.properName())
                && Objects.equals(a.genericName(), b.genericName())
                && Objects.equals(a.romanization(), b.romanization())
                && Objects.equals(a.shortName(), b.shortName())
                && Objects.equals(a.aliases(), b.aliases())
                && Objects.equals(a.categoryCode(), b.categoryCode())
                && Objects.equals(a.divisionCode(), b.divisionCode())
                && Objects.equals(a.meaning(), b.meaning())
                && Objects.equals(a.origin(), b.origin())
                && Objects.equals(a.description(), b.description())
                && Objects.equals(a.namingDate(), b.namingDate())
                && Objects.equals(a.establishedYear(), b.establishedYear())
                && Objects.equals(a.abolishedYear(), b.abolishedYear())
                && Objects.equals(a.sources(), b.sources())
                && Objects.equals(a.positionMethod(), b.positionMethod())
                && Objects.equals(a.status(), b.status())
                && sameGeometry(a.geometry(), b.geometry());
    }

    private static boolean largeMove(Geometry a, Geometry b) {
        return a != null
                && b != null
                && DiscreteHausdorffDistance.distance(a, b) > PlaceRegister.LARGE_GEOMETRY_CHANGE_DEGREES;
    }

    /** Exports write 7 decimals (≈ 1 cm); equal within that is the same geometry. */
    private static boolean sameGeometry(Geometry a, Geometry b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.getGeometryType().equals(b.getGeometryType()) && a.equalsExact(b, 1e-7);
    }

    private static String nameOf(PlaceRecord r) {
        return Text.nfc(r.draft().name().strip());
    }

    private Geometry wkt(String column, String text) {
        if (text == null) {
            return null;
        }
        try {
            return new WKTReader(factory).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(column + ": " + e.getMessage());
        }
    }

    private Geometry geoJsonGeometry(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            Geometry g = new GeoJsonReader(factory).read(node.toString());
            g.setSRID(4490);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException("geometry: " + e.getMessage());
        }
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v.isEmpty() ? null : v;
    }

    private static String text(JsonNode p, String field) {
        return p.hasNonNull(field) ? p.get(field).asText() : null;
    }

    private static List<String> aliases(String joined) {
        return joined == null ? List.of() : List.of(joined.split("\\" + SEPARATOR));
    }

    private static Long longOrNull(String column, String s) {
        try {
            return s == null ? null : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": " + s);
        }
    }

    private static Integer intOrNull(String column, String s) {
        try {
            return s == null ? null : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": " + s);
        }
    }

    private static LocalDate dateOrNull(String column, String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + ": " + s);
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
