package cn.mingjie.boundary;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Point;

/**
 * A boundary marker (界桩) as recorded in the register. {@code position} is the legally effective
 * position; only an approved change moves it, whatever a survey finds.
 */
public record Marker(
        long id,
        long lineId,
        String number,
        int sequence,
        char type,
        String material,
        Point position,
        Double elevation,
        LocalDate installedOn,
        String responsibleCode,
        String condition,
        boolean retired,
        List<ReferenceObject> references,
        String locationDescription,
        int rowVersion) {

    /** Conditions (界桩状况) the register knows. */
    public static final List<String> CONDITIONS = List.of("完好", "损坏", "移位", "丢失", "新设", "重建", "撤销");

    public String versionTag() {
        return id + "." + rowVersion;
    }
}
