package cn.mingjie.data;

import cn.mingjie.geocore.division.DivisionCodes;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.geojson.GeoJsonFeature;
import cn.mingjie.geocore.geojson.GeoJsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * District polygons from 天地图 (CGCS2000, so no datum shift), and the municipality's polygon as
 * their union. The DataV set is GCJ-02 and not used for geometry.
 */
@Component
public class DistrictPolygonLoader {

    static final String SOURCE = "tianditu";
    private static final String CHONGQING = "500000000000";
    private static final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4490);

    private final DivisionRegister register;

    public DistrictPolygonLoader(DivisionRegister register) {
        this.register = register;
    }

    int load(Resource geojson) {
        List<Geometry> all = new ArrayList<>();
        // Validated on the way in (rings, self-intersections, extent, axis order): a bad file fails the load.
        for (GeoJsonFeature feature : new GeoJsonInput().readFeatureCollection(read(geojson))) {
            Map<String, Object> p = feature.properties();
            String code = DivisionCodes.toTwelveDigits(String.valueOf(p.get("district_adcode")));
            MultiPolygon polygon = asMultiPolygon(feature.geometry());
            register.setCurrentGeometry(code, polygon, SOURCE);
            register.setCurrentSeat(
                    code,
                    factory.createPoint(new Coordinate(
                            ((Number) p.get("lon")).doubleValue(), ((Number) p.get("lat")).doubleValue())),
                    SOURCE + ":label-point");
            all.add(polygon);
        }
        Geometry union = factory.buildGeometry(all).union();
        register.setCurrentGeometry(CHONGQING, asMultiPolygon(union), SOURCE + ":union-of-districts");
        return all.size();
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MultiPolygon asMultiPolygon(Geometry g) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        if (g instanceof Polygon p) {
            return factory.createMultiPolygon(new Polygon[] {p});
        }
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                parts.add(p);
            }
        }
        return factory.createMultiPolygon(parts.toArray(Polygon[]::new));
    }
}
