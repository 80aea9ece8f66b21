package cn.mingjie.boundary;

import java.util.List;
import org.locationtech.jts.geom.Point;

/**
 * A junction of three units (三交点): the point where the lines between each pair of them meet, and the
 * numbers of the same-number triple markers (同号三立, C/D/E) that stand at it.
 */
public record Junction(
        long id,
        String code,
        String name,
        int level,
        List<String> parties,
        Point position,
        List<Long> lineIds,
        List<String> markerNumbers,
        String geometrySource,
        String notes,
        int rowVersion) {

    public String versionTag() {
        return id + "." + rowVersion;
    }
}
