package cn.mingjie.geocore.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for GeoServer's REST API on loopback (GeoServer itself cannot be installed here) that
 * enforces the documented contract the publisher relies on:
 * <ul>
 *   <li>Basic authentication, else 401 — https://docs.geoserver.org/latest/en/user/rest/index.html
 *   <li>workspaces: POST /rest/workspaces {"workspace":{"name"}} → 201, 409 if it exists; GET 200/404 —
 *       https://docs.geoserver.org/latest/en/user/rest/workspaces.html
 *   <li>datastores: POST /rest/workspaces/{ws}/datastores {"dataStore":{"name","connectionParameters":
 *       {"entry":[{"@key","$"}]}}} → 201; PUT …/{ds} → 200; 404 without the workspace —
 *       https://docs.geoserver.org/latest/en/api/#1.0.0/datastores.yaml
 *   <li>feature types: POST …/datastores/{ds}/featuretypes {"featureType":{"name","srs",…}} → 201; PUT → 200 —
 *       https://docs.geoserver.org/latest/en/api/#1.0.0/featuretypes.yaml and, for SQL views,
 *       https://docs.geoserver.org/latest/en/user/data/database/sqlview.html
 *   <li>styles: POST /rest/workspaces/{ws}/styles?name= with Content-Type application/vnd.ogc.sld+xml → 201,
 *       other content types 415; GET {name}.sld; PUT → 200 —
 *       https://docs.geoserver.org/latest/en/user/rest/styles.html
 *   <li>layers: PUT /rest/workspaces/{ws}/layers/{name} → 200, 404 if no such layer —
 *       https://docs.geoserver.org/latest/en/api/#1.0.0/layers.yaml
 *   <li>layer groups: POST /rest/workspaces/{ws}/layergroups {"layerGroup":{"name","publishables"}} → 201 —
 *       https://docs.geoserver.org/latest/en/user/rest/layergroups.html
 *   <li>GeoWebCache: POST /gwc/rest/seed/{layer}.json {"seedRequest":{"name","zoomStart","zoomStop","type"}} → 200 —
 *       https://docs.geoserver.org/latest/en/user/geowebcache/rest/seed.html
 * </ul>
 */
public final class FakeGeoServer implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "geoserver";

    private static final Pattern WORKSPACE = Pattern.compile("/rest/workspaces/([^/.]+)(\\.json)?");
    private static final Pattern DATASTORES = Pattern.compile("/rest/workspaces/([^/]+)/datastores");
    private static final Pattern DATASTORE = Pattern.compile("/rest/workspaces/([^/]+)/datastores/([^/.]+)(\\.json)?");
    private static final Pattern FEATURETYPES =
            Pattern.compile("/rest/workspaces/([^/]+)/datastores/([^/]+)/featuretypes");
    private static final Pattern FEATURETYPE =
            Pattern.compile("/rest/workspaces/([^/]+)/datastores/([^/]+)/featuretypes/([^/.]+)(\\.json)?");
    private static final Pattern STYLES = Pattern.compile("/rest/workspaces/([^/]+)/styles");
    private static final Pattern STYLE = Pattern.compile("/rest/workspaces/([^/]+)/styles/([^/.]+)(\\.sld)?");
    private static final Pattern LAYER = Pattern.compile("/rest/workspaces/([^/]+)/layers/([^/.]+)(\\.json)?");
    private static final Pattern GROUPS = Pattern.compile("/rest/workspaces/([^/]+)/layergroups");
    private static final Pattern GROUP = Pattern.compile("/rest/workspaces/([^/]+)/layergroups/([^/.]+)(\\.json)?");
    private static final Pattern SEED = Pattern.compile("/gwc/rest/seed/([^/]+:[^/]+)\\.json");

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    /** Resource key (e.g. "ft:mingjie/mingjie/district") → stored representation. */
    public final Map<String, String> resources = new LinkedHashMap<>();

    public final List<String> writes = new ArrayList<>();
    public final List<JsonNode> seeds = new ArrayList<>();

    public FakeGeoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/geoserver/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/geoserver";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                answer(x, 401, "HTTP 401 Unauthorized");
                return;
            }
            URI uri = x.getRequestURI();
            String path = uri.getPath().substring("/geoserver".length());
            String method = x.getRequestMethod();
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = String.valueOf(x.getRequestHeaders().getFirst("Content-Type"));
            if (!method.equals("GET")) {
                writes.add(method + " " + path);
            }
            route(x, method, path, uri.getQuery(), type, body);
        } catch (MissingField e) {
            answer(x, 400, "missing required field " + e.getMessage());
        } catch (RuntimeException e) {
            answer(x, 500, e.toString());
        }
    }

    private void route(HttpExchange x, String method, String path, String query, String type, String body)
            throws IOException {
        Matcher m;
        if (method.equals("POST") && path.equals("/rest/workspaces")) {
            JsonNode n = jsonBody(x, type, body);
            if (n == null) return;
            create(x, "ws:" + required(n, "/workspace/name"), null, body);
        } else if ((m = WORKSPACE.matcher(path)).matches() && method.equals("GET")) {
            get(x, "ws:" + m.group(1));
        } else if ((m = DATASTORES.matcher(path)).matches() && method.equals("POST")) {
            JsonNode n = jsonBody(x, type, body);
            if (n == null) return;
            required(n, "/dataStore/connectionParameters/entry");
            create(x, "ds:" + m.group(1) + "/" + required(n, "/dataStore/name"), "ws:" + m.group(1), body);
        } else if ((m = DATASTORE.matcher(path)).matches()) {
            String key = "ds:" + m.group(1) + "/" + m.group(2);
            if (method.equals("GET")) {
                get(x, key);
            } else if (method.equals("PUT") && jsonBody(x, type, body) != null) {
                update(x, key, body);
            }
        } else if ((m = FEATURETYPES.matcher(path)).matches() && method.equals("POST")) {
            JsonNode n = jsonBody(x, type, body);
            if (n == null) return;
            required(n, "/featureType/srs");
            String name = required(n, "/featureType/name");
            String key = "ft:" + m.group(1) + "/" + m.group(2) + "/" + name;
            if (create(x, key, "ds:" + m.group(1) + "/" + m.group(2), body)) {
                // GeoServer publishes a layer for every new feature type, with a generated default style.
                resources.put(
                        "layer:" + m.group(1) + "/" + name,
                        "{\"layer\":{\"name\":\"" + name + "\",\"defaultStyle\":{\"name\":\"polygon\"}}}");
            }
        } else if ((m = FEATURETYPE.matcher(path)).matches()) {
            String key = "ft:" + m.group(1) + "/" + m.group(2) + "/" + m.group(3);
            if (method.equals("GET")) {
                get(x, key);
            } else if (method.equals("PUT") && jsonBody(x, type, body) != null) {
                update(x, key, body);
            }
        } else if ((m = STYLES.matcher(path)).matches() && method.equals("POST")) {
            if (!type.startsWith("application/vnd.ogc.sld+xml")) {
                answer(x, 415, "Unsupported Media Type " + type);
                return;
            }
            String name = query == null ? null : query.replaceFirst("^.*name=([^&]+).*$", "$1");
            if (name == null || !query.contains("name=")) {
                answer(x, 400, "style name required");
                return;
            }
            create(x, "style:" + m.group(1) + "/" + name, "ws:" + m.group(1), body);
        } else if ((m = STYLE.matcher(path)).matches()) {
            String key = "style:" + m.group(1) + "/" + m.group(2);
            if (method.equals("GET")) {
                get(x, key);
            } else if (method.equals("PUT")) {
                if (!type.startsWith("application/vnd.ogc.sld+xml")) {
                    answer(x, 415, "Unsupported Media Type " + type);
                    return;
                }
                update(x, key, body);
            }
        } else if ((m = LAYER.matcher(path)).matches()) {
            String key = "layer:" + m.group(1) + "/" + m.group(2);
            if (method.equals("GET")) {
                get(x, key);
            } else if (method.equals("PUT")) {
                JsonNode n = jsonBody(x, type, body);
                if (n == null) return;
                String style = required(n, "/layer/defaultStyle/name");
                if (!resources.containsKey("style:" + m.group(1) + "/" + style)) {
                    answer(x, 404, "No such style " + style);
                    return;
                }
                update(x, key, body);
            }
        } else if ((m = GROUPS.matcher(path)).matches() && method.equals("POST")) {
            JsonNode n = jsonBody(x, type, body);
            if (n == null) return;
            for (JsonNode p : n.at("/layerGroup/publishables/published")) {
                String[] name = p.path("name").asText().split(":");
                if (!resources.containsKey("layer:" + name[0] + "/" + name[1])) {
                    answer(x, 400, "No such layer " + p.path("name").asText());
                    return;
                }
            }
            required(n, "/layerGroup/publishables");
            create(x, "group:" + m.group(1) + "/" + required(n, "/layerGroup/name"), "ws:" + m.group(1), body);
        } else if ((m = GROUP.matcher(path)).matches()) {
            String key = "group:" + m.group(1) + "/" + m.group(2);
            if (method.equals("GET")) {
                get(x, key);
            } else if (method.equals("PUT") && jsonBody(x, type, body) != null) {
                update(x, key, body);
            }
        } else if ((m = SEED.matcher(path)).matches() && method.equals("POST")) {
            JsonNode n = jsonBody(x, type, body);
            if (n == null) return;
            required(n, "/seedRequest/zoomStop");
            String[] name = m.group(1).split(":");
            if (!resources.containsKey("layer:" + name[0] + "/" + name[1])) {
                answer(x, 400, "Unknown layer " + m.group(1));
                return;
            }
            seeds.add(n);
            answer(x, 200, "");
        } else {
            answer(x, 404, "No such resource " + method + " " + path);
        }
    }

    private JsonNode jsonBody(HttpExchange x, String type, String body) throws IOException {
        if (!type.startsWith("application/json")) {
            answer(x, 415, "Unsupported Media Type " + type);
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            answer(x, 400, "Malformed JSON");
            return null;
        }
    }

    private static String required(JsonNode n, String pointer) {
        JsonNode v = n.at(pointer);
        if (v.isMissingNode() || v.isNull()) {
            throw new MissingField(pointer);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private boolean create(HttpExchange x, String key, String parent, String body) throws IOException {
        if (parent != null && !resources.containsKey(parent)) {
            answer(x, 404, "No such " + parent);
            return false;
        }
        if (resources.containsKey(key)) {
            answer(x, 409, key + " already exists");
            return false;
        }
        resources.put(key, body);
        x.getResponseHeaders().add("Location", url() + "/rest/" + key);
        answer(x, 201, key);
        return true;
    }

    private void update(HttpExchange x, String key, String body) throws IOException {
        if (!resources.containsKey(key)) {
            answer(x, 404, "No such " + key);
            return;
        }
        resources.put(key, body);
        answer(x, 200, "");
    }

    private void get(HttpExchange x, String key) throws IOException {
        String stored = resources.get(key);
        if (stored == null) {
            answer(x, 404, "No such " + key);
        } else {
            answer(x, 200, stored);
        }
    }

    private static void answer(HttpExchange x, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    /** A required field is missing: GeoServer answers 400. */
    static final class MissingField extends RuntimeException {
        MissingField(String pointer) {
            super(pointer);
        }
    }
}
