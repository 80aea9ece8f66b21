package cn.mingjie.geocore.layer;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One SLD rule as the built-in map applies it: the features its filter selects (null = all), the
 * scale range it is drawn in (SLD semantics: minScaleDenominator ≤ scale < maxScaleDenominator; null =
 * unbounded) and the Leaflet/canvas style of its symbolizers. Rules are listed in SLD order; a feature
 * is drawn by every rule that applies to it, as in GeoServer.
 *
 * @param name the rule's Name (English identifier), or null
 * @param title the rule's Title (what the legend shows; Chinese in Mingjie's styles), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StyleRule(
        String name,
        String title,
        RuleFilter filter,
        Double minScaleDenominator,
        Double maxScaleDenominator,
        LeafletStyle style) {}
