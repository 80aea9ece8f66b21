package cn.mingjie.gazetteer;

import cn.mingjie.geocore.GeoCoreModule;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.division.NewDivisionVersion;
import cn.mingjie.geocore.postgis.ModuleSchema;
import cn.mingjie.geocore.postgis.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.PropertySourcesPlaceholderConfigurer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The gazetteer on a fresh real PostGIS database with the real NBS 2021 and 2023 editions (subset in
 * src/test/resources/divisions) loaded as division versions, every division linked as a place, and the
 * search index over them (a temporary directory per context).
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@Import({GeoCoreModule.class, GazetteerModule.class})
public class GazetteerTestContext {

    static final LocalDate NBS_2021 = LocalDate.of(2021, 10, 31);
    static final LocalDate NBS_2023 = LocalDate.of(2023, 6, 30);

    @Bean
    DataSource dataSource() {
        return TestDatabase.freshDatabase(List.of(
                new ModuleSchema("geo", 0),
                new ModuleSchema("layers", 5),
                new ModuleSchema("search", 5),
                new ModuleSchema("gazetteer", 10)));
    }

    /** Each context its own search index directory (contexts are cached side by side). */
    @Bean
    static PropertySourcesPlaceholderConfigurer searchIndexDirectory() throws IOException {
        Properties p = new Properties();
        p.setProperty(
                "mingjie.search.index-dir",
                Files.createTempDirectory("gazetteer-search-index").toString());
        PropertySourcesPlaceholderConfigurer c = new PropertySourcesPlaceholderConfigurer();
        c.setProperties(p);
        return c;
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource ds) {
        return new JdbcTemplate(ds);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource ds) {
        return new DataSourceTransactionManager(ds);
    }

    @Bean
    DivisionsLoaded divisionsLoaded(DivisionRegister divisions, PlaceRegister places) {
        Map<String, String[]> y2021 = read("divisions/nbs2021-levels1-4-and-tongnan-villages.csv");
        Map<String, String[]> y2023 = read("divisions/nbs2023-levels1-4-and-tongnan-villages.csv");
        List<NewDivisionVersion> first = new ArrayList<>();
        y2021.values().forEach(r -> first.add(version(r, NBS_2021, "NBS2021", null)));
        divisions.openAll(first);
        var current = divisions.currentVersions();
        List<NewDivisionVersion> second = new ArrayList<>();
        for (String[] r : y2023.values()) {
            var before = current.get(r[0]);
            if (before == null) {
                second.add(version(r, NBS_2023, "NBS2023", "added"));
            } else if (!before.name().equals(r[1])) {
                divisions.close(before.versionId(), NBS_2023, null);
                second.add(version(r, NBS_2023, "NBS2023", "renamed: " + before.name() + " → " + r[1]));
            }
        }
        divisions.openAll(second);
        for (var d : current.values()) {
            if (!y2023.containsKey(d.code())) {
                divisions.close(d.versionId(), NBS_2023, "not in NBS 2023");
            }
        }
        return new DivisionsLoaded(places.registerDivisions());
    }

    record DivisionsLoaded(int places) {}

    private static NewDivisionVersion version(String[] r, LocalDate from, String source, String reason) {
        return new NewDivisionVersion(
                r[0],
                r[1],
                DivisionLevel.of(Integer.parseInt(r[2])),
                r[3].isEmpty() ? null : r[3],
                from,
                source,
                reason);
    }

    private static Map<String, String[]> read(String resource) {
        Map<String, String[]> rows = new HashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                GazetteerTestContext.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] r = line.split(",", -1);
                rows.put(r[0], r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
