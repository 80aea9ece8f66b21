package cn.mingjie.facility.coverage;

import java.util.List;

/**
 * New station sites chosen by the greedy maximal-covering heuristic, with the exact optimum and the
 * greedy choice's gap where the instance is small enough to enumerate ({@code exactCovered} null
 * otherwise).
 */
public record SiteSuggestion(
        String districtCode,
        int k,
        double minutes,
        int candidates,
        long uncoveredPopulationBefore,
        List<Site> sites,
        long greedyCovered,
        Long exactCovered,
        Double gapPercent,
        String walkingMethod,
        boolean fallback) {

    /** A suggested site at a community's point and the population it newly brings within reach. */
    public record Site(String communityCode, String name, double lon, double lat, long addedPopulation) {}
}
