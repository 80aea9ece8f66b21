package cn.mingjie.facility.walking;

/**
 * How a walking figure was obtained. Every time, area and route carries one, so that a straight-line
 * estimate is never mistaken for a network result.
 *
 * @param id e.g. {@code network:andorra} or {@code fallback:straight-line}
 * @param fallback true when no road network was used
 * @param metresPerMinute the walking speed assumed
 * @param detourFactor network distance / straight-line distance assumed (1 for a real network)
 */
public record WalkingMethod(
        String id, boolean fallback, double metresPerMinute, double detourFactor, String label, String labelEn) {

    public static WalkingMethod network(String name) {
        return new WalkingMethod(
                "network:" + name,
                false,
                WalkingPace.METRES_PER_MINUTE,
                1.0,
                "路网步行（OSM " + name + "，" + WalkingPace.KM_PER_HOUR + " km/h）",
                "walking on the road network (OSM " + name + ", " + WalkingPace.KM_PER_HOUR + " km/h)");
    }

    public static WalkingMethod straightLine() {
        return new WalkingMethod(
                "fallback:straight-line",
                true,
                WalkingPace.METRES_PER_MINUTE,
                WalkingPace.DETOUR_FACTOR,
                "估算：无路网，直线距离×" + WalkingPace.DETOUR_FACTOR + "，" + WalkingPace.KM_PER_HOUR + " km/h",
                "estimate: no road network, straight line ×" + WalkingPace.DETOUR_FACTOR + " at "
                        + WalkingPace.KM_PER_HOUR + " km/h");
    }
}
