package cn.mingjie.geocore.division;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One version of an administrative division: the unit with code {@code code} as it was from {@code
 * validFrom} (inclusive) to {@code validTo} (exclusive, null while current). A rename, split or
 * merger closes a version and opens a new one; nothing is overwritten.
 */
public record Division(
        long versionId,
        String code,
        String name,
        DivisionLevel level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        Geometry geometry,
        String geometrySource,
        Point seat,
        String seatSource,
        String source,
        String changeReason,
        int rowVersion) {

    /** The optimistic-concurrency tag of this version (an HTTP ETag value). */
    public String versionTag() {
        return versionId + "." + rowVersion;
    }

    public boolean isCurrent() {
        return validTo == null;
    }

    public boolean hasDerivedGeometry() {
        return geometrySource != null && geometrySource.startsWith("derived:");
    }
}
