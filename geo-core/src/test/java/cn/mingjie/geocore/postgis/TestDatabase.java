package cn.mingjie.geocore.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Real PostGIS for tests: one private cluster per test JVM (under {@code target/}), and a fresh,
 * migrated database for each caller so that test classes never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger counter = new AtomicInteger();
    private static LocalPostgis cluster;

    private TestDatabase() {}

    public static synchronized LocalPostgis cluster() {
        if (cluster == null) {
            Path dir =
                    Path.of("target", "test-postgis-" + ProcessHandle.current().pid());
            cluster = LocalPostgis.start(dir);
        }
        return cluster;
    }

    /** A new empty database with PostGIS, migrated with the given modules' schemas. */
    public static DataSource freshDatabase(List<ModuleSchema> modules) {
        LocalPostgis pg = cluster();
        String name = "test_" + counter.incrementAndGet();
        String admin = pg.jdbcUrl().replace("/" + LocalPostgis.DATABASE, "/postgres");
        try (Connection c = DriverManager.getConnection(admin, pg.username(), pg.password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name + " template " + LocalPostgis.DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.jdbcUrl().replace("/" + LocalPostgis.DATABASE, "/" + name));
        config.setUsername(pg.username());
        config.setPassword(pg.password());
        config.setMaximumPoolSize(4);
        DataSource ds = new HikariDataSource(config);
        SchemaMigrator.migrate(ds, modules);
        return ds;
    }

    public static List<ModuleSchema> geoCore() {
        return List.of(new ModuleSchema("geo", 0));
    }
}
