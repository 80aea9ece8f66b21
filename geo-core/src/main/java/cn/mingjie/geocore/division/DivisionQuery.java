package cn.mingjie.geocore.division;

import java.time.LocalDate;

/**
 * A listing filter; null fields do not filter. {@code asOf} defaults to today; {@code name}
 * matches anywhere in the name.
 */
public record DivisionQuery(
        String parentCode,
        DivisionLevel level,
        String name,
        LocalDate asOf,
        boolean withGeometry,
        int limit,
        int offset) {

    public static final int MAX_LIMIT = 5000;

    public DivisionQuery {
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
    }
}
