package cn.mingjie.boundary;

import java.util.List;
import org.locationtech.jts.geom.Point;

/** What it takes to register a junction: its three units and the lines (two or three) that meet there. */
public record NewJunction(
        String code,
        String name,
        int level,
        List<String> parties,
        Point position,
        List<Long> lineIds,
        String geometrySource,
        String notes) {}
