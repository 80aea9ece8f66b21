package cn.mingjie.geocore.layer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the tiles of a large point layer are thinned, so that a low-zoom tile holds the important names
 * rather than tens of thousands of overlapping ones (a z8 tile covers ≈20,000 km², ≈28,000 names at
 * the national density of 13.2 million). Each feature's importance comes from one allowlisted
 * attribute: {@code minZoomByValue} gives the smallest zoom at which features with that value appear
 * (e.g. county seats from z6, townships from z8, villages from z10), other values appear from
 * {@code defaultMinZoom}; and a tile holds at most {@code maxFeaturesPerTile}, the earliest-appearing
 * first (ties by id, so the same tile always holds the same features).
 */
public record Thinning(
        String attribute, Map<String, Integer> minZoomByValue, int defaultMinZoom, int maxFeaturesPerTile) {

    public Thinning {
        if (!LayerAttribute.IDENTIFIER.matcher(attribute).matches()) {
            throw new IllegalArgumentException("bad thinning attribute " + attribute);
        }
        if (maxFeaturesPerTile < 1) {
            throw new IllegalArgumentException("a tile must be allowed at least one feature");
        }
        minZoomByValue = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(minZoomByValue));
    }

    /** Features whose {@code attribute} has a listed value appear from its zoom, the others from {@code defaultMinZoom}. */
    public static Thinning byAttribute(String attribute, Map<String, Integer> minZoomByValue, int defaultMinZoom) {
        return new Thinning(attribute, minZoomByValue, defaultMinZoom, DEFAULT_MAX_FEATURES);
    }

    /** A canvas tile of 256 px shows a few hundred labels at most; beyond that they only cost bytes. */
    public static final int DEFAULT_MAX_FEATURES = 1000;

    public Thinning maxFeaturesPerTile(int max) {
        return new Thinning(attribute, minZoomByValue, defaultMinZoom, max);
    }
}
