/**
 * Map layers over HTTP: vector tiles ({@code /tiles}), OGC API – Features ({@code /ogc}), the layer
 * catalogue with Leaflet styles and GeoJSON by bounding box ({@code /api/v1/layers}), SLD checks and
 * GeoServer publishing for administrators. Parameters that attack map servers (JSONP callbacks,
 * remote SLDs) are refused before any handler runs.
 */
package cn.mingjie.web.layers;
