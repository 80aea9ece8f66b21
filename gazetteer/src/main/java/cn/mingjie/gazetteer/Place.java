package cn.mingjie.gazetteer;

import java.util.List;

/**
 * A place with a stable id and its whole life: every version (oldest first), the names it had, and
 * its lineage (records it supersedes and records that superseded it).
 */
public record Place(
        long placeId,
        String divisionCode,
        boolean deprecated,
        String deprecatedReason,
        List<PlaceVersion> versions,
        List<HistoricalName> historicalNames,
        List<Long> supersedes,
        List<Long> supersededBy) {

    /** The open version, or null when the place ceased. */
    public PlaceVersion current() {
        return versions.stream().filter(PlaceVersion::isCurrent).findFirst().orElse(null);
    }

    public boolean ceased() {
        return current() == null && !versions.isEmpty();
    }
}
