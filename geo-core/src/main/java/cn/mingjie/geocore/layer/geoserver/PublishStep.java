package cn.mingjie.geocore.layer.geoserver;

/**
 * One step of bringing GeoServer to the catalogue's state: what (e.g. "style mingjie_district"), the
 * action (create, update, unchanged, seed) and the REST request that does it.
 */
public record PublishStep(String what, Action action, String method, String path) {

    public enum Action {
        CREATE,
        UPDATE,
        UNCHANGED,
        SEED
    }

    public boolean changes() {
        return action != Action.UNCHANGED;
    }

    @Override
    public String toString() {
        return String.format("%-9s %-40s %s %s", action, what, method == null ? "" : method, path);
    }
}
