package cn.mingjie.facility;

import cn.mingjie.geocore.GeoCoreModule;
import cn.mingjie.geocore.postgis.ModuleSchema;
import cn.mingjie.geocore.postgis.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** geo-core and the facility module on a fresh, migrated PostGIS database. */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@Import({GeoCoreModule.class, FacilityModule.class})
public class FacilityTestContext {

    @Bean
    DataSource dataSource() {
        return TestDatabase.freshDatabase(List.of(new ModuleSchema("geo", 0), new ModuleSchema("facility", 30)));
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }
}
