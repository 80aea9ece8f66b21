package cn.mingjie.web.config;

import cn.mingjie.geocore.postgis.LocalPostgis;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no database URL is configured, starts the private PostGIS cluster and points the data source
 * at it, before any bean needs a connection. With {@code spring.datasource.url} set, does nothing.
 */
public class LocalDatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getProperty("spring.datasource.url") != null) {
            return;
        }
        Path stateDir = Path.of(env.getProperty("mingjie.postgres.state-dir", "var/postgres"));
        boolean fresh = env.getProperty("mingjie.postgres.fresh", Boolean.class, false);
        LocalPostgis pg = fresh ? LocalPostgis.startFresh(stateDir) : LocalPostgis.start(stateDir);
        env.getPropertySources()
                .addFirst(new MapPropertySource(
                        "mingjie-local-postgis",
                        Map.of(
                                "spring.datasource.url", pg.jdbcUrl(),
                                "spring.datasource.username", pg.username(),
                                "spring.datasource.password", pg.password())));
    }
}
