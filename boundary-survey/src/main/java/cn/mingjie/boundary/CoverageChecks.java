package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Wkb;
import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.Measure;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.coverage.CoverageGapFinder;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Coverage checks of the division polygons under one parent at one level: invalid shared edges and
 * slivers (JTS CoverageValidator / CoverageGapFinder), overlaps with their area (PostGIS), and every
 * unit inside its parent.
 */
@Service
public class CoverageChecks {

    /** Metres per degree of latitude; a gap width in degrees errs on the wide side in longitude. */
    private static final double METRES_PER_DEGREE = 111_320.0;

    private final JdbcTemplate jdbc;

    public CoverageChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Unit(String code, String name, Geometry geom) {}

    public List<CheckFinding> check(String parentCode, int level, CheckSettings settings) {
        List<Unit> units = jdbc.query(
                "select code, name, st_asbinary(geom) from geo.division_version where parent_code = ? and level = ?"
                        + " and valid_to is null and geom is not null order by code",
                (rs, i) -> new Unit(rs.getString(1), rs.getString(2), Wkb.read(rs, 3)),
                parentCode,
                level);
        List<CheckFinding> out = new ArrayList<>();
        if (units.isEmpty()) {
            return out;
        }
        Geometry[] coverage = units.stream().map(Unit::geom).toArray(Geometry[]::new);
        double gapDegrees = settings.gapWidth() / METRES_PER_DEGREE;
        Geometry[] invalid = CoverageValidator.validate(coverage, gapDegrees);
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] != null && !invalid[i].isEmpty()) {
                double length = planeLength(invalid[i]);
                out.add(BoundaryChecks.finding(
                        "coverage-edge",
                        units.get(i).code(),
                        invalid[i].getInteriorPoint(),
                        length,
                        0,
                        "%s（%s）有%.0f米边界与相邻单元不吻合（重叠或窄缝）"
                                .formatted(units.get(i).name(), units.get(i).code(), length),
                        "%s (%s) has %.0f m of boundary that does not match its neighbours (overlap or sliver)"
                                .formatted(units.get(i).name(), units.get(i).code(), length)));
            }
        }
        Geometry gaps = CoverageGapFinder.findGaps(coverage, gapDegrees);
        for (int i = 0; gaps != null && i < gaps.getNumGeometries(); i++) {
            // The gap finder returns each gap's ring as a line.
            Geometry gap = gaps.getFactory().createPolygon(gaps.getGeometryN(i).getCoordinates());
            double area = planeArea(gap);
            out.add(squareMetres(BoundaryChecks.finding(
                    "coverage-sliver",
                    "%.5f,%.5f"
                            .formatted(
                                    gap.getInteriorPoint().getX(),
                                    gap.getInteriorPoint().getY()),
                    gap.getInteriorPoint(),
                    area,
                    settings.gapWidth(),
                    "同级单元之间有%.0f平方米的窄缝（窄于%.0f米）".formatted(area, settings.gapWidth()),
                    "A sliver gap of %.0f m² (narrower than %.0f m) between units of the same level"
                            .formatted(area, settings.gapWidth()))));
        }
        jdbc.query(
                "select a.code, b.code, st_area(st_intersection(a.geom, b.geom)::geography),"
                        + " st_asbinary(st_pointonsurface(st_intersection(a.geom, b.geom)))"
                        + " from geo.division_version a join geo.division_version b on a.code < b.code"
                        + " and b.parent_code = a.parent_code and b.level = a.level and b.valid_to is null"
                        + " where a.parent_code = ? and a.level = ? and a.valid_to is null"
                        + " and st_overlaps(a.geom, b.geom)",
                rs -> {
                    double area = rs.getDouble(3);
                    out.add(squareMetres(BoundaryChecks.finding(
                            "coverage-overlap",
                            rs.getString(1) + "/" + rs.getString(2),
                            Wkb.read(rs, 4),
                            area,
                            0,
                            "%s与%s重叠%.0f平方米".formatted(rs.getString(1), rs.getString(2), area),
                            "%s and %s overlap by %.0f m²".formatted(rs.getString(1), rs.getString(2), area))));
                },
                parentCode,
                level);
        jdbc.query(
                "select c.code, c.name, st_area(st_difference(c.geom, p.geom)::geography),"
                        + " st_asbinary(st_pointonsurface(st_difference(c.geom, p.geom)))"
                        + " from geo.division_version c join geo.division_version p on p.code = c.parent_code"
                        + " and p.valid_to is null and p.geom is not null"
                        + " where c.parent_code = ? and c.level = ? and c.valid_to is null"
                        + " and not st_coveredby(c.geom, p.geom)",
                rs -> {
                    double area = rs.getDouble(3);
                    if (area >= 1.0) { // below a square metre: floating-point noise of clipped polygons
                        out.add(squareMetres(BoundaryChecks.finding(
                                "outside-parent",
                                rs.getString(1),
                                Wkb.read(rs, 4),
                                area,
                                0,
                                "%s（%s）有%.0f平方米在上级区划之外".formatted(rs.getString(2), rs.getString(1), area),
                                "%s (%s) has %.0f m² outside its parent"
                                        .formatted(rs.getString(2), rs.getString(1), area))));
                    }
                },
                parentCode,
                level);
        return out;
    }

    private static CheckFinding squareMetres(CheckFinding f) {
        String unit = f.check().equals("coverage-sliver") ? "m²; tolerance m" : "m²";
        return new CheckFinding(
                f.check(), f.subject(), f.lon(), f.lat(), f.measured(), f.tolerance(), unit, f.textZh(), f.textEn());
    }

    private static double planeLength(Geometry lonLat) {
        return Measure.planarLength(
                lonLat, GaussKrugerZone.ofLongitude(lonLat.getCentroid().getX()));
    }

    private static double planeArea(Geometry lonLat) {
        return Measure.planarArea(
                lonLat, GaussKrugerZone.ofLongitude(lonLat.getCentroid().getX()));
    }
}
