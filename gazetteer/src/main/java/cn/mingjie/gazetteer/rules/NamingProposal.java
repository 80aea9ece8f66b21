package cn.mingjie.gazetteer.rules;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * What the rules look at: the proposed name (专名 + 通名), its category and division, where it is,
 * and for a renaming or abolition the place concerned ({@code placeId}, excluded from its own
 * conflicts) and the protection measures recorded for it.
 */
public record NamingProposal(
        String kind,
        Long placeId,
        String properName,
        String genericName,
        String categoryCode,
        String divisionCode,
        Geometry geometry,
        String protectionMeasures,
        LocalDate asOf) {

    public String name() {
        return (properName == null ? "" : properName) + (genericName == null ? "" : genericName);
    }
}
