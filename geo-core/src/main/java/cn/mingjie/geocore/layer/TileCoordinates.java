package cn.mingjie.geocore.layer;

import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** A web-mercator tile address, checked: zoom 0–22, column and row inside the 2^z × 2^z grid. */
public record TileCoordinates(int z, int x, int y) {

    public TileCoordinates {
        List<FieldProblem> problems = new ArrayList<>();
        if (z < 0 || z > LayerDefinition.MAX_ZOOM) {
            problems.add(new FieldProblem("z", "error.tile.zoom", new Object[] {z, LayerDefinition.MAX_ZOOM}));
        } else {
            long size = 1L << z;
            if (x < 0 || x >= size) {
                problems.add(new FieldProblem("x", "error.tile.column", new Object[] {x, z, size - 1}));
            }
            if (y < 0 || y >= size) {
                problems.add(new FieldProblem("y", "error.tile.row", new Object[] {y, z, size - 1}));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
