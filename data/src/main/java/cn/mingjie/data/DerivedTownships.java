package cn.mingjie.data;

import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionQuery;
import cn.mingjie.geocore.division.DivisionRegister;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sample township polygons where none are public: the Voronoi cells of the township seats, clipped
 * to the district. Plausible for a map and for testing coverage rules, but not legal boundaries:
 * every such geometry carries {@value #SOURCE} and the UI says so.
 */
@Component
public class DerivedTownships {

    public static final String SOURCE = "derived:voronoi-of-seats";

    /** 潼南区, 渝北区, 城口县: the reference districts of the sample. */
    public static final List<String> SAMPLE_DISTRICTS = List.of("500152000000", "500112000000", "500229000000");

    private static final Logger log = LoggerFactory.getLogger(DerivedTownships.class);
    private static final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4490);

    private final DivisionRegister register;
    private final JdbcTemplate jdbc;

    public DerivedTownships(DivisionRegister register, JdbcTemplate jdbc) {
        this.register = register;
        this.jdbc = jdbc;
    }

    /** Seats from GeoNames where the Chinese name matches, else from the OSM coverage table's points. */
    int deriveForSampleDistricts(Resource osmTownshipPoints) {
        Map<String, Coordinate> osmPoints = new HashMap<>();
        for (CSVRecord r : SampleFiles.csv(osmTownshipPoints)) {
            // Rows without an OSM node carry an unnamed geocoder's point, possibly GCJ-02: not used.
            if (Long.parseLong(r.get("node")) > 0) {
                osmPoints.put(
                        r.get("addr_3") + "/" + r.get("addr_4"),
                        new Coordinate(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat"))));
            }
        }
        int derived = 0;
        for (String districtCode : SAMPLE_DISTRICTS) {
            derived += derive(register.get(districtCode, null), osmPoints);
        }
        return derived;
    }

    private int derive(Division district, Map<String, Coordinate> osmPoints) {
        List<Division> townships =
                register.list(new DivisionQuery(district.code(), DivisionLevel.TOWNSHIP, null, null, false, 1000, 0));
        Map<Coordinate, Division> bySeat = new HashMap<>();
        for (Division township : townships) {
            Optional<Coordinate> geonames = geoNamesSeat(township.name(), district.code());
            Coordinate seat = geonames.orElse(osmPoints.get(district.name() + "/" + township.name()));
            if (seat == null || bySeat.containsKey(seat)) {
                log.warn("派生乡镇：{} {} 无驻地坐标，不生成面 / no seat, no polygon", township.code(), township.name());
                continue;
            }
            register.setCurrentSeat(
                    township.code(),
                    factory.createPoint(seat),
                    geonames.isPresent() ? "geonames" : "osm-coverage-2025");
            bySeat.put(seat, township);
        }
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(bySeat.keySet());
        Geometry area = district.geometry();
        voronoi.setClipEnvelope(area.getEnvelopeInternal());
        Geometry cells = voronoi.getDiagram(factory);
        int derived = 0;
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            Division township = bySeat.get((Coordinate) cell.getUserData());
            Geometry clipped = cell.intersection(area);
            if (township != null && !clipped.isEmpty()) {
                register.setCurrentGeometry(township.code(), DistrictPolygonLoader.asMultiPolygon(clipped), SOURCE);
                derived++;
            }
        }
        log.info("派生乡镇面 / derived townships: {} {} of {}", district.name(), derived, townships.size());
        return derived;
    }

    private Optional<Coordinate> geoNamesSeat(String townshipName, String districtCode) {
        return jdbc
                .query(
                        "select st_x(g.geom), st_y(g.geom) from sample.geonames_place g, geo.division_version d"
                                + " where ? = any(g.alternate_names) and d.code = ? and d.valid_to is null"
                                + " and st_dwithin(g.geom, d.geom, 0.02) order by g.population desc limit 1",
                        (rs, i) -> new Coordinate(rs.getDouble(1), rs.getDouble(2)),
                        townshipName,
                        districtCode)
                .stream()
                .findFirst();
    }
}
