package cn.mingjie.geocore.layer;

import java.util.List;

/**
 * A GeoServer SQL-view layer: GeoServer substitutes {@code %param%} textually into {@code sql}, so
 * every parameter carries a regular-expression validator that GeoServer applies first (the
 * validators accept Chinese where names are expected).
 */
public record SqlView(String sql, List<Parameter> parameters) {

    public record Parameter(String name, String defaultValue, String regexpValidator) {}

    public SqlView {
        parameters = List.copyOf(parameters);
    }
}
