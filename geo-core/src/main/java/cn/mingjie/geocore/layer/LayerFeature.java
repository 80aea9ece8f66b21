package cn.mingjie.geocore.layer;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** One feature of a layer: its id, geometry (EPSG:4490, lon/lat) and allowlisted attributes. */
public record LayerFeature(String id, Geometry geometry, Map<String, Object> properties) {}
