package cn.mingjie.boundary;

import java.util.List;
import org.locationtech.jts.geom.LineString;

/** What it takes to register a line. */
public record NewLine(
        String code,
        String name,
        int level,
        List<String> parties,
        String agreementRef,
        LegalStatus legalStatus,
        LineString geometry,
        String geometrySource,
        String notes) {}
