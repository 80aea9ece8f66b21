package cn.mingjie.geocore.geojson;

import cn.mingjie.geocore.crs.ChineseCrs;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes CGCS2000 lon/lat geometries (SRID 4490, or 0 meaning the same) as RFC 7946 GeoJSON:
 * {@code [lon, lat]} positions rounded to a fixed number of decimals, outer rings counter-clockwise
 * and holes clockwise, and by default a {@code crs} member naming EPSG:4490 so that a reader does
 * not take the positions for WGS84 (legacy GeoJSON 2008 syntax; RFC 7946 readers ignore it).
 */
public final class GeoJsonOutput {

    /** 1e-7° is about 1 cm, finer than any boundary survey we store. */
    public static final int DEFAULT_DECIMALS = 7;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private int decimals = DEFAULT_DECIMALS;
    private boolean crsWritten = true;

    /** Positions are rounded half-up to this many decimals of a degree (0–15). */
    public void setDecimals(int decimals) {
        if (decimals < 0 || decimals > 15) {
            throw new IllegalArgumentException("decimals must be 0–15: " + decimals);
        }
        this.decimals = decimals;
    }

    /** Whether the top-level object carries {@code "crs": {"type":"name", … "EPSG:4490"}}. */
    public void setCrsWritten(boolean crsWritten) {
        this.crsWritten = crsWritten;
    }

    public String write(Geometry lonLat) {
        return render(gen -> geometry(gen, lonLat, crsWritten));
    }

    public String write(GeoJsonFeature feature) {
        return render(gen -> feature(gen, feature, crsWritten));
    }

    public String writeFeatureCollection(List<GeoJsonFeature> features) {
        return render(gen -> {
            gen.writeStartObject();
            gen.writeStringField("type", "FeatureCollection");
            crs(gen, crsWritten);
            gen.writeArrayFieldStart("features");
            for (GeoJsonFeature feature : features) {
                feature(gen, feature, false);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator gen) throws IOException;
    }

    private static String render(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
            body.write(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void feature(JsonGenerator gen, GeoJsonFeature feature, boolean withCrs) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "Feature");
        crs(gen, withCrs);
        if (feature.id() != null) {
            gen.writeFieldName("id");
            JSON.writeValue(gen, feature.id());
        }
        gen.writeFieldName("geometry");
        if (feature.geometry() == null) {
            gen.writeNull();
        } else {
            geometry(gen, feature.geometry(), false);
        }
        gen.writeFieldName("properties");
        JSON.writeValue(gen, feature.properties());
        gen.writeEndObject();
    }

    private static void crs(JsonGenerator gen, boolean withCrs) throws IOException {
        if (withCrs) {
            gen.writeObjectFieldStart("crs");
            gen.writeStringField("type", "name");
            gen.writeObjectFieldStart("properties");
            gen.writeStringField("name", "EPSG:" + ChineseCrs.CGCS2000);
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    private void geometry(JsonGenerator gen, Geometry g, boolean withCrs) throws IOException {
        if (g.getSRID() != 0 && g.getSRID() != ChineseCrs.CGCS2000) {
            // Relabelling projected metres or another datum as CGCS2000 would corrupt the data silently.
            throw new IllegalArgumentException(
                    "GeoJSON is written in CGCS2000 lon/lat; transform SRID " + g.getSRID() + " to 4490 first");
        }
        gen.writeStartObject();
        gen.writeStringField("type", g.getGeometryType());
        crs(gen, withCrs);
        if (Geometry.TYPENAME_GEOMETRYCOLLECTION.equals(g.getGeometryType())) {
            gen.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                geometry(gen, g.getGeometryN(i), false);
            }
            gen.writeEndArray();
        } else {
            gen.writeFieldName("coordinates");
            coordinates(gen, g);
        }
        gen.writeEndObject();
    }

    private void coordinates(JsonGenerator gen, Geometry g) throws IOException {
        if (g instanceof Point point) {
            if (point.isEmpty()) {
                gen.writeStartArray();
                gen.writeEndArray();
            } else {
                position(gen, point.getCoordinateSequence(), 0);
            }
        } else if (g instanceof LineString line) {
            positions(gen, line.getCoordinateSequence(), false);
        } else if (g instanceof Polygon polygon) {
            gen.writeStartArray();
            if (!polygon.isEmpty()) {
                ring(gen, polygon.getExteriorRing().getCoordinateSequence(), true);
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    ring(gen, polygon.getInteriorRingN(i).getCoordinateSequence(), false);
                }
            }
            gen.writeEndArray();
        } else {
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                coordinates(gen, g.getGeometryN(i));
            }
            gen.writeEndArray();
        }
    }

    /** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
    private void ring(JsonGenerator gen, CoordinateSequence ring, boolean exterior) throws IOException {
        positions(gen, ring, Orientation.isCCW(ring) != exterior);
    }

    private void positions(JsonGenerator gen, CoordinateSequence seq, boolean reversed) throws IOException {
        gen.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            position(gen, seq, reversed ? seq.size() - 1 - i : i);
        }
        gen.writeEndArray();
    }

    private void position(JsonGenerator gen, CoordinateSequence seq, int i) throws IOException {
        gen.writeStartArray();
        gen.writeNumber(round(seq.getX(i)));
        gen.writeNumber(round(seq.getY(i)));
        if (seq.hasZ() && !Double.isNaN(seq.getZ(i))) {
            gen.writeNumber(round(seq.getZ(i)));
        }
        gen.writeEndArray();
    }

    private BigDecimal round(double value) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
