package cn.mingjie.geocore.layer.internal;

import cn.mingjie.geocore.layer.geoserver.GeoServerException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** A minimal GeoServer REST client on java.net.http: Basic auth, JSON or SLD bodies, status checks. */
public final class GeoServerRest {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    public GeoServerRest(String url, String username, String password) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String base() {
        return base;
    }

    /** The body of a GET, or empty on 404. */
    public Optional<String> get(String path, String accept) {
        HttpResponse<String> r = send("GET", path, null, null, accept);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        require(r, "GET", path, 200);
        return Optional.of(r.body());
    }

    public void send(String method, String path, String contentType, String body, int... expected) {
        require(send(method, path, contentType, body, "application/json"), method, path, expected);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", accept);
        if (body != null) {
            b.header("Content-Type", contentType + "; charset=UTF-8");
            b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GeoServerException(method, base + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeoServerException(method, base + path, e);
        }
    }

    private void require(HttpResponse<String> r, String method, String path, int... expected) {
        for (int status : expected) {
            if (r.statusCode() == status) {
                return;
            }
        }
        throw new GeoServerException(method, base + path, r.statusCode(), r.body());
    }
}
