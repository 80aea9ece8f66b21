package cn.mingjie.boundary;

/** A reference object (方位物) of a marker: what it is, its true bearing from the marker and distance. */
public record ReferenceObject(String name, double trueBearing, double distance) {}
