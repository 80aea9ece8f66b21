package cn.mingjie.gazetteer.protection;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Point;

/** A change to a sign: each non-null field replaces the stored value; null keeps it. Position EPSG:4490. */
public record SignChange(
        Long placeId,
        String signType,
        String printedText,
        String printedPinyin,
        Point position,
        LocalDate installedOn,
        String condition,
        List<String> photoRefs) {

    Sign applyTo(Sign s) {
        return new Sign(
                s.signId(),
                s.versionTag(),
                placeId != null ? placeId : s.placeId(),
                signType != null ? signType : s.signType(),
                printedText != null ? printedText : s.printedText(),
                printedPinyin != null ? printedPinyin : s.printedPinyin(),
                position != null ? position : s.position(),
                installedOn != null ? installedOn : s.installedOn(),
                condition != null ? condition : s.condition(),
                photoRefs != null ? photoRefs : s.photoRefs(),
                s.source());
    }
}
