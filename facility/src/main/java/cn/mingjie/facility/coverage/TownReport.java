package cn.mingjie.facility.coverage;

/** The indicators of one town or sub-district (level-4 division). */
public record TownReport(
        String code,
        String name,
        boolean subDistrict,
        boolean centralTown,
        int population,
        int coveredPopulation,
        double coverageShare,
        boolean hasCentre,
        boolean hasComprehensiveInstitution,
        boolean hasFuneralStation,
        double elderCareLandM2,
        double landPerResidentM2,
        int urbanCommunities,
        int urbanCommunitiesWithStation,
        boolean fallback) {}
