package cn.mingjie.geocore.layer;

import java.util.stream.Collectors;

/**
 * The SQL of one Mapbox vector tile of a layer: features whose geometry meets the tile (found with
 * the spatial index in EPSG:4490), transformed to web mercator (EPSG:3857) and clipped/quantised by
 * ST_AsMVTGeom, encoded by ST_AsMVT as a layer named after the layer id. Parameters: z, x, y, name.
 */
public final class TileSql {

    /** Tile extent in MVT units, and the clip buffer around it (for strokes and labels). */
    public static final int EXTENT = 4096;

    public static final int BUFFER = 64;

    private TileSql() {}

    public static String of(LayerDefinition layer) {
        String attributes = layer.attributes().stream()
                .map(a -> a.type() == LayerAttribute.Type.DATE
                        ? "s.\"" + a.name() + "\"::text as \"" + a.name() + "\""
                        : "s.\"" + a.name() + "\"")
                .collect(Collectors.joining(", "));
        String geom = "s.\"" + layer.geometryColumn() + "\"";
        return "with bounds as (select st_tileenvelope(?, ?, ?) as env),"
                + " features as (select st_asmvtgeom(st_transform(" + geom + ", 3857), bounds.env, " + EXTENT
                + ", " + BUFFER + ", true) as mvt_geom, " + attributes
                + " from " + layer.source() + " s, bounds"
                + " where " + geom
                + " && st_transform(st_expand(bounds.env, (st_xmax(bounds.env) - st_xmin(bounds.env)) * "
                + BUFFER + " / " + EXTENT + ".0), 4490))"
                + " select st_asmvt(features.*, ?, " + EXTENT
                + ", 'mvt_geom') from features where mvt_geom is not null";
    }
}
