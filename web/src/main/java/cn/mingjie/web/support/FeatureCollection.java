package cn.mingjie.web.support;

import java.util.List;

/** A GeoJSON FeatureCollection. */
public record FeatureCollection(String type, List<Feature> features) {

    public static FeatureCollection of(List<Feature> features) {
        return new FeatureCollection("FeatureCollection", features);
    }
}
