package cn.mingjie.boundary;

import java.util.List;

/**
 * The generated 界线走向说明: leg by leg from marker to marker (and from and to the line's ends), the
 * true bearing on the 16-point compass, the straight distance and the length along the line.
 */
public record DirectionDescription(List<Leg> legs, String textZh, String textEn) {

    public record Leg(
            String from,
            String to,
            double gridBearing,
            double convergence,
            double trueBearing,
            String compassZh,
            String compassEn,
            double distance,
            double alongLine) {}
}
