package cn.mingjie.geocore.layer.geoserver;

/** GeoServer refused a request; the message names the request and quotes GeoServer's answer. */
public class GeoServerException extends RuntimeException {

    private final int status;

    public GeoServerException(String method, String path, int status, String answer) {
        super(method + " " + path + " → HTTP " + status + ": " + abbreviate(answer));
        this.status = status;
    }

    public GeoServerException(String method, String path, Exception cause) {
        super(method + " " + path + " failed: " + cause.getMessage(), cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 500 ? oneLine.substring(0, 500) + "…" : oneLine;
    }
}
