package cn.mingjie.data;

import cn.mingjie.geocore.division.DivisionCodes;
import cn.mingjie.geocore.division.DivisionRegister;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
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
        GeoJsonReader reader = new GeoJsonReader(factory);
        try (InputStream in = geojson.getInputStream()) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode feature : root.get("features")) {
                String code = DivisionCodes.toTwelveDigits(
                        feature.get("properties").get("district_adcode").asText());
                MultiPolygon polygon =
                        asMultiPolygon(reader.read(feature.get("geometry").toString()));
                register.setCurrentGeometry(code, polygon, SOURCE);
                register.setCurrentSeat(
                        code,
                        factory.createPoint(new org.locationtech.jts.geom.Coordinate(
                                feature.get("properties").get("lon").asDouble(),
                                feature.get("properties").get("lat").asDouble())),
                        SOURCE + ":label-point");
                all.add(polygon);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("bad geometry in " + geojson.getDescription(), e);
        }
        Geometry union = factory.buildGeometry(all).union();
        register.setCurrentGeometry(CHONGQING, asMultiPolygon(union), SOURCE + ":union-of-districts");
        return all.size();
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
