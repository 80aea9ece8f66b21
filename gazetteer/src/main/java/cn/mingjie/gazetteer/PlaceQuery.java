package cn.mingjie.gazetteer;

import java.time.LocalDate;

/**
 * A register filter; null fields do not filter. {@code asOf} defaults to today. {@code division}
 * matches the place's division and everything below it (a 6-digit county code finds its villages).
 * {@code name} matches anywhere in the name; with {@code includeHistorical} also earlier names.
 */
public record PlaceQuery(
        String name,
        String categoryCode,
        String division,
        String status,
        LocalDate asOf,
        boolean includeHistorical,
        int limit,
        int offset) {

    public static final int MAX_LIMIT = 5000;

    public PlaceQuery {
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
    }

    public static PlaceQuery all(LocalDate asOf) {
        return new PlaceQuery(null, null, null, null, asOf, false, MAX_LIMIT, 0);
    }
}
