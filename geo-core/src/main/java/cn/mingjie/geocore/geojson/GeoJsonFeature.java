package cn.mingjie.geocore.geojson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A GeoJSON feature: optional id (a string or a number, as RFC 7946 allows), a lon/lat geometry or
 * {@code null} (an unlocated feature), and the properties as plain JSON values (maps, lists,
 * strings, numbers, booleans, nulls) in their original order.
 */
public record GeoJsonFeature(Object id, Geometry geometry, Map<String, Object> properties) {

    public GeoJsonFeature {
        if (id != null && !(id instanceof String) && !(id instanceof Number)) {
            throw new IllegalArgumentException("a GeoJSON id is a string or a number, not " + id.getClass());
        }
        // Map.copyOf would reject the null values that JSON properties may hold.
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
