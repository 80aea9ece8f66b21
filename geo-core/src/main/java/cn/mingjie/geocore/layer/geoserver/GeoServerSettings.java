package cn.mingjie.geocore.layer.geoserver;

/**
 * A GeoServer to publish to ({@code url} ends with the context, e.g. http://gis:8080/geoserver) and the
 * PostGIS connection its datastore gets — as GeoServer sees the database, which may differ from
 * how Mingjie sees it.
 */
public record GeoServerSettings(
        String url,
        String username,
        String password,
        String workspace,
        String dbHost,
        int dbPort,
        String dbName,
        String dbUser,
        String dbPassword) {

    @Override
    public String toString() {
        // Never print passwords in plans and logs.
        return "GeoServerSettings[" + url + ", user " + username + ", workspace " + workspace + ", db " + dbUser + "@"
                + dbHost + ":" + dbPort + "/" + dbName + "]";
    }
}
