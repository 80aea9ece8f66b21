package cn.mingjie.data.gazetteer;

import cn.mingjie.gazetteer.GenericNames;
import cn.mingjie.gazetteer.PlaceDraft;
import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.protection.ProtectionAndSigns;
import cn.mingjie.gazetteer.protection.ProtectionEntry;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns the sample into register entries. Divisions become places by link only (their names stay in
 * geo.division_version). A GeoNames place whose Chinese name is a current division's name in the
 * same county is that division (a concordance is recorded); the others become "recorded" settlements
 * (category 21100) in the division that contains them. The 潼南 protection list and signs are
 * synthetic demonstration data (see data/sample/gazetteer/README.md).
 */
@Component
public class GazetteerSampleLoader {

    /** GeoNames cities500 newest modification date; the register takes its places as recorded from then. */
    public static final LocalDate GEONAMES_AS_OF = LocalDate.of(2023, 3, 5);

    private static final ChangeContext LOADER = new ChangeContext("sample-loader", "样例数据加载 / sample data load");

    private final JdbcTemplate jdbc;
    private final PlaceRegister places;
    private final DivisionRegister divisions;
    private final ProtectionAndSigns protection;

    public GazetteerSampleLoader(
            JdbcTemplate jdbc, PlaceRegister places, DivisionRegister divisions, ProtectionAndSigns protection) {
        this.jdbc = jdbc;
        this.places = places;
        this.divisions = divisions;
        this.protection = protection;
    }

    /** Every division code becomes a place (the resource only identifies the edition loaded before). */
    public int loadDivisionPlaces(Resource editionFile) {
        return places.registerDivisions();
    }

    public int loadGeoNamesPlaces(Resource geonamesFile) {
        List<Map<String, Object>> rows = jdbc.queryForList("select g.geonameid, g.name, g.alternate_names,"
                + " g.feature_code, st_asbinary(g.geom) as wkb,"
                + " (select d.code from geo.division_version d where d.valid_to is null and d.level = 3"
                + "   and st_contains(d.geom, g.geom) limit 1) as county,"
                + " (select d.code from geo.division_version d where d.valid_to is null and d.level = 4"
                + "   and st_contains(d.geom, g.geom) limit 1) as township"
                + " from sample.geonames_place g where g.inside_chongqing order by g.geonameid");
        int count = 0;
        for (Map<String, Object> r : rows) {
            String county = (String) r.get("county");
            if (county == null) {
                continue; // on the municipality's edge but outside every simplified district polygon
            }
            String[] alternates = toArray(r.get("alternate_names"));
            List<String> han = Arrays.stream(alternates)
                    .filter(GazetteerSampleLoader::hasHan)
                    .toList();
            String id = r.get("geonameid").toString();
            // The names GeoNames gives (Chinese, Hanyu Pinyin, Wade–Giles, postal): the search index finds
            // the place by all of them (aliases from the concordance).
            List<String> given = new ArrayList<>();
            given.add(r.get("name").toString());
            given.addAll(Arrays.asList(alternates));
            List<String> names = given.stream()
                    .map(String::strip)
                    .filter(n -> hasHan(n) || n.matches("[A-Za-z'’ \\-]+"))
                    .distinct()
                    .toList();
            Long match = matchingDivision(han, county);
            if (match != null) {
                places.linkExternal(match, "geonames", id, names);
            } else if (!han.isEmpty()) {
                String name = han.stream()
                        .filter(n -> !GenericNames.split(n)[1].isEmpty())
                        .findFirst()
                        .orElse(han.get(0));
                String[] split = GenericNames.split(name);
                String within = r.get("township") != null ? (String) r.get("township") : county;
                PlaceDraft draft = new PlaceDraft(
                        split[0],
                        split[1],
                        null, // romanized by the register (GB/T 16159), not GeoNames' ASCII name
                        null,
                        han.stream().filter(n -> !n.equals(name)).toList(),
                        "21100",
                        within,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "GeoNames " + id + " (" + r.get("feature_code") + "), CC BY 4.0",
                        "imported",
                        point((byte[]) r.get("wkb")),
                        "recorded");
                long placeId =
                        places.create(draft, GEONAMES_AS_OF, "geonames", LOADER).placeId();
                places.linkExternal(placeId, "geonames", id, names);
            } else {
                continue;
            }
            count++;
        }
        return count;
    }

    /** The synthetic 潼南 protection list; rows name their place by division code. */
    public int loadTongnanProtectionSample(Resource csv) {
        int n = 0;
        for (CSVRecord r : read(csv)) {
            Long placeId = r.get("division_code").isEmpty()
                    ? null
                    : places.placeOfDivision(r.get("division_code")).orElseThrow();
            protection.addEntry(
                    new ProtectionEntry(
                            0,
                            null,
                            placeId,
                            r.get("name"),
                            r.get("list_kind"),
                            Integer.parseInt(r.get("batch")),
                            r.get("criteria"),
                            intOrNull(r.get("name_age_years")),
                            r.get("status"),
                            blankToNull(r.get("measures")),
                            dateOrNull(r.get("comment_from")),
                            dateOrNull(r.get("comment_to")),
                            dateOrNull(r.get("published_on")),
                            r.get("source")),
                    LOADER);
            n++;
        }
        return n;
    }

    /** The synthetic 潼南 signs, positioned at the division seat where the sample has one. */
    public int loadTongnanSignsSample(Resource csv) {
        int n = 0;
        for (CSVRecord r : read(csv)) {
            String code = r.get("division_code");
            long placeId = places.placeOfDivision(code).orElseThrow();
            Point seat = divisions.find(code, null).map(Division::seat).orElse(null);
            protection.addSign(
                    placeId,
                    r.get("sign_type"),
                    r.get("printed_text"),
                    r.get("printed_pinyin"),
                    seat,
                    dateOrNull(r.get("installed_on")),
                    r.get("condition"),
                    List.of(),
                    r.get("source"),
                    LOADER);
            n++;
        }
        return n;
    }

    /**
     * The SYNTHETIC built-up areas (建成区) of 潼南, the scope of the street/road/building naming rule:
     * each is derived from the sample's division seats — their convex hull (a line for two seats, the point
     * for one) buffered by {@code buffer_m} metres on the ellipsoid (geography; CGCS2000 and WGS 84 agree
     * to centimetres at this scale). Not official boundaries (see data/sample/gazetteer/README.md).
     */
    public int loadTongnanBuiltUpAreas(Resource csv) {
        int n = 0;
        for (CSVRecord r : read(csv)) {
            String[] seats = r.get("seat_division_codes").split("\\|");
            int inserted = jdbc.update(
                    "insert into gazetteer.built_up_area (name, geom, source)"
                            + " select ?, st_multi(st_setsrid(st_buffer(st_setsrid(st_convexhull(st_collect(seat)),"
                            + " 4326)::geography, ?)::geometry, 4490)), ?"
                            + " from geo.division_version where code = any(?) and valid_to is null and seat is not null"
                            + " having count(*) = ?",
                    r.get("name"),
                    Double.parseDouble(r.get("buffer_m")),
                    r.get("source"),
                    seats,
                    seats.length);
            if (inserted != 1) {
                throw new IllegalStateException("built-up area " + r.get("name")
                        + ": the sample has no seat for one of " + String.join(", ", seats));
            }
            n++;
        }
        return n;
    }

    private Long matchingDivision(List<String> han, String county) {
        if (han.isEmpty()) {
            return null;
        }
        List<String> codes = jdbc.queryForList(
                "select code from geo.division_version where valid_to is null and level <> 2 and name = any (?)"
                        + " and (code like ? or level <= 3) order by level desc, code limit 1",
                String.class,
                han.toArray(String[]::new),
                county.substring(0, 6) + "%");
        return codes.isEmpty() ? null : places.placeOfDivision(codes.get(0)).orElse(null);
    }

    private static String[] toArray(Object sqlArray) {
        try {
            return (String[]) ((java.sql.Array) sqlArray).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Geometry point(byte[] wkb) {
        try {
            Geometry g = new WKBReader().read(wkb);
            g.setSRID(4490);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
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
            throw new UncheckedIOException(e);
        }
    }

    private static Integer intOrNull(String s) {
        return s.isEmpty() ? null : Integer.parseInt(s);
    }

    private static LocalDate dateOrNull(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
