package cn.mingjie.geocore.geojson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The Chongqing district polygons shipped in test resources (see boundaries/README.md), by 6-digit
 * adcode: DataV in GCJ-02 and Tianditu in CGCS2000.
 */
public final class TestBoundaries {

    private static Map<String, Geometry> datav;
    private static Map<String, Geometry> tianditu;

    private TestBoundaries() {}

    /** DataV polygons, GCJ-02, read as published (upstream data is not ours to reject). */
    public static synchronized Map<String, Geometry> datav() {
        if (datav == null) {
            datav = read("cq_districts_datav.geojson", "adcode");
        }
        return datav;
    }

    /** Tianditu polygons, CGCS2000, strongly simplified. */
    public static synchronized Map<String, Geometry> tianditu() {
        if (tianditu == null) {
            tianditu = read("cq_districts_tianditu.geojson", "district_adcode");
        }
        return tianditu;
    }

    private static Map<String, Geometry> read(String file, String codeProperty) {
        GeoJsonInput input = new GeoJsonInput();
        // DataV has self-intersections in six districts; we keep upstream data as published.
        input.setRulesApplied(false);
        Map<String, Geometry> byCode = new LinkedHashMap<>();
        for (GeoJsonFeature f : input.readFeatureCollection(resource("/boundaries/" + file))) {
            byCode.put(String.valueOf(f.properties().get(codeProperty)), f.geometry());
        }
        return byCode;
    }

    private static String resource(String path) {
        try (InputStream in = TestBoundaries.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
