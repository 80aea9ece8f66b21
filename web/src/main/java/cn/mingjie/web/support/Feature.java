package cn.mingjie.web.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** A GeoJSON Feature ([lon, lat] order, CGCS2000 ≈ WGS84 as RFC 7946 expects). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feature(String type, String id, @JsonRawValue String geometry, Map<String, Object> properties) {

    public static Feature of(String id, Geometry geometry, Map<String, Object> properties) {
        return new Feature("Feature", id, geometry == null ? "null" : write(geometry), properties);
    }

    private static String write(Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        return writer.write(geometry);
    }
}
