package cn.mingjie.facility;

import java.util.Set;

/**
 * A filter on the registry. {@code divisionPrefix} selects by division code prefix (e.g. "500152" for
 * 潼南区); unpublished facilities are included only when {@code includeUnpublished}.
 */
public record FacilityQuery(Set<FacilityType> types, String divisionPrefix, boolean includeUnpublished) {

    public static FacilityQuery published() {
        return new FacilityQuery(Set.of(), null, false);
    }

    public static FacilityQuery publishedIn(String divisionPrefix) {
        return new FacilityQuery(Set.of(), divisionPrefix, false);
    }
}
