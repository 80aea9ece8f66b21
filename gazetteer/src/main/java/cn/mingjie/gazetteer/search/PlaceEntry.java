package cn.mingjie.gazetteer.search;

import java.util.List;

/**
 * What a {@link NameSource} tells the index about one place.
 *
 * @param source the source id ("division", "geonames", "place")
 * @param key the source's own key of the entry (the unit of change tracking)
 * @param placeId the place the names belong to, e.g. "division:500152000000"; a non-{@code primary}
 *     entry adds names (aliases) to a place another source owns
 * @param primary whether this entry owns the place (its current name and attributes are shown)
 * @param currentName the name in force, shown in results
 * @param category a category id for filtering ("county", "township", "settlement", …)
 * @param level the administrative level 1–5 where it applies, else null
 * @param code the division code where it applies, else null
 * @param within the division codes the place lies in (itself included), for "everything below" filters
 * @param lon longitude (CGCS2000), null if unknown
 * @param lat latitude
 * @param approximateLocation whether lon/lat are borrowed (from the parent unit)
 * @param importance 0–1, ranks equally good matches (a district before a village)
 * @param version the source's version tag of the entry, shown with hits
 */
public record PlaceEntry(
        String source,
        String key,
        String placeId,
        boolean primary,
        String currentName,
        String category,
        Integer level,
        String code,
        List<String> within,
        Double lon,
        Double lat,
        boolean approximateLocation,
        double importance,
        String version,
        List<PlaceName> names) {}
