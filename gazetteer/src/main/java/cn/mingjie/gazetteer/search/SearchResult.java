package cn.mingjie.gazetteer.search;

import java.util.List;

/**
 * The hits, best first, and how the query was understood: {@code normalizedQuery} after full-width,
 * traditional → simplified and case folding; {@code area} the division an "area + name" query was
 * restricted to, if any.
 */
public record SearchResult(String normalizedQuery, String area, List<SearchHit> hits) {}
