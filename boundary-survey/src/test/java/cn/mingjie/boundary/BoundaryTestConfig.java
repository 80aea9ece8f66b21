package cn.mingjie.boundary;

import cn.mingjie.geocore.GeoCoreModule;
import cn.mingjie.geocore.postgis.ModuleSchema;
import cn.mingjie.geocore.postgis.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** A fresh PostGIS database with the geo, layers and boundary schemas, and the district polygons loaded. */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@Import({GeoCoreModule.class, BoundaryModule.class})
class BoundaryTestConfig {

    @Bean
    DataSource dataSource() {
        DataSource ds = TestDatabase.freshDatabase(
                List.of(new ModuleSchema("geo", 0), new ModuleSchema("layers", 5), new ModuleSchema("boundary", 20)));
        loadDistricts(new JdbcTemplate(ds));
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

    /** The 38 districts at level 3 under 重庆市, as the sample loader stores them. */
    static void loadDistricts(JdbcTemplate jdbc) {
        try (InputStream in =
                BoundaryTestConfig.class.getResourceAsStream("/districts/cq_districts_tianditu.geojson")) {
            JsonNode root = new ObjectMapper().readTree(in);
            jdbc.update("insert into geo.division_version (code, name, level, valid_from, source)"
                    + " values ('500000000000', '重庆市', 1, '2020-01-01', 'test')");
            for (JsonNode f : root.get("features")) {
                JsonNode p = f.get("properties");
                jdbc.update(
                        "insert into geo.division_version (code, name, level, parent_code, valid_from, geom, geom_source,"
                                + " source) values (?, ?, 3, '500000000000', '2020-01-01',"
                                + " st_multi(st_setsrid(st_geomfromgeojson(?), 4490)), 'tianditu', 'test')",
                        p.get("district_adcode").asText() + "000000",
                        p.get("district_name").asText(),
                        f.get("geometry").toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
