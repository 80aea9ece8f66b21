package cn.mingjie.facility.coverage;

/**
 * A community's walk to its nearest operating elder-care facility. {@code nearestMinutes} is null when
 * none is within {@link CoverageService#NEAREST_SEARCH_MINUTES} or the community has no point.
 */
public record CommunityAccess(
        String code,
        String name,
        String townCode,
        String townName,
        int population,
        String populationSource,
        Double lon,
        Double lat,
        String pointSource,
        boolean urbanCommunity,
        boolean hasStation,
        Double nearestMinutes,
        Long nearestFacilityId,
        String nearestFacilityName,
        String walkingMethod,
        boolean fallback) {

    public boolean coveredWithin(double minutes) {
        return nearestMinutes != null && nearestMinutes <= minutes;
    }
}
