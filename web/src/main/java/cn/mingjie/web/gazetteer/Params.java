package cn.mingjie.web.gazetteer;

import cn.mingjie.geocore.division.DivisionCodes;
import cn.mingjie.geocore.edit.ValidationException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** Parsing of request values shared by the gazetteer resources; bad values say which parameter. */
final class Params {

    private Params() {}

    static String divisionCode(String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return DivisionCodes.toTwelveDigits(code.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "error.code.format", code);
        }
    }

    static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw ValidationException.of("limit", "error.limit.range", max);
        }
        return limit;
    }

    /** A GeoJSON geometry object ([lon, lat], CGCS2000) as JTS. */
    static Geometry geometry(Object geoJson, com.fasterxml.jackson.databind.ObjectMapper json) {
        if (geoJson == null) {
            return null;
        }
        try {
            Geometry g = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4490))
                    .read(json.writeValueAsString(geoJson));
            g.setSRID(4490);
            return g;
        } catch (ParseException | com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw ValidationException.of("geometry", "error.place.geometry-wkt", e.getMessage());
        }
    }
}
