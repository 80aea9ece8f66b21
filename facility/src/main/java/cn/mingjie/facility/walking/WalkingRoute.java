package cn.mingjie.facility.walking;

import org.locationtech.jts.geom.LineString;

/** A walking route and its length and time; a straight segment when {@code method} is a fallback. */
public record WalkingRoute(LineString line, double metres, double minutes, WalkingMethod method) {}
