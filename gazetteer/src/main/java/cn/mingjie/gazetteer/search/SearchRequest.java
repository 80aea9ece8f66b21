package cn.mingjie.gazetteer.search;

import java.time.LocalDate;

/**
 * A search. Null fields do not filter. {@code within} is a division code: the hit must lie in it or
 * be it. {@code asOf} restricts matching to names valid on that date. {@code focusLon/focusLat} bias
 * towards a map centre. {@code autocomplete} favours prefixes (search as you type).
 */
public record SearchRequest(
        String query,
        boolean autocomplete,
        Integer level,
        String category,
        String within,
        LocalDate asOf,
        BoundingBox bbox,
        Double focusLon,
        Double focusLat,
        int limit) {

    public static final int MAX_LIMIT = 100;

    /** West, south, east, north in degrees (CGCS2000). */
    public record BoundingBox(double west, double south, double east, double north) {}

    public SearchRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, false, null, null, null, null, null, null, null, 10);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, autocomplete, level, category, within, asOf, bbox, focusLon, focusLat, n);
    }

    public SearchRequest autocompleting() {
        return new SearchRequest(query, true, level, category, within, asOf, bbox, focusLon, focusLat, limit);
    }

    public SearchRequest within(String code) {
        return new SearchRequest(query, autocomplete, level, category, code, asOf, bbox, focusLon, focusLat, limit);
    }

    public SearchRequest asOf(LocalDate date) {
        return new SearchRequest(query, autocomplete, level, category, within, date, bbox, focusLon, focusLat, limit);
    }

    public SearchRequest level(Integer l) {
        return new SearchRequest(query, autocomplete, l, category, within, asOf, bbox, focusLon, focusLat, limit);
    }

    public SearchRequest bbox(BoundingBox b) {
        return new SearchRequest(query, autocomplete, level, category, within, asOf, b, focusLon, focusLat, limit);
    }

    public SearchRequest focus(double lon, double lat) {
        return new SearchRequest(query, autocomplete, level, category, within, asOf, bbox, lon, lat, limit);
    }
}
