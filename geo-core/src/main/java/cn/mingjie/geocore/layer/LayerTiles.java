package cn.mingjie.geocore.layer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Vector tiles of catalogue layers, straight from PostGIS, with a version tag for HTTP caching. */
@Repository
public class LayerTiles {

    private static final byte[] EMPTY = new byte[0];

    private final JdbcTemplate jdbc;
    private final LayerCatalogue catalogue;
    private final LayerDataVersions versions;
    private final Map<String, String> sql = new ConcurrentHashMap<>();

    public LayerTiles(JdbcTemplate jdbc, LayerCatalogue catalogue, LayerDataVersions versions) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.versions = versions;
    }

    /**
     * The tag of the layer's current state: its definition and style fingerprint and its data
     * version. Equal tags mean equal tiles, so it serves as the tiles' ETag.
     */
    public String versionTag(String layerId) {
        LayerDefinition layer = catalogue.get(layerId);
        return catalogue.style(layerId).fingerprint() + "." + versions.version(layer);
    }

    /** The MVT bytes of one tile; empty outside the layer's zoom range or where it has no features. */
    public byte[] tile(String layerId, TileCoordinates t) {
        LayerDefinition layer = catalogue.get(layerId);
        if (t.z() < layer.minZoom() || t.z() > layer.maxZoom()) {
            return EMPTY;
        }
        byte[] mvt = jdbc.queryForObject(
                sql.computeIfAbsent(layerId, id -> TileSql.of(layer)), byte[].class, t.z(), t.x(), t.y(), layer.id());
        return mvt == null ? EMPTY : mvt;
    }
}
