package cn.mingjie.gazetteer;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One version of a place: the name and attributes it had from {@code validFrom} (inclusive) to
 * {@code validTo} (exclusive, null while current). For an administrative division ({@code
 * fromDivision}) the version is read from the division register and has no 专名/通名 split stored.
 * {@code endReason} says how a closed version ended: renamed, changed, superseded or ceased.
 */
public record PlaceVersion(
        long placeId,
        String versionTag,
        boolean fromDivision,
        String properName,
        String genericName,
        String name,
        String romanization,
        String shortName,
        List<String> aliases,
        String categoryCode,
        String divisionCode,
        String meaning,
        String origin,
        String description,
        LocalDate namingDate,
        Integer establishedYear,
        Integer abolishedYear,
        String sources,
        String positionMethod,
        Geometry geometry,
        String status,
        LocalDate validFrom,
        LocalDate validTo,
        String endReason,
        String changeReason,
        String source,
        boolean deprecated) {

    public boolean isCurrent() {
        return validTo == null;
    }

    public boolean ceased() {
        return "ceased".equals(endReason);
    }
}
