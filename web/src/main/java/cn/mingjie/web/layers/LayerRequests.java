package cn.mingjie.web.layers;

import cn.mingjie.geocore.edit.ValidationException;

/** Parsing of the query parameters the layer endpoints share. */
final class LayerRequests {

    private LayerRequests() {}

    /** "minLon,minLat,maxLon,maxLat" as numbers, or null when absent. Ranges are checked by FeatureQuery. */
    static double[] bbox(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw ValidationException.of("bbox", "error.bbox.format");
        }
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw ValidationException.of("bbox", "error.bbox.format");
        }
        return b;
    }

    /** Half a screen pixel at a web-mercator zoom, in degrees: simplification invisible on the map. */
    static double toleranceAtZoom(Integer zoom) {
        if (zoom == null) {
            return 0;
        }
        if (zoom < 0 || zoom > 22) {
            throw ValidationException.of("zoom", "error.tile.zoom", zoom, 22);
        }
        return 360.0 / (256 * Math.pow(2, zoom)) / 2;
    }
}
