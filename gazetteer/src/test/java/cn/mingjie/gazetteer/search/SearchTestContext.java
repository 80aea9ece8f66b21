package cn.mingjie.gazetteer.search;

import cn.mingjie.geocore.GeoCoreModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
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

    /**
     * A fresh index directory for the test class's context, so that each class builds its own index
     * (call from the class's {@code @DynamicPropertySource} method).
     */
    public static Path temporaryIndexDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "search-index");
        registry.add("mingjie.search.index-dir", dir::toString);
        return dir;
    }

    @Bean
    DataSource dataSource() {
        DataSource ds = SearchTestData.divisions();
        loadGeoNames(new JdbcTemplate(ds));
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

    static List<String> lines(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SearchTestContext.class.getResourceAsStream("/search/" + name), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
