package cn.mingjie.facility.coverage;

import cn.mingjie.facility.Facility;
import cn.mingjie.facility.walking.WalkingRoute;

/** A facility and the walk to it from a chosen point. */
public record NearestFacility(Facility facility, WalkingRoute route) {}
