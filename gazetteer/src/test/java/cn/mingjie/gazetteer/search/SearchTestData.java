package cn.mingjie.gazetteer.search;

import cn.mingjie.gazetteer.romanization.Romanizer;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.division.NewDivisionVersion;
import cn.mingjie.geocore.postgis.ModuleSchema;
import cn.mingjie.geocore.postgis.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search tests' divisions (the real NBS 2021 and 2023 editions, levels 1–4 of Chongqing and 潼南's
 * villages, loaded as versions like the sample loader does, with the district polygons), and the
 * character pool {@link SyntheticNames} draws from. No Spring annotations: the web module's benchmark uses
 * it from the test-jar, and its application scans {@code cn.mingjie}.
 */
public final class SearchTestData {

    private static final LocalDate NBS_2021 = LocalDate.of(2021, 10, 31);
    private static final LocalDate NBS_2023 = LocalDate.of(2023, 6, 30);

    /** The current divisions with a former name, in the order SearchBench's pool takes them. */
    public static final String CURRENT_DIVISIONS = "select c.name, (select h.name from geo.division_version h"
            + " where h.code = c.code and h.valid_to = c.valid_from and h.name <> c.name limit 1)"
            + " from geo.division_version c where c.valid_to is null";

    private SearchTestData() {}

    /** A fresh database (geo and search schemas) holding the divisions. */
    public static DataSource divisions() {
        DataSource ds = TestDatabase.freshDatabase(List.of(new ModuleSchema("geo", 0), new ModuleSchema("search", 5)));
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        loadDivisions(jdbc);
        loadDistrictPolygons(jdbc);
        return ds;
    }

    /** The 专名 of these names concatenated: each character as often as it occurs. */
    public static String characterPool(List<String> names, Romanizer romanizer) {
        return names.stream().map(n -> romanizer.generics().split(n).specific()).collect(Collectors.joining());
    }

    /**
     * SearchBench's pool, from a database of its own loaded the same way: a synthetic corpus made with it
     * (same size and seed) is the one SearchBench indexed. Its order is the database's row order, so a
     * caller must check the corpus against the index it opens.
     */
    public static String benchCharacterPool() {
        DataSource ds = divisions();
        try {
            List<String> names = new JdbcTemplate(ds).query(CURRENT_DIVISIONS, (rs, i) -> rs.getString(1));
            return characterPool(names, Romanizer.standard());
        } finally {
            ((HikariDataSource) ds).close();
        }
    }

    private static void loadDivisions(JdbcTemplate jdbc) {
        DivisionRegister register = new DivisionRegister(jdbc, new AuditLog(jdbc));
        List<String[]> y2021 = csv("nbs2021-levels1-4-and-tongnan-villages.csv");
        register.openAll(
                y2021.stream().map(r -> version(r, NBS_2021, "NBS2021")).toList());
        Map<String, String[]> before = new HashMap<>();
        y2021.forEach(r -> before.put(r[0], r));
        List<NewDivisionVersion> opened = new ArrayList<>();
        for (String[] r : csv("nbs2023-levels1-4-and-tongnan-villages.csv")) {
            String[] old = before.remove(r[0]);
            if (old == null) {
                opened.add(version(r, NBS_2023, "NBS2023"));
            } else if (!old[1].equals(r[1]) || !old[3].equals(r[3])) {
                closeCurrent(jdbc, r[0]);
                opened.add(version(r, NBS_2023, "NBS2023"));
            }
        }
        before.keySet().forEach(code -> closeCurrent(jdbc, code));
        register.openAll(opened);
    }

    private static void loadDistrictPolygons(JdbcTemplate jdbc) {
        try {
            JsonNode features = new ObjectMapper()
                    .readTree(SearchTestData.class.getResourceAsStream("/search/cq_districts_tianditu.geojson"))
                    .get("features");
            for (JsonNode f : features) {
                jdbc.update(
                        "update geo.division_version set geom = st_multi(st_setsrid(st_geomfromgeojson(?), 4490)),"
                                + " geom_source = 'tianditu' where code = ? and valid_to is null",
                        f.get("geometry").toString(),
                        f.at("/properties/district_adcode").asText() + "000000");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeCurrent(JdbcTemplate jdbc, String code) {
        jdbc.update("update geo.division_version set valid_to = ? where code = ? and valid_to is null", NBS_2023, code);
    }

    private static NewDivisionVersion version(String[] r, LocalDate from, String source) {
        return new NewDivisionVersion(
                r[0], r[1], DivisionLevel.of(Integer.parseInt(r[2])), r[3].isEmpty() ? null : r[3], from, source, null);
    }

    private static List<String[]> csv(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SearchTestData.class.getResourceAsStream("/search/" + name), StandardCharsets.UTF_8))) {
            return r.lines().skip(1).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
