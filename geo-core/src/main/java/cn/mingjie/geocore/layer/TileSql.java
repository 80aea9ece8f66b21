package cn.mingjie.geocore.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL of one Mapbox vector tile of a layer: features whose geometry meets the tile (found with
 * the spatial index in EPSG:4490), transformed to web mercator (EPSG:3857) and clipped/quantised by
 * ST_AsMVTGeom, encoded by ST_AsMVT as a layer named after the layer id. A thinned layer keeps, per
 * tile, only the features that appear at the tile's zoom, at most its cap, the earliest-appearing first.
 * All values (tile address, thinning values, layer name) are bound parameters; see {@link #arguments}.
 */
public final class TileSql {

    /** Tile extent in MVT units (16 per pixel of a 256 px tile). */
    public static final int EXTENT = 4096;

    /** The clip buffer around a tile for strokes and point symbols (4 px). */
    public static final int BUFFER = 64;

    /**
     * The buffer of labelled point layers (64 px): a canvas tile draws the labels of the points near
     * its edge that belong to the neighbouring tile, so a name crossing a tile edge is drawn whole.
     */
    public static final int LABEL_BUFFER = 1024;

    private final String sql;
    private final String lowZoomSql;
    private final LayerDefinition layer;

    private TileSql(LayerDefinition layer, String sql, String lowZoomSql) {
        this.layer = layer;
        this.sql = sql;
        this.lowZoomSql = lowZoomSql;
    }

    /**
     * The SQL of a tile at this zoom. Below the zoom from which a thinned layer shows all features,
     * the candidates are also restricted to the attribute values that appear at that zoom
     * ({@code attr = any(?)}): the same tiles, but with a GiST index on (geometry, attribute)
     * (btree_gist) PostgreSQL reads only those features instead of every feature in the tile.
     */
    public String sql(TileCoordinates t) {
        return lowZoom(t) ? lowZoomSql : sql;
    }

    private boolean lowZoom(TileCoordinates t) {
        return layer.thinning() != null && t.z() < layer.thinning().defaultMinZoom();
    }

    /**
     * The bound values in the order of the SQL text: tile z/x/y and zoom, the thinning table, the
     * values visible at a low zoom, the MVT layer name.
     */
    public Object[] arguments(TileCoordinates t) {
        List<Object> args = new ArrayList<>(List.of(t.z(), t.x(), t.y(), t.z()));
        Thinning thinning = layer.thinning();
        if (thinning != null) {
            for (Map.Entry<String, Integer> e : thinning.minZoomByValue().entrySet()) {
                args.add(e.getKey());
                args.add(e.getValue());
            }
            args.add(thinning.defaultMinZoom());
        }
        if (lowZoom(t)) {
            args.add(thinning.minZoomByValue().entrySet().stream()
                    .filter(e -> e.getValue() <= t.z())
                    .map(Map.Entry::getKey)
                    .toArray(String[]::new));
        }
        args.add(layer.id());
        return args.toArray();
    }

    public static int buffer(LayerDefinition layer) {
        return layer.geometryKind() == GeometryKind.POINT && layer.labelAttribute() != null ? LABEL_BUFFER : BUFFER;
    }

    public static TileSql of(LayerDefinition layer) {
        String attributes = layer.attributes().stream()
                .map(a -> a.type() == LayerAttribute.Type.DATE
                        ? "s.\"" + a.name() + "\"::text as \"" + a.name() + "\""
                        : "s.\"" + a.name() + "\"")
                .collect(Collectors.joining(", "));
        int buffer = buffer(layer);
        String geom = "s.\"" + layer.geometryColumn() + "\"";
        String candidates = "select s.*" + appearsAt(layer.thinning()) + " from " + layer.source() + " s, bounds"
                + " where " + geom
                + " && st_transform(st_expand(bounds.env, (st_xmax(bounds.env) - st_xmin(bounds.env)) * "
                + buffer + " / " + EXTENT + ".0), 4490)";
        String visibleOnly = layer.thinning() == null
                ? candidates
                : candidates + " and s.\"" + layer.thinning().attribute() + "\" = any(?::text[])";
        String thinned = layer.thinning() == null
                ? ""
                : " where s.appears_at <= bounds.zoom order by s.appears_at, s.\"" + layer.idColumn() + "\" limit "
                        + layer.thinning().maxFeaturesPerTile();
        String encode = " features as (select st_asmvtgeom(st_transform(" + geom + ", 3857), bounds.env, "
                + EXTENT + ", " + buffer + ", true) as mvt_geom, " + attributes
                + " from candidates s, bounds" + thinned + ")"
                + " select st_asmvt(features.*, ?, " + EXTENT
                + ", 'mvt_geom') from features where mvt_geom is not null";
        String bounds = "with bounds as (select st_tileenvelope(?, ?, ?) as env, ?::int as zoom),";
        return new TileSql(
                layer,
                bounds + " candidates as (" + candidates + ")," + encode,
                bounds + " candidates as (" + visibleOnly + ")," + encode);
    }

    /** The zoom from which a feature appears, from the thinning table (bound values); none if not thinned. */
    private static String appearsAt(Thinning thinning) {
        if (thinning == null) {
            return "";
        }
        StringBuilder sql = new StringBuilder(", (case s.\"" + thinning.attribute() + "\"::text");
        thinning.minZoomByValue().forEach((value, zoom) -> sql.append(" when ? then ?::int"));
        return sql.append(" else ?::int end) as appears_at").toString();
    }
}
