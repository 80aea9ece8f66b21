package cn.mingjie.facility;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * What an editor or an import supplies for a facility. Nulls mean "not known"; the registry
 * validates a draft as a whole and reports every problem at once.
 */
public record FacilityDraft(
        FacilityType type,
        String name,
        String placeRef,
        String divisionCode,
        Geometry geometry,
        String operator,
        Integer beds,
        Integer nursingBeds,
        BigDecimal floorAreaM2,
        BigDecimal landAreaM2,
        Integer graveCapacity,
        Integer nicheCapacity,
        LocalDate openedOn,
        FacilityStatus status,
        Boolean published) {}
