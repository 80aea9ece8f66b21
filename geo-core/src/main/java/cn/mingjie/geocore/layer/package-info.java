/**
 * Map layers: the layer catalogue (one {@link cn.mingjie.geocore.layer.LayerDefinition} bean per
 * layer, contributed by any module), their SLD 1.0 styles and the Leaflet translation of them, and
 * the SQL that serves them — Mapbox vector tiles through ST_AsMVT and feature queries with a
 * CQL2/ECQL filter whose property names come from the layer's allowlist and whose values are bound
 * as SQL parameters. No HTTP here; the web module serves it.
 */
package cn.mingjie.geocore.layer;
