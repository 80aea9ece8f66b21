package cn.mingjie.web.boundary;

import cn.mingjie.boundary.BoundaryLine;
import cn.mingjie.boundary.BoundaryLines;
import cn.mingjie.boundary.LineMeasure;
import cn.mingjie.boundary.Marker;
import cn.mingjie.boundary.PlaneCoordinates;
import cn.mingjie.boundary.ReferenceObject;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.Feature;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** DTOs and GeoJSON in/out for the boundary endpoints. */
final class BoundaryViews {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);

    private BoundaryViews() {}

    static Feature line(BoundaryLine l) {
        LineMeasure m = BoundaryLines.measure(l.geometry());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", l.id());
        p.put("code", l.code());
        p.put("name", l.name());
        p.put("level", l.level());
        p.put("parties", l.parties());
        p.put("agreementRef", l.agreementRef());
        p.put("legalStatus", l.legalStatus().dbValue());
        p.put("geometrySource", l.geometrySource());
        p.put("derived", l.derived());
        p.put("notes", l.notes());
        p.put("planeLength", Math.round(m.planeLength() * 10) / 10.0);
        p.put("geodesicLength", Math.round(m.geodesicLength() * 10) / 10.0);
        p.put("zones", m.segments().stream().map(LineMeasure.Segment::zone).toList());
        p.put("version", l.versionTag());
        return Feature.of(String.valueOf(l.id()), l.geometry(), p);
    }

    record MarkerView(
            long id,
            long lineId,
            String number,
            int sequence,
            String type,
            String material,
            double lon,
            double lat,
            int zone,
            int epsgWithPrefix,
            int epsgWithoutPrefix,
            double northing,
            double prefixedEasting,
            Double elevation,
            LocalDate installedOn,
            String responsibleCode,
            String condition,
            boolean retired,
            List<ReferenceObject> references,
            String locationDescription,
            String version) {}

    static MarkerView marker(Marker m) {
        PlaneCoordinates p = PlaneCoordinates.of(m.position());
        return new MarkerView(
                m.id(),
                m.lineId(),
                m.number(),
                m.sequence(),
                String.valueOf(m.type()),
                m.material(),
                m.position().getX(),
                m.position().getY(),
                p.zone(),
                p.epsgWithPrefix(),
                p.epsgWithoutPrefix(),
                Math.round(p.northing() * 1000) / 1000.0,
                Math.round(p.prefixedEasting() * 1000) / 1000.0,
                m.elevation(),
                m.installedOn(),
                m.responsibleCode(),
                m.condition(),
                m.retired(),
                m.references(),
                m.locationDescription(),
                m.versionTag());
    }

    static Feature markerFeature(Marker m) {
        MarkerView v = marker(m);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", v.id());
        p.put("number", v.number());
        p.put("type", v.type());
        p.put("material", v.material());
        p.put("condition", v.condition());
        p.put("retired", v.retired());
        p.put("northing", v.northing());
        p.put("prefixedEasting", v.prefixedEasting());
        p.put("epsgWithPrefix", v.epsgWithPrefix());
        p.put("elevation", v.elevation());
        p.put("installedOn", v.installedOn());
        p.put("synthetic", false);
        return Feature.of(v.number(), m.position(), p);
    }

    static LineString lineString(JsonNode geoJson, String field) {
        Geometry g = read(geoJson, field);
        if (!(g instanceof LineString l)) {
            throw ValidationException.of(field, "error.boundary.geometry-required");
        }
        return l;
    }

    static Point point(Double lon, Double lat) {
        return lon == null || lat == null ? null : FACTORY.createPoint(new Coordinate(lon, lat));
    }

    /** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
    static String csv(Object value) {
        String text = value == null ? "" : value.toString();
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static Point point(JsonNode geoJson, String field) {
        Geometry g = read(geoJson, field);
        if (!(g instanceof Point p) || p.isEmpty()) {
            throw ValidationException.of(field, "error.boundary.geometry-required");
        }
        return p;
    }

    static MultiPolygon multiPolygon(JsonNode geoJson, String field) {
        if (geoJson == null || geoJson.isNull()) {
            return null;
        }
        Geometry g = read(geoJson, field);
        if (g instanceof Polygon p) {
            return FACTORY.createMultiPolygon(new Polygon[] {p});
        }
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        throw ValidationException.of(field, "error.boundary.geometry-required");
    }

    private static Geometry read(JsonNode geoJson, String field) {
        if (geoJson == null || geoJson.isNull()) {
            throw ValidationException.of(field, "error.boundary.geometry-required");
        }
        try {
            Geometry g = new GeoJsonReader(FACTORY).read(geoJson.toString());
            g.setSRID(4490);
            return g;
        } catch (ParseException | RuntimeException e) {
            throw ValidationException.of(field, "error.boundary.geometry-required");
        }
    }
}
