package cn.mingjie.web.support;

import cn.mingjie.geocore.geojson.GeoJsonOutput;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A GeoJSON Feature ([lon, lat] order, CGCS2000 ≈ WGS84 as RFC 7946 expects). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feature(String type, String id, @JsonRawValue String geometry, Map<String, Object> properties) {

    public static Feature of(String id, Geometry geometry, Map<String, Object> properties) {
        return new Feature("Feature", id, geometry == null ? "null" : write(geometry), properties);
    }

    private static String write(Geometry geometry) {
        GeoJsonOutput output = new GeoJsonOutput();
        output.setCrsWritten(false); // RFC 7946: no crs member; CGCS2000 is WGS84 within centimetres
        return output.write(geometry);
    }
}
