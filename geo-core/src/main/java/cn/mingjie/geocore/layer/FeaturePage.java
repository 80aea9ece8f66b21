package cn.mingjie.geocore.layer;

import java.util.List;

/** A page of features and whether more follow it. */
public record FeaturePage(List<LayerFeature> features, boolean more) {}
