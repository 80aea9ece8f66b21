package cn.mingjie.boundary;

import java.util.List;
import org.locationtech.jts.geom.LineString;

/**
 * An administrative boundary line (行政区域界线) between two units, or one of the lines meeting at a
 * junction of three (三交点, then {@code parties} has three codes). The geometry runs west→east or
 * north→south, the direction in which markers are numbered.
 */
public record BoundaryLine(
        long id,
        String code,
        String name,
        int level,
        List<String> parties,
        String agreementRef,
        LegalStatus legalStatus,
        LineString geometry,
        String geometrySource,
        String notes,
        int rowVersion) {

    public String versionTag() {
        return id + "." + rowVersion;
    }

    /** Derived from polygons rather than taken from an agreement: shown as such, never as legal. */
    public boolean derived() {
        return geometrySource != null && geometrySource.startsWith("derived:");
    }
}
