package cn.mingjie.geocore.layer;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data version of a layer: the sum of the change counters of the tables it watches, which a
 * statement-level trigger bumps on every insert, update, delete or truncate (layers.table_version).
 * Tile ETags carry it, so a cached tile is revalidated after any change and kept otherwise.
 * Materialized sources are refreshed here when their tables moved since the last refresh.
 */
@Repository
public class LayerDataVersions {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LayerDataVersions(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    public long version(LayerDefinition layer) {
        long version = current(layer.watchedTables());
        if (layer.materialized()) {
            refreshIfStale(layer, version);
        }
        return version;
    }

    private long current(List<String> tables) {
        if (tables.isEmpty()) {
            return 0;
        }
        Long v = jdbc.queryForObject(
                "select coalesce(sum(version), 0) from layers.table_version where table_name = any(?)",
                Long.class,
                (Object) tables.toArray(String[]::new));
        return v == null ? 0 : v;
    }

    private void refreshIfStale(LayerDefinition layer, long version) {
        Long refreshed = jdbc
                .queryForList(
                        "select refreshed_at_version from layers.materialized_state where view_name = ?",
                        Long.class,
                        layer.source())
                .stream()
                .findFirst()
                .orElse(null);
        if (refreshed == null || refreshed != version) {
            transaction.executeWithoutResult(status -> refresh(layer, version));
        }
    }

    /** One refresher at a time (the advisory lock); the others find the state fresh afterwards. */
    private void refresh(LayerDefinition layer, long version) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class, layer.source());
        Long refreshed = jdbc
                .queryForList(
                        "select refreshed_at_version from layers.materialized_state where view_name = ?",
                        Long.class,
                        layer.source())
                .stream()
                .findFirst()
                .orElse(null);
        if (refreshed != null && refreshed == version) {
            return;
        }
        // The source name was checked to be schema.name when the definition was built.
        jdbc.execute("refresh materialized view " + layer.source());
        jdbc.update(
                "insert into layers.materialized_state (view_name, refreshed_at_version) values (?, ?)"
                        + " on conflict (view_name) do update set refreshed_at_version = excluded.refreshed_at_version",
                layer.source(),
                version);
    }
}
