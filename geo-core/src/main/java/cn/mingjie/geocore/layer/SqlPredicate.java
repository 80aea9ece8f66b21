package cn.mingjie.geocore.layer;

import java.util.List;

/**
 * A where-clause fragment and its parameters. The SQL text holds only column names from a layer's
 * allowlist, operators and {@code ?}; every value a user gave is in {@code parameters}.
 */
public record SqlPredicate(String sql, List<Object> parameters) {

    public static final SqlPredicate TRUE = new SqlPredicate("true", List.of());

    public SqlPredicate {
        parameters = List.copyOf(parameters);
    }
}
