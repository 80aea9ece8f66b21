package cn.mingjie.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small real-HTTP client for tests: JSON in and out, optional Basic auth and headers. */
public final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final ObjectMapper json = new ObjectMapper();

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Answer(int status, String body, java.net.http.HttpHeaders headers, JsonNode json) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Answer send(String method, String path, String jsonBody, String... headers) {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .method(method, body)
                        .header("Content-Type", "application/json"),
                headers);
    }

    public static String[] basic(String user, String password, String... more) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String[] all = new String[more.length + 2];
        all[0] = "Authorization";
        all[1] = "Basic " + token;
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }

    private Answer send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r =
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode node = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json")) {
                node = json.readTree(r.body());
            }
            return new Answer(r.statusCode(), r.body(), r.headers(), node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
