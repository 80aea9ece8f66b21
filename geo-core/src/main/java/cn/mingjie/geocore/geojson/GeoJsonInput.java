package cn.mingjie.geocore.geojson;

import cn.mingjie.geocore.crs.ChineseCrs;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads GeoJSON geometries, features and feature collections into JTS geometries with SRID 4490.
 *
 * <p>The JSON is walked by hand rather than through JTS' GeoJsonReader so that unclosed or short
 * rings and malformed positions are reported at their JSON pointer instead of as the first
 * exception a geometry constructor throws. Structural problems are all collected; only if there are
 * none is the geometry built and checked against {@link GeometryRules}. Any problem throws a {@link
 * ValidationException} listing them all; nothing is returned half-read.
 */
public final class GeoJsonInput {

    // GeoJSON is lon/lat by definition; these names say so and are all we accept besides none.
    private static final Set<String> LON_LAT_CRS_NAMES = Set.of(
            "EPSG:4490",
            "urn:ogc:def:crs:EPSG::4490",
            "EPSG:4326",
            "urn:ogc:def:crs:EPSG::4326",
            "urn:ogc:def:crs:OGC:1.3:CRS84",
            "urn:ogc:def:crs:OGC::CRS84");

    private static final Set<String> COORDINATE_TYPES =
            Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), ChineseCrs.CGCS2000);
    private boolean rulesApplied = true;

    /**
     * Whether to apply {@link GeometryRules} (China extent, OGC validity) to the geometries read; the
     * GeoJSON structure is always checked. Turn off only to load third-party data as published (the
     * DataV district outlines, for one, self-intersect in places); input from users is always checked.
     */
    public void setRulesApplied(boolean rulesApplied) {
        this.rulesApplied = rulesApplied;
    }

    /** A bare GeoJSON geometry object ({@code {"type":"Polygon",…}}). */
    public Geometry readGeometry(String json) {
        Walk walk = new Walk();
        Geometry geometry = walk.geometry(parse(json), "");
        walk.finish();
        return geometry;
    }

    public GeoJsonFeature readFeature(String json) {
        Walk walk = new Walk();
        GeoJsonFeature feature = walk.feature(parse(json), "");
        walk.finish();
        return feature;
    }

    /** The features of a FeatureCollection, in order. */
    public List<GeoJsonFeature> readFeatureCollection(String json) {
        JsonNode root = parse(json);
        Walk walk = new Walk();
        List<GeoJsonFeature> features = new ArrayList<>();
        if (walk.expectType(root, "", "FeatureCollection")) {
            JsonNode array = root.get("features");
            if (array == null || !array.isArray()) {
                walk.problem("/features", "error.geometry.malformed");
            } else {
                walk.crs(root, "");
                for (int i = 0; i < array.size(); i++) {
                    features.add(walk.feature(array.get(i), "/features/" + i));
                }
            }
        }
        walk.finish();
        return features;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = json == null ? null : JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw ValidationException.of("", "error.geometry.parse", 1, 1);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw ValidationException.of(
                    "", "error.geometry.parse", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        }
    }

    /** One reading: the problems found so far. */
    private final class Walk {

        private final List<FieldProblem> problems = new ArrayList<>();

        void problem(String path, String key, Object... args) {
            problems.add(new FieldProblem(path, key, args));
        }

        void finish() {
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
        }

        boolean expectType(JsonNode node, String path, String type) {
            if (node == null || !node.isObject() || !node.path("type").isTextual()) {
                problem(path, "error.geometry.malformed");
                return false;
            }
            if (!type.equals(node.get("type").asText())) {
                problem(
                        path + "/type",
                        "error.geometry.type-unsupported",
                        node.get("type").asText());
                return false;
            }
            return true;
        }

        void crs(JsonNode object, String path) {
            JsonNode crs = object.get("crs");
            if (crs != null && !crs.isNull()) {
                String name = crs.path("properties").path("name").asText("");
                if (!LON_LAT_CRS_NAMES.contains(name)) {
                    problem(path + "/crs", "error.geometry.crs-unsupported", name);
                }
            }
        }

        GeoJsonFeature feature(JsonNode node, String path) {
            if (!expectType(node, path, "Feature")) {
                return null;
            }
            crs(node, path);
            JsonNode id = node.get("id");
            Object featureId = null;
            if (id != null && !id.isNull()) {
                if (id.isTextual()) {
                    featureId = id.asText();
                } else if (id.isNumber()) {
                    featureId = id.numberValue();
                } else {
                    problem(path + "/id", "error.geometry.malformed");
                }
            }
            JsonNode props = node.get("properties");
            Map<String, Object> properties = Map.of();
            if (props != null && !props.isNull()) {
                if (props.isObject()) {
                    properties = JSON.convertValue(props, new TypeReference<Map<String, Object>>() {});
                } else {
                    problem(path + "/properties", "error.geometry.malformed");
                }
            }
            JsonNode geometryNode = node.get("geometry");
            if (geometryNode == null) {
                problem(path + "/geometry", "error.geometry.malformed");
                return null;
            }
            Geometry geometry = geometryNode.isNull() ? null : geometry(geometryNode, path + "/geometry");
            return new GeoJsonFeature(featureId, geometry, properties);
        }

        /** Builds the geometry if its structure is sound, then applies the rules; null after a problem. */
        Geometry geometry(JsonNode node, String path) {
            int before = problems.size();
            Geometry geometry = build(node, path);
            if (problems.size() > before) {
                return null;
            }
            if (rulesApplied) {
                problems.addAll(GeometryRules.check(geometry, path));
            }
            return geometry;
        }

        private Geometry build(JsonNode node, String path) {
            if (node == null || !node.isObject() || !node.path("type").isTextual()) {
                problem(path, "error.geometry.malformed");
                return null;
            }
            crs(node, path);
            String type = node.get("type").asText();
            if (type.equals("GeometryCollection")) {
                JsonNode members = node.get("geometries");
                if (members == null || !members.isArray()) {
                    problem(path + "/geometries", "error.geometry.malformed");
                    return null;
                }
                Geometry[] parts = parts(members, path + "/geometries", this::build, Geometry[]::new);
                return parts == null ? null : factory.createGeometryCollection(parts);
            }
            JsonNode c = node.get("coordinates");
            String at = path + "/coordinates";
            if (c == null || !c.isArray()) {
                if (!COORDINATE_TYPES.contains(type)) {
                    problem(path + "/type", "error.geometry.type-unsupported", type);
                } else {
                    problem(at, "error.geometry.malformed");
                }
                return null;
            }
            return switch (type) {
                case "Point" -> point(c, at);
                case "MultiPoint" -> multi(parts(c, at, this::point, Point[]::new), factory::createMultiPoint);
                case "LineString" -> line(c, at);
                case "MultiLineString" -> multi(
                        parts(c, at, this::line, LineString[]::new), factory::createMultiLineString);
                case "Polygon" -> polygon(c, at);
                case "MultiPolygon" -> multi(parts(c, at, this::polygon, Polygon[]::new), factory::createMultiPolygon);
                default -> {
                    problem(path + "/type", "error.geometry.type-unsupported", type);
                    yield null;
                }
            };
        }

        private interface PartReader<T> {
            T read(JsonNode node, String path);
        }

        /** Reads every element of an array; null if any of them had a problem (all are reported). */
        private <T> T[] parts(JsonNode array, String path, PartReader<T> reader, IntFunction<T[]> newArray) {
            if (!array.isArray()) {
                problem(path, "error.geometry.malformed");
                return null;
            }
            int before = problems.size();
            T[] parts = newArray.apply(array.size());
            for (int i = 0; i < parts.length; i++) {
                parts[i] = reader.read(array.get(i), path + "/" + i);
            }
            return problems.size() > before ? null : parts;
        }

        private static <T> Geometry multi(T[] parts, Function<T[], Geometry> create) {
            return parts == null ? null : create.apply(parts);
        }

        private Point point(JsonNode position, String path) {
            if (position.isArray() && position.isEmpty()) {
                return factory.createPoint();
            }
            Coordinate c = position(position, path);
            return c == null ? null : factory.createPoint(c);
        }

        private LineString line(JsonNode array, String path) {
            Coordinate[] positions = positions(array, path);
            if (positions == null) {
                return null;
            }
            if (positions.length == 1) {
                problem(path, "error.geometry.line-too-short", positions.length);
                return null;
            }
            return factory.createLineString(positions);
        }

        private Polygon polygon(JsonNode array, String path) {
            LinearRing[] rings = parts(array, path, this::ring, LinearRing[]::new);
            if (rings == null) {
                return null;
            }
            if (rings.length == 0) {
                return factory.createPolygon();
            }
            return factory.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
        }

        private LinearRing ring(JsonNode array, String path) {
            Coordinate[] positions = positions(array, path);
            if (positions == null) {
                return null;
            }
            if (positions.length < 4) {
                problem(path, "error.geometry.ring-too-short", positions.length);
                return null;
            }
            if (!positions[0].equals2D(positions[positions.length - 1])) {
                problem(path, "error.geometry.ring-not-closed", positions[0].getX(), positions[0].getY());
                return null;
            }
            return factory.createLinearRing(positions);
        }

        private Coordinate[] positions(JsonNode array, String path) {
            return parts(array, path, this::position, Coordinate[]::new);
        }

        /** [lon, lat] or [lon, lat, height]; RFC 7946 allows more elements, which we ignore. */
        private Coordinate position(JsonNode node, String path) {
            if (!node.isArray() || node.size() < 2) {
                problem(path, "error.geometry.position-invalid");
                return null;
            }
            int n = Math.min(node.size(), 3);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                JsonNode e = node.get(i);
                if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                    problem(path, "error.geometry.position-invalid");
                    return null;
                }
                v[i] = e.asDouble();
            }
            return n == 3 ? new Coordinate(v[0], v[1], v[2]) : new Coordinate(v[0], v[1]);
        }
    }
}
