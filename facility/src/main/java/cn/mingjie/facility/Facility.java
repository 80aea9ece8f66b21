package cn.mingjie.facility;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** A stored facility. {@code geometry} is a point, or for cemeteries possibly a polygon (EPSG:4490). */
public record Facility(
        long id,
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
        boolean published,
        String source,
        int rowVersion) {

    /** The optimistic-concurrency tag (an HTTP ETag value). */
    public String versionTag() {
        return id + "." + rowVersion;
    }

    /** Where people walk to: the point itself, or a point inside a cemetery's area. */
    public Point location() {
        return geometry instanceof Point p ? p : geometry.getInteriorPoint();
    }

    public boolean isOperating() {
        return status == FacilityStatus.OPERATING;
    }

    public FacilityDraft toDraft() {
        return new FacilityDraft(
                type,
                name,
                placeRef,
                divisionCode,
                geometry,
                operator,
                beds,
                nursingBeds,
                floorAreaM2,
                landAreaM2,
                graveCapacity,
                nicheCapacity,
                openedOn,
                status,
                published);
    }
}
