package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Grid;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports RTK survey points of a line's markers from CSV. Header {@code name,lon,lat,height,accuracy}
 * for EPSG:4490, or {@code name,northing,easting,height,accuracy} for a GK zone (EPSG 4513–4533 with
 * the zone prefix on the easting, 4534–4554 without; X = northing, Y = easting as on Chinese survey
 * sheets). Every row is checked first — unknown point, wrong CRS, swapped axes, far from its marker,
 * duplicates — and nothing is saved unless every row is good.
 */
@Service
public class SurveyImport {

    private final MarkerRegister markers;
    private final AuditLog audit;

    public SurveyImport(MarkerRegister markers, AuditLog audit) {
        this.markers = markers;
        this.audit = audit;
    }

    public record Result(int imported, List<MarkerSurvey> surveys) {}

    @Transactional
    public Result importCsv(
            long lineId, String csv, int epsg, LocalDate surveyedOn, CheckSettings settings, ChangeContext who) {
        GaussKrugerZone zone = zoneOfEpsg(epsg);
        if (epsg != 4490 && zone == null) {
            throw ValidationException.of("epsg", "error.boundary.import-epsg", epsg);
        }
        if (surveyedOn == null) {
            throw ValidationException.of("surveyedOn", "error.date.required");
        }
        Map<String, Marker> byNumber = new HashMap<>();
        markers.list(lineId).forEach(m -> byNumber.put(m.number(), m));
        List<List<String>> lines = csvRows(csv);
        if (lines.isEmpty()) {
            throw ValidationException.of("csv", "error.boundary.import-empty");
        }
        List<String> header = lines.get(0);
        List<String> expected = epsg == 4490
                ? List.of("name", "lon", "lat", "height", "accuracy")
                : List.of("name", "northing", "easting", "height", "accuracy");
        if (!header.equals(expected)) {
            throw ValidationException.of("csv/header", "error.boundary.import-header", String.join(",", expected));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> seenNames = new HashMap<>();
        Map<String, Integer> seenPositions = new HashMap<>();
        List<Object[]> accepted = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String at = "rows/" + row;
            List<String> cells = lines.get(row);
            if (cells.size() != 5) {
                problems.add(new FieldProblem(at, "error.boundary.import-columns", row, cells.size()));
                continue;
            }
            String name = cells.get(0);
            double a;
            double b;
            double accuracy;
            Double height;
            try {
                a = Double.parseDouble(cells.get(1));
                b = Double.parseDouble(cells.get(2));
                height = cells.get(3).isEmpty() ? null : Double.parseDouble(cells.get(3));
                accuracy = Double.parseDouble(cells.get(4));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(at, "error.boundary.import-number", row));
                continue;
            }
            if (!(accuracy > 0)) {
                problems.add(new FieldProblem(at + "/accuracy", "error.boundary.accuracy", accuracy));
            }
            Integer earlier = seenNames.putIfAbsent(name, row);
            if (earlier != null) {
                problems.add(new FieldProblem(at + "/name", "error.boundary.import-duplicate-name", name, earlier));
            }
            Marker marker = byNumber.get(name);
            if (marker == null) {
                problems.add(new FieldProblem(at + "/name", "error.boundary.import-unknown-marker", name));
                continue;
            }
            Coordinate lonLat = toLonLat(epsg, zone, a, b, at, problems);
            if (lonLat == null) {
                continue;
            }
            String positionKey = String.format(Locale.ROOT, "%.3f/%.3f", a, b);
            Integer samePlace = seenPositions.putIfAbsent(positionKey, row);
            if (samePlace != null) {
                problems.add(new FieldProblem(at, "error.boundary.import-duplicate-position", row, samePlace));
            }
            double d = Grid.distance(marker.position().getCoordinate(), lonLat);
            if (d > settings.maxImportDistance()) {
                problems.add(new FieldProblem(
                        at,
                        "error.boundary.import-far",
                        name,
                        String.format(Locale.ROOT, "%.1f", d),
                        settings.maxImportDistance()));
                continue;
            }
            accepted.add(new Object[] {marker, lonLat, height, accuracy});
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<MarkerSurvey> saved = new ArrayList<>();
        for (Object[] r : accepted) {
            Marker m = (Marker) r[0];
            Coordinate c = (Coordinate) r[1];
            saved.add(markers.addSurvey(
                    m.id(), surveyedOn, c.x, c.y, (Double) r[2], (Double) r[3], "RTK", "csv:EPSG:" + epsg, who));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("epsg", epsg);
        summary.put("surveyedOn", surveyedOn);
        summary.put("points", saved.size());
        audit.record(who, BoundaryLines.ENTITY, String.valueOf(lineId), "survey-import", null, summary);
        return new Result(saved.size(), saved);
    }

    /**
     * Reads one point in the declared CRS, telling swapped axes and a wrong CRS apart from plain bad
     * values by the ranges each CRS allows.
     */
    private static Coordinate toLonLat(
            int epsg, GaussKrugerZone zone, double a, double b, String at, List<FieldProblem> p) {
        if (epsg == 4490) {
            if (Math.abs(a) > 360 || Math.abs(b) > 360) {
                p.add(new FieldProblem(at, "error.boundary.import-wrong-crs-projected", epsg));
                return null;
            }
            if (inLatitudes(a) && inLongitudes(b)) {
                p.add(new FieldProblem(at, "error.boundary.import-swapped", "lon", "lat"));
                return null;
            }
            if (!inLongitudes(a) || !inLatitudes(b)) {
                p.add(new FieldProblem(at, "error.boundary.position-outside-china", a, b));
                return null;
            }
            return new Coordinate(a, b);
        }
        double northing = a;
        double easting = b;
        if (looksLikeEasting(northing) && looksLikeNorthing(easting)) {
            p.add(new FieldProblem(at, "error.boundary.import-swapped", "northing", "easting"));
            return null;
        }
        if (Math.abs(a) <= 360 && Math.abs(b) <= 360) {
            p.add(new FieldProblem(at, "error.boundary.import-wrong-crs-geographic", epsg));
            return null;
        }
        Easting form = zone.epsgCode(Easting.ZONE_PREFIXED) == epsg ? Easting.ZONE_PREFIXED : Easting.PLAIN;
        if (form == Easting.ZONE_PREFIXED) {
            int prefix = (int) Math.floor(easting / 1_000_000);
            if (prefix != zone.number()) {
                p.add(new FieldProblem(at, "error.boundary.import-wrong-zone", epsg, zone.number(), prefix));
                return null;
            }
        } else if (easting >= 1_000_000) {
            p.add(new FieldProblem(
                    at, "error.boundary.import-prefixed-easting", epsg, zone.epsgCode(Easting.ZONE_PREFIXED)));
            return null;
        }
        if (!looksLikeNorthing(northing)) {
            p.add(new FieldProblem(at, "error.boundary.position-outside-china", northing, easting));
            return null;
        }
        return zone.unproject(easting, northing, form).toCoordinate();
    }

    /** The Gauss-Krüger zone of an EPSG code of either easting form, or null for any other code. */
    private static GaussKrugerZone zoneOfEpsg(int epsg) {
        for (int n = GaussKrugerZone.FIRST; n <= GaussKrugerZone.LAST; n++) {
            GaussKrugerZone zone = new GaussKrugerZone(n);
            if (zone.epsgCode(Easting.PLAIN) == epsg || zone.epsgCode(Easting.ZONE_PREFIXED) == epsg) {
                return zone;
            }
        }
        return null;
    }

    private static boolean inLongitudes(double v) {
        return v >= 73 && v <= 136;
    }

    private static boolean inLatitudes(double v) {
        return v >= 3 && v <= 54;
    }

    /** Northings in China: about 330 km (3°N) to 6 000 km (54°N). */
    private static boolean looksLikeNorthing(double v) {
        return v >= 300_000 && v <= 6_100_000;
    }

    /** Eastings of a zone: 500 km ± ~170 km, or with a zone prefix 25–45. */
    private static boolean looksLikeEasting(double v) {
        return (v >= 250_000 && v <= 750_000) || (v >= 25_000_000 && v < 46_000_000);
    }

    /** Rows of trimmed cells; quoted cells may hold commas (point names like "界桩,旧"). */
    private static List<List<String>> csvRows(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new StringReader(csv.replace("\uFEFF", "").strip()))) {
            List<List<String>> rows = new ArrayList<>();
            parser.forEach(r -> rows.add(r.toList()));
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw ValidationException.of("csv", "error.boundary.import-csv", e.getMessage());
        }
    }
}
