package cn.mingjie.gazetteer.search;

import java.time.LocalDate;

/**
 * One place found. {@code name} is its current name; {@code matchedName} the name that matched (a
 * former name or an alias, with its validity period); {@code score} orders hits (higher is better).
 */
public record SearchHit(
        String placeId,
        String source,
        String name,
        String matchedName,
        NameKind matchedNameKind,
        LocalDate matchedValidFrom,
        LocalDate matchedValidTo,
        MatchType matchType,
        double score,
        String category,
        Integer level,
        String code,
        Double lon,
        Double lat,
        boolean approximateLocation,
        String version) {}
