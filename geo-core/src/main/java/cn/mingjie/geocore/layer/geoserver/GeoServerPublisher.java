package cn.mingjie.geocore.layer.geoserver;

import cn.mingjie.geocore.layer.LayerAttribute;
import cn.mingjie.geocore.layer.LayerCatalogue;
import cn.mingjie.geocore.layer.LayerDefinition;
import cn.mingjie.geocore.layer.SqlView;
import cn.mingjie.geocore.layer.geoserver.PublishStep.Action;
import cn.mingjie.geocore.layer.internal.GeoServerRest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a GeoServer to the catalogue's state through its REST API (docs.geoserver.org, "REST"):
 * reads each resource first and creates or updates only what differs, so a second run changes
 * nothing. A feature type carries the fingerprint of its layer definition and style as a keyword;
 * a changed definition re-publishes the layer and re-seeds it if it is a base layer. A dry run only
 * reads and returns the plan.
 */
public final class GeoServerPublisher {

    public static final String DATASTORE = "mingjie";
    public static final String BASE_GROUP = "base";
    public static final String FINGERPRINT_KEYWORD = "mingjie-fingerprint=";
    static final String JSON = "application/json";
    static final String SLD = "application/vnd.ogc.sld+xml";
    /** GeoWebCache seeds base layers up to this zoom; deeper tiles are rendered on demand. */
    static final int SEED_MAX_ZOOM = 10;

    private final GeoServerSettings settings;
    private final LayerCatalogue catalogue;
    private final GeoServerRest rest;
    private final ObjectMapper json = new ObjectMapper();

    public GeoServerPublisher(GeoServerSettings settings, LayerCatalogue catalogue) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.rest = new GeoServerRest(settings.url(), settings.username(), settings.password());
    }

    /** Static convenience: one run. */
    public static PublishReport publish(GeoServerSettings settings, LayerCatalogue catalogue, boolean dryRun) {
        return new GeoServerPublisher(settings, catalogue).run(dryRun);
    }

    public PublishReport run(boolean dryRun) {
        Run run = new Run(dryRun);
        run.workspace();
        run.datastore();
        Set<String> changedBase = new java.util.LinkedHashSet<>();
        for (LayerDefinition layer : catalogue.all()) {
            boolean styleChanged = run.style(layer);
            boolean typeChanged = run.featureType(layer);
            run.layerStyle(layer, typeChanged);
            if (layer.base() && (styleChanged || typeChanged)) {
                changedBase.add(layer.id());
            }
        }
        run.layerGroup();
        for (String id : changedBase) {
            run.seed(catalogue.get(id));
        }
        return new PublishReport(rest.base(), dryRun, run.steps);
    }

    private final class Run {
        final boolean dryRun;
        final List<PublishStep> steps = new ArrayList<>();
        final String ws = settings.workspace();

        Run(boolean dryRun) {
            this.dryRun = dryRun;
        }

        void workspace() {
            String what = "workspace " + ws;
            if (rest.get("/rest/workspaces/" + ws + ".json", JSON).isPresent()) {
                steps.add(new PublishStep(what, Action.UNCHANGED, "GET", "/rest/workspaces/" + ws));
                return;
            }
            ObjectNode body = json.createObjectNode();
            body.putObject("workspace").put("name", ws);
            write(what, Action.CREATE, "POST", "/rest/workspaces", JSON, body, 201);
        }

        void datastore() {
            String what = "datastore " + DATASTORE;
            String path = "/rest/workspaces/" + ws + "/datastores";
            Map<String, String> wanted = connectionParameters();
            ObjectNode body = json.createObjectNode();
            ObjectNode store = body.putObject("dataStore");
            store.put("name", DATASTORE);
            store.put("description", "名界 Mingjie PostGIS (schema layers)");
            store.put("type", "PostGIS");
            store.put("enabled", true);
            ArrayNode entries = store.putObject("connectionParameters").putArray("entry");
            wanted.forEach((k, v) -> entries.addObject().put("@key", k).put("$", v));
            Optional<String> existing = rest.get(path + "/" + DATASTORE + ".json", JSON);
            if (existing.isEmpty()) {
                write(what, Action.CREATE, "POST", path, JSON, body, 201);
                return;
            }
            Map<String, String> current = new LinkedHashMap<>();
            for (JsonNode e : array(read(existing.get()).at("/dataStore/connectionParameters/entry"))) {
                current.put(e.path("@key").asText(), e.path("$").asText());
            }
            boolean same = wanted.entrySet().stream()
                    .filter(e -> !e.getKey().equals("passwd")) // GeoServer answers with it encrypted
                    .allMatch(e -> e.getValue().equals(current.get(e.getKey())));
            if (same) {
                steps.add(new PublishStep(what, Action.UNCHANGED, "GET", path + "/" + DATASTORE));
            } else {
                write(what, Action.UPDATE, "PUT", path + "/" + DATASTORE, JSON, body, 200);
            }
        }

        /** Returns whether the style was created or changed. */
        boolean style(LayerDefinition layer) {
            String name = styleName(layer);
            String what = "style " + name;
            String path = "/rest/workspaces/" + ws + "/styles";
            String sld = catalogue.style(layer.id()).sld();
            Optional<String> existing = rest.get(path + "/" + name + ".sld", SLD);
            if (existing.isEmpty()) {
                write(what, Action.CREATE, "POST", path + "?name=" + name, SLD, sld, 201);
                return true;
            }
            if (existing.get().strip().equals(sld.strip())) {
                steps.add(new PublishStep(what, Action.UNCHANGED, "GET", path + "/" + name));
                return false;
            }
            write(what, Action.UPDATE, "PUT", path + "/" + name, SLD, sld, 200);
            return true;
        }

        /** Returns whether the feature type was created or changed. */
        boolean featureType(LayerDefinition layer) {
            String what = "featuretype " + layer.id();
            String path = "/rest/workspaces/" + ws + "/datastores/" + DATASTORE + "/featuretypes";
            String fingerprint =
                    FINGERPRINT_KEYWORD + catalogue.style(layer.id()).fingerprint();
            ObjectNode body = featureTypeBody(layer, fingerprint);
            Optional<String> existing = rest.get(path + "/" + layer.id() + ".json", JSON);
            if (existing.isEmpty()) {
                write(what, Action.CREATE, "POST", path, JSON, body, 201);
                return true;
            }
            for (JsonNode keyword : array(read(existing.get()).at("/featureType/keywords/string"))) {
                if (keyword.asText().equals(fingerprint)) {
                    steps.add(new PublishStep(what, Action.UNCHANGED, "GET", path + "/" + layer.id()));
                    return false;
                }
            }
            write(
                    what,
                    Action.UPDATE,
                    "PUT",
                    path + "/" + layer.id() + "?recalculate=nativebbox,latlonbbox",
                    JSON,
                    body,
                    200);
            return true;
        }

        void layerStyle(LayerDefinition layer, boolean typeChanged) {
            String what = "layer " + ws + ":" + layer.id() + " default style";
            String path = "/rest/workspaces/" + ws + "/layers/" + layer.id();
            String style = styleName(layer);
            Optional<String> existing = rest.get(path + ".json", JSON);
            if (!typeChanged && existing.isPresent()) {
                String current =
                        read(existing.get()).at("/layer/defaultStyle/name").asText();
                if (current.equals(style) || current.equals(ws + ":" + style)) {
                    steps.add(new PublishStep(what, Action.UNCHANGED, "GET", path));
                    return;
                }
            }
            ObjectNode body = json.createObjectNode();
            ObjectNode l = body.putObject("layer");
            l.putObject("defaultStyle").put("name", style).put("workspace", ws);
            l.put("queryable", true);
            write(what, Action.UPDATE, "PUT", path, JSON, body, 200);
        }

        void layerGroup() {
            String what = "layergroup " + ws + ":" + BASE_GROUP;
            String path = "/rest/workspaces/" + ws + "/layergroups";
            List<LayerDefinition> base =
                    catalogue.all().stream().filter(LayerDefinition::base).toList();
            ObjectNode body = json.createObjectNode();
            ObjectNode group = body.putObject("layerGroup");
            group.put("name", BASE_GROUP);
            group.put("title", "名界底图 Mingjie base map");
            group.put("mode", "SINGLE");
            ArrayNode published = group.putObject("publishables").putArray("published");
            ArrayNode styles = group.putObject("styles").putArray("style");
            List<String> wantedNames = new ArrayList<>();
            for (LayerDefinition d : base) {
                published.addObject().put("@type", "layer").put("name", ws + ":" + d.id());
                styles.addObject().put("name", ws + ":" + styleName(d));
                wantedNames.add(ws + ":" + d.id());
            }
            Optional<String> existing = rest.get(path + "/" + BASE_GROUP + ".json", JSON);
            if (existing.isEmpty()) {
                write(what, Action.CREATE, "POST", path, JSON, body, 201);
                return;
            }
            List<String> current = new ArrayList<>();
            for (JsonNode p : array(read(existing.get()).at("/layerGroup/publishables/published"))) {
                current.add(p.path("name").asText());
            }
            if (current.equals(wantedNames)) {
                steps.add(new PublishStep(what, Action.UNCHANGED, "GET", path + "/" + BASE_GROUP));
            } else {
                write(what, Action.UPDATE, "PUT", path + "/" + BASE_GROUP, JSON, body, 200);
            }
        }

        void seed(LayerDefinition layer) {
            String name = ws + ":" + layer.id();
            ObjectNode body = json.createObjectNode();
            ObjectNode seed = body.putObject("seedRequest");
            seed.put("name", name);
            seed.put("gridSetId", "EPSG:900913");
            seed.put("zoomStart", layer.minZoom());
            seed.put("zoomStop", Math.max(layer.minZoom(), Math.min(layer.maxZoom(), SEED_MAX_ZOOM)));
            seed.put("format", "image/png");
            // reseed: replaces the cached tiles of a changed layer instead of keeping stale ones.
            seed.put("type", "reseed");
            seed.put("threadCount", 1);
            write("gwc seed " + name, Action.SEED, "POST", "/gwc/rest/seed/" + name + ".json", JSON, body, 200);
        }

        private ObjectNode featureTypeBody(LayerDefinition layer, String fingerprint) {
            ObjectNode body = json.createObjectNode();
            ObjectNode ft = body.putObject("featureType");
            ft.put("name", layer.id());
            ft.put(
                    "nativeName",
                    layer.sqlView() == null
                            ? layer.source().substring(layer.source().indexOf('.') + 1)
                            : layer.id());
            ft.put("title", layer.titleZh());
            ft.put(
                    "abstract",
                    layer.titleEn() + (layer.derived() ? " — derived sample geometry, not legal boundaries" : ""));
            ft.putObject("keywords").putArray("string").add("名界").add("mingjie").add(fingerprint);
            ft.put("srs", "EPSG:4490");
            ft.put("projectionPolicy", "FORCE_DECLARED");
            ft.put("enabled", true);
            ArrayNode attributes = ft.putObject("attributes").putArray("attribute");
            for (LayerAttribute a : layer.attributes()) {
                attributes.addObject().put("name", a.name()).put("binding", binding(a.type()));
            }
            attributes
                    .addObject()
                    .put("name", layer.geometryColumn())
                    .put(
                            "binding",
                            "org.locationtech.jts.geom." + layer.geometryKind().postgisType());
            if (layer.sqlView() != null) {
                SqlView view = layer.sqlView();
                ObjectNode vt = ft.putObject("metadata")
                        .putArray("entry")
                        .addObject()
                        .put("@key", "JDBC_VIRTUAL_TABLE")
                        .putObject("virtualTable");
                vt.put("name", layer.id());
                vt.put("sql", view.sql());
                vt.put("escapeSql", true);
                vt.put("keyColumn", layer.idColumn());
                vt.putObject("geometry")
                        .put("name", layer.geometryColumn())
                        .put("type", layer.geometryKind().postgisType())
                        .put("srid", 4490);
                ArrayNode parameters = vt.putArray("parameter");
                for (SqlView.Parameter p : view.parameters()) {
                    parameters
                            .addObject()
                            .put("name", p.name())
                            .put("defaultValue", p.defaultValue())
                            .put("regexpValidator", p.regexpValidator());
                }
            }
            return body;
        }

        private Map<String, String> connectionParameters() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("dbtype", "postgis");
            p.put("host", settings.dbHost());
            p.put("port", String.valueOf(settings.dbPort()));
            p.put("database", settings.dbName());
            p.put("schema", "layers");
            p.put("user", settings.dbUser());
            p.put("passwd", settings.dbPassword());
            p.put("Expose primary keys", "true");
            // GeoServer's own mitigation of CVE-2023-25157: bind values, never encode filter functions as SQL.
            p.put("preparedStatements", "true");
            p.put("encode functions", "false");
            p.put("Loose bbox", "true");
            p.put("Estimated extends", "true");
            p.put("validate connections", "true");
            return p;
        }

        private void write(
                String what, Action action, String method, String path, String type, Object body, int status) {
            steps.add(new PublishStep(what, action, method, path));
            if (!dryRun) {
                String text = body instanceof String s ? s : toJson(body);
                rest.send(method, path, type, text, status, status == 201 ? 200 : status);
            }
        }

        private String toJson(Object body) {
            try {
                return json.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private JsonNode read(String text) {
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new GeoServerException("GET", rest.base(), 200, "unreadable JSON: " + text);
            }
        }

        /** GeoServer writes a one-element list as a bare object. */
        private List<JsonNode> array(JsonNode node) {
            List<JsonNode> list = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(list::add);
            } else if (!node.isMissingNode() && !node.isNull()) {
                list.add(node);
            }
            return list;
        }
    }

    public static String styleName(LayerDefinition layer) {
        return "mingjie_" + layer.id();
    }

    private static String binding(LayerAttribute.Type type) {
        return switch (type) {
            case TEXT -> "java.lang.String";
            case INTEGER -> "java.lang.Integer";
            case NUMBER -> "java.lang.Double";
            case BOOLEAN -> "java.lang.Boolean";
            case DATE -> "java.sql.Date";
        };
    }
}
