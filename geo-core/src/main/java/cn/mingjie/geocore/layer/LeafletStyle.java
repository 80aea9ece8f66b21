package cn.mingjie.geocore.layer;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The path options of Leaflet (color, weight, dashArray, fillColor, …) translated from a layer's SLD,
 * plus the label and the point radius Leaflet's circle markers take. Served as JSON to the map.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeafletStyle(
        String color,
        Double weight,
        Double opacity,
        String dashArray,
        Boolean fill,
        String fillColor,
        Double fillOpacity,
        Double radius,
        Label label) {

    /** A text label: the attribute it shows and the font the SLD asks for. */
    public record Label(String attribute, String fontFamily, Double fontSize, String color) {}
}
