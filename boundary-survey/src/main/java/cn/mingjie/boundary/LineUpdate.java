package cn.mingjie.boundary;

import org.locationtech.jts.geom.LineString;

/** A change to a line's attributes; null fields stay as they are. */
public record LineUpdate(
        String name, String agreementRef, LegalStatus legalStatus, LineString geometry, String notes) {}
