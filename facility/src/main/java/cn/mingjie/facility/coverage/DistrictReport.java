package cn.mingjie.facility.coverage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The plan indicators of a district with their breakdown: per town, per community, and the gaps
 * (sub-districts without a centre, urban communities without a station). {@code notes} state the
 * assumptions (walking speed, fallback, synthetic data) that apply.
 */
public record DistrictReport(
        String code,
        String name,
        OffsetDateTime computedAt,
        long computeMillis,
        List<Indicator> indicators,
        List<TownReport> towns,
        List<CommunityAccess> communities,
        List<TownReport> subDistrictsWithoutCentre,
        List<CommunityAccess> communitiesWithoutStation,
        List<String> walkingMethods,
        boolean fallback,
        List<String> notes) {}
