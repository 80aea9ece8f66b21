package cn.mingjie.geocore.crs;

import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.geotools.api.referencing.datum.Ellipsoid;
import org.geotools.referencing.GeodeticCalculator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Lengths and areas of CGCS2000 lon/lat geometries, on the ellipsoid (geodesic: edges are geodesics)
 * and in the plane of a Gauss-Krüger zone (what a surveyor's coordinates give). Use the static
 * methods for one figure, or an instance (JTS style) to fix the zone and get a {@link Report}.
 *
 * <p>Parts are summed like JTS does: overlapping polygons count twice, lines have no area.
 */
public final class Measure {

    private final Geometry lonLat;
    private GaussKrugerZone zone;

    /** Both figures and how far the plane departs from the ellipsoid (the projection's scale error). */
    public record Report(
            GaussKrugerZone zone,
            boolean spansSeveralZones,
            double geodesicLength,
            double planarLength,
            double geodesicArea,
            double planarArea) {

        /** planar / geodesic − 1 for lengths; 0 for a geometry without length. */
        public double lengthScaleError() {
            return geodesicLength == 0 ? 0 : planarLength / geodesicLength - 1;
        }

        /** planar / geodesic − 1 for areas (about twice the length error); 0 without area. */
        public double areaScaleError() {
            return geodesicArea == 0 ? 0 : planarArea / geodesicArea - 1;
        }
    }

    /** Measures a CGCS2000 lon/lat geometry; the zone is chosen from it unless {@link #setZone} is called. */
    public Measure(Geometry lonLat) {
        this.lonLat = lonLat;
    }

    /** Fixes the zone for planar figures, e.g. the zone a survey was delivered in. */
    public void setZone(GaussKrugerZone zone) {
        this.zone = zone;
    }

    public static double geodesicLength(Geometry lonLat) {
        return new Measure(lonLat).geodesicLength();
    }

    public static double geodesicArea(Geometry lonLat) {
        return new Measure(lonLat).geodesicArea();
    }

    public static double planarLength(Geometry lonLat, GaussKrugerZone zone) {
        Measure measure = new Measure(lonLat);
        measure.setZone(zone);
        return measure.planarLength();
    }

    public static double planarArea(Geometry lonLat, GaussKrugerZone zone) {
        Measure measure = new Measure(lonLat);
        measure.setZone(zone);
        return measure.planarArea();
    }

    public static Report report(Geometry lonLat) {
        return new Measure(lonLat).report();
    }

    /** Sum of the geodesic lengths of all edges, in metres (the perimeter, holes included, for polygons). */
    public double geodesicLength() {
        GeodeticCalculator calc = calculator();
        double total = 0;
        for (Object line : LinearComponentExtracter.getLines(lonLat)) {
            CoordinateSequence seq = ((LineString) line).getCoordinateSequence();
            for (int i = 1; i < seq.size(); i++) {
                total += distance(calc, seq.getCoordinate(i - 1), seq.getCoordinate(i));
            }
        }
        return total;
    }

    /**
     * Area on the ellipsoid in m², edges being geodesics: GeographicLib's exact polygon area (the
     * algorithm PostGIS uses for geography), which GeoTools itself does not offer.
     */
    public double geodesicArea() {
        Ellipsoid e = ChineseCrs.cgcs2000Ellipsoid();
        Geodesic geodesic = new Geodesic(e.getSemiMajorAxis(), 1 / e.getInverseFlattening());
        double total = 0;
        for (Object part : PolygonExtracter.getPolygons(lonLat)) {
            Polygon polygon = (Polygon) part;
            if (!polygon.isEmpty()) {
                total += ringArea(geodesic, polygon.getExteriorRing());
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    total -= ringArea(geodesic, polygon.getInteriorRingN(i));
                }
            }
        }
        return total;
    }

    /** Length in metres in the plane of the zone (grid distance, as a surveyor would compute it). */
    public double planarLength() {
        return lonLat.isEmpty() ? 0 : zone().project(lonLat, Easting.PLAIN).getLength();
    }

    public double planarArea() {
        return lonLat.isEmpty() ? 0 : zone().project(lonLat, Easting.PLAIN).getArea();
    }

    public Report report() {
        boolean several = GaussKrugerZone.select(lonLat).spansSeveralZones();
        return new Report(zone(), several, geodesicLength(), planarLength(), geodesicArea(), planarArea());
    }

    private GaussKrugerZone zone() {
        return zone != null ? zone : GaussKrugerZone.select(lonLat).zone();
    }

    private static GeodeticCalculator calculator() {
        return new GeodeticCalculator(ChineseCrs.cgcs2000Ellipsoid());
    }

    private static double distance(GeodeticCalculator calc, Coordinate from, Coordinate to) {
        calc.setStartingGeographicPoint(from.getX(), from.getY());
        calc.setDestinationGeographicPoint(to.getX(), to.getY());
        return calc.getOrthodromicDistance();
    }

    private static double ringArea(Geodesic geodesic, LinearRing ring) {
        PolygonArea area = new PolygonArea(geodesic, false);
        CoordinateSequence seq = ring.getCoordinateSequence();
        // The ring's closing vertex repeats the first; PolygonArea closes by itself.
        for (int i = 0; i < seq.size() - 1; i++) {
            area.AddPoint(seq.getY(i), seq.getX(i));
        }
        return Math.abs(area.Compute(false, true).area);
    }
}
