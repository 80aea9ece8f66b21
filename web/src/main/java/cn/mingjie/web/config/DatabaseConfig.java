package cn.mingjie.web.config;

import cn.mingjie.data.SampleDataLoader;
import cn.mingjie.geocore.postgis.ModuleSchema;
import cn.mingjie.geocore.postgis.SchemaMigrator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every module's schema is migrated at start; the sample loads after, unless switched off. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    /** A marker bean: it exists once all modules' migrations have run. */
    public record MigratedSchemas(List<ModuleSchema> schemas) {}

    @Bean
    MigratedSchemas migratedSchemas(DataSource dataSource, List<ModuleSchema> schemas) {
        SchemaMigrator.migrate(dataSource, schemas);
        return new MigratedSchemas(schemas);
    }

    @Bean
    @ConditionalOnProperty(name = "mingjie.sample-data.load", havingValue = "true", matchIfMissing = true)
    ApplicationRunner sampleDataRunner(MigratedSchemas migrated, SampleDataLoader loader) {
        return args -> loader.loadAll();
    }
}
