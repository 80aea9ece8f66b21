package cn.mingjie.geocore.layer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Vector tiles of catalogue layers, straight from PostGIS, with a version tag for HTTP caching and a
 * server-side cache in memory (as GeoWebCache does for GeoServer). A cached tile is keyed by layer,
 * z/x/y and the layer's version tag, so any write to a watched table — which moves the tag — makes
 * the next request miss and render afresh: invalidation needs no bookkeeping, and tiles of older
 * versions age out of the byte-bounded LRU cache.
 */
@Repository
public class LayerTiles {

    private static final byte[] EMPTY = new byte[0];

    private final JdbcTemplate jdbc;
    private final LayerCatalogue catalogue;
    private final LayerDataVersions versions;
    private final Map<String, TileSql> sql = new ConcurrentHashMap<>();
    private final Cache<TileKey, byte[]> cache;

    /** A tile of one version of a layer. */
    record TileKey(String layer, int z, int x, int y, String versionTag) {}

    public LayerTiles(
            JdbcTemplate jdbc,
            LayerCatalogue catalogue,
            LayerDataVersions versions,
            @Value("${mingjie.tiles.cache-megabytes:128}") long cacheMegabytes) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.versions = versions;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(cacheMegabytes * 1024 * 1024)
                .weigher((TileKey key, byte[] tile) -> tile.length + 64)
                .recordStats()
                .build();
    }

    /**
     * The tag of the layer's current state: its definition and style fingerprint and its data
     * version. Equal tags mean equal tiles, so it serves as the tiles' ETag.
     */
    public String versionTag(String layerId) {
        LayerDefinition layer = catalogue.get(layerId);
        return catalogue.style(layerId).fingerprint() + "." + versions.version(layer);
    }

    /**
     * The MVT bytes of one tile of the version {@code versionTag} names; empty outside the layer's zoom
     * range or where it has no features. The caller reads the tag first, then asks for the tile: the
     * tile SQL then sees data at least as new as the tag, so a cached tile is never older than its key.
     */
    public byte[] tile(String layerId, TileCoordinates t, String versionTag) {
        LayerDefinition layer = catalogue.get(layerId);
        if (t.z() < layer.minZoom() || t.z() > layer.maxZoom()) {
            return EMPTY;
        }
        // Concurrent requests for the same missing tile render it once.
        return cache.get(new TileKey(layerId, t.z(), t.x(), t.y(), versionTag), key -> render(layer, t));
    }

    /** The current tile, rendered now (for callers that hold no version tag). */
    public byte[] tile(String layerId, TileCoordinates t) {
        return tile(layerId, t, versionTag(layerId));
    }

    private byte[] render(LayerDefinition layer, TileCoordinates t) {
        TileSql query = sql.computeIfAbsent(layer.id(), id -> TileSql.of(layer));
        byte[] mvt = jdbc.queryForObject(query.sql(t), byte[].class, query.arguments(t));
        return mvt == null ? EMPTY : mvt;
    }

    /** Hits, misses and the bytes held, for the benchmark and for operators. */
    public CacheFigures cacheFigures() {
        var stats = cache.stats();
        long bytes =
                cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        return new CacheFigures(stats.hitCount(), stats.missCount(), cache.estimatedSize(), bytes);
    }

    public record CacheFigures(long hits, long misses, long tiles, long bytes) {}
}
