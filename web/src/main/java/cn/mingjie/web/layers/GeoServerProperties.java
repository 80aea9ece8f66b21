package cn.mingjie.web.layers;

import cn.mingjie.geocore.layer.geoserver.GeoServerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the bureau's GeoServer is ({@code mingjie.geoserver.url}, e.g. http://gis.example:8080/geoserver)
 * and how GeoServer reaches Mingjie's database. Without a URL the map uses the built-in tiles.
 */
@ConfigurationProperties("mingjie.geoserver")
public record GeoServerProperties(
        String url, String username, String password, String workspace, String publicUrl, Database database) {

    /** The PostGIS connection GeoServer's datastore gets (GeoServer's view of the database host). */
    public record Database(String host, Integer port, String name, String user, String password) {}

    public boolean configured() {
        return url != null && !url.isBlank();
    }

    /** The URL browsers use for WMS/WMTS (a proxy path, say), defaulting to the REST URL. */
    public String browserUrl() {
        return publicUrl == null || publicUrl.isBlank() ? url : publicUrl;
    }

    public String workspaceName() {
        return workspace == null || workspace.isBlank() ? "mingjie" : workspace;
    }

    GeoServerSettings settings() {
        Database db = database == null ? new Database(null, null, null, null, null) : database;
        return new GeoServerSettings(
                url,
                username == null ? "admin" : username,
                password == null ? "" : password,
                workspaceName(),
                db.host() == null ? "localhost" : db.host(),
                db.port() == null ? 5432 : db.port(),
                db.name() == null ? "mingjie" : db.name(),
                db.user() == null ? "mingjie" : db.user(),
                db.password() == null ? "" : db.password());
    }
}
