package cn.mingjie.facility.coverage;

/**
 * One plan target and where the district stands: {@code value} against {@code target} (same unit),
 * and the figure as text, e.g. "12/15". {@code walkingMethod} names how walking times were obtained
 * for walking-based indicators (null otherwise); {@code fallback} is true when any of them is a
 * straight-line estimate.
 */
public record Indicator(
        String key,
        String name,
        String nameEn,
        double value,
        double target,
        String unit,
        boolean achieved,
        String figure,
        String walkingMethod,
        boolean fallback) {}
