package cn.mingjie.gazetteer.protection;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Point;

/**
 * A place-name sign (地名标志, GB 17733) as installed: type, the text and pinyin printed on it, where
 * (EPSG:4490 point), when, in what condition, photos.
 */
public record Sign(
        long signId,
        String versionTag,
        long placeId,
        String signType,
        String printedText,
        String printedPinyin,
        Point position,
        LocalDate installedOn,
        String condition,
        List<String> photoRefs,
        String source) {}
