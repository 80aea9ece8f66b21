package cn.mingjie.geocore.layer;

/** How the built-in map draws a layer when no GeoServer is configured. */
public enum Delivery {
    /** Small layers (hundreds of features): GeoJSON by bounding box, drawn by Leaflet itself. */
    GEOJSON,
    /** Large layers (place names at national scale): only as vector tiles. */
    TILES
}
