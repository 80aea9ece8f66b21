package cn.mingjie.boundary;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The length of a line: on the Gauss-Krüger plane of each 3° zone it passes through (split at the
 * zone edges), and on the ellipsoid for comparison.
 */
public record LineMeasure(double planeLength, double geodesicLength, List<Segment> segments) {

    /** The part of the line in one zone. EPSG codes with and without the zone prefix. */
    public record Segment(
            int zone,
            double centralMeridian,
            int epsgWithPrefix,
            int epsgWithoutPrefix,
            double planeLength,
            Geometry geometry) {}
}
