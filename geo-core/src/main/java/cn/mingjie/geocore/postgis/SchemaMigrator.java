package cn.mingjie.geocore.postgis;

import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Runs every module's Flyway migrations, lower layers first. */
public final class SchemaMigrator {

    private SchemaMigrator() {}

    public static void migrate(DataSource dataSource, List<ModuleSchema> modules) {
        modules.stream().sorted(Comparator.comparingInt(ModuleSchema::order)).forEach(m -> Flyway.configure()
                .dataSource(dataSource)
                .schemas(m.schema())
                .createSchemas(true)
                .table("schema_history")
                .locations(m.location())
                .load()
                .migrate());
    }
}
