package cn.mingjie.facility.walking;

import org.locationtech.jts.geom.Geometry;

/** The area reachable on foot within {@code minutes} from an origin (EPSG:4490). */
public record ServiceArea(int minutes, Geometry area, WalkingMethod method) {}
