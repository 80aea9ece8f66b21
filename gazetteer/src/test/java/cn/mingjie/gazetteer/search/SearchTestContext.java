package cn.mingjie.gazetteer.search;

import cn.mingjie.geocore.GeoCoreModule;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.division.NewDivisionVersion;
import cn.mingjie.geocore.postgis.ModuleSchema;
import cn.mingjie.geocore.postgis.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * A real PostGIS database with the search schema, the real NBS 2021 and 2023 editions (levels 1–4
 * of Chongqing and 潼南's villages, loaded as versions like the sample loader does) and the GeoNames
 * places; only the search and romanization packages are wired.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@Import(GeoCoreModule.class)
@ComponentScan({"cn.mingjie.gazetteer.search", "cn.mingjie.gazetteer.romanization"})
public class SearchTestContext {

    static final LocalDate NBS_2021 = LocalDate.of(2021, 10, 31);
    static final LocalDate NBS_2023 = LocalDate.of(2023, 6, 30);

    @Bean
    DataSource dataSource() {
        DataSource ds = TestDatabase.freshDatabase(List.of(new ModuleSchema("geo", 0), new ModuleSchema("search", 5)));
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        loadDivisions(jdbc);
        loadDistrictPolygons(jdbc);
        loadGeoNames(jdbc);
        return ds;
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource ds) {
        return new JdbcTemplate(ds);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource ds) {
        return new DataSourceTransactionManager(ds);
    }

    private static void loadDivisions(JdbcTemplate jdbc) {
        DivisionRegister register = new DivisionRegister(jdbc, new cn.mingjie.geocore.audit.AuditLog(jdbc));
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
                    .readTree(SearchTestContext.class.getResourceAsStream("/search/cq_districts_tianditu.geojson"))
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

    private static void loadGeoNames(JdbcTemplate jdbc) {
        // The table as the data module's migration creates it (sample.geonames_place).
        jdbc.execute("create schema sample");
        jdbc.execute("create table sample.geonames_place (geonameid bigint primary key, name text not null,"
                + " ascii_name text, alternate_names text[] not null default '{}', feature_code text,"
                + " population bigint, geom geometry(Point, 4490) not null, inside_chongqing boolean)");
        List<String> lines = lines("cq_geonames_cities500.tsv");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            jdbc.update(
                    "insert into sample.geonames_place (geonameid, name, ascii_name, alternate_names, feature_code,"
                            + " population, geom, inside_chongqing)"
                            + " values (?, ?, ?, string_to_array(?, ','), ?, ?, st_setsrid(st_makepoint(?, ?), 4490), ?)",
                    Long.parseLong(f[0]),
                    f[1],
                    f[2],
                    f[3],
                    f[7],
                    Long.parseLong(f[14]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]) < 115);
        }
    }

    private static List<String[]> csv(String name) {
        List<String> lines = lines(name);
        return lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",", -1))
                .toList();
    }

    static List<String> lines(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SearchTestContext.class.getResourceAsStream("/search/" + name), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
