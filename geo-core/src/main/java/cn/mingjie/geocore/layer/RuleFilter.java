package cn.mingjie.geocore.layer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An SLD rule's OGC filter (Filter Encoding 1.0) in a form the map evaluates per feature: a comparison
 * ({@code op} one of {@code = <> < <= > >= like null}) of one property with a literal, a combination
 * ({@code and or not} over {@code filters}), or {@code else} (SLD ElseFilter: the features no other
 * rule of the style takes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleFilter(String op, String property, String value, List<RuleFilter> filters) {

    static RuleFilter compare(String op, String property, String value) {
        return new RuleFilter(op, property, value, null);
    }

    static RuleFilter combine(String op, List<RuleFilter> filters) {
        return new RuleFilter(op, null, null, List.copyOf(filters));
    }

    static final RuleFilter ELSE = new RuleFilter("else", null, null, null);

    /** The property names it reads, to check them against the layer's allowlist. */
    public List<String> properties() {
        if (property != null) {
            return List.of(property);
        }
        return filters == null
                ? List.of()
                : filters.stream().flatMap(f -> f.properties().stream()).toList();
    }
}
