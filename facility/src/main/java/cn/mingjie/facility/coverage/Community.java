package cn.mingjie.facility.coverage;

import org.locationtech.jts.geom.Point;

/**
 * A community (社区居民委员会) or village (村民委员会) — a level-5 division — with its population and
 * representative point where known. Sources say where each came from (e.g. {@code synthetic-sample},
 * {@code derived:random-in-township seed=…}).
 */
public record Community(
        String code,
        String name,
        String townCode,
        String townName,
        Integer population,
        String populationSource,
        Point point,
        String pointSource) {

    /** Urban communities are what "一社区一站" counts; villages are not. */
    public boolean isUrbanCommunity() {
        return name.contains("社区");
    }

    public int populationOrZero() {
        return population == null ? 0 : population;
    }

    public boolean hasDerivedPoint() {
        return pointSource != null && pointSource.startsWith("derived:");
    }
}
