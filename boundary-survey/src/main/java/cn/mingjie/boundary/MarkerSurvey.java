package cn.mingjie.boundary;

import java.time.LocalDate;
import org.locationtech.jts.geom.Point;

/** An observation of a marker's position with the survey's stated plane accuracy (中误差, metres). */
public record MarkerSurvey(
        long id,
        long markerId,
        LocalDate surveyedOn,
        Point position,
        Double elevation,
        double accuracy,
        String method,
        String source) {}
