package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.NameSource;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceName;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * GeoNames places (sample.geonames_place, when the sample is loaded): Chinese names, Hanyu Pinyin,
 * Wade–Giles and postal forms. A place whose Chinese name is a township of the county it lies in adds
 * its names as aliases of that township; the others are places of their own. The rows GeoNames codes
 * as Chongqing but that lie outside it (a known upstream error) are left out, and so are the places the
 * register took over (gazetteer.external_id; the register's source indexes them). No trigger: re-read
 * when the fingerprint changes.
 */
@Component
public class GeoNamesNameSource implements NameSource {

    static final String ID = "geonames";
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4490);

    private final JdbcTemplate jdbc;

    public GeoNamesNameSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean hasChangeFeed() {
        return false;
    }

    private boolean present() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select to_regclass('sample.geonames_place') is not null", Boolean.class));
    }

    @Override
    public void scan(Consumer<PlaceEntry> sink) {
        if (!present()) {
            return;
        }
        jdbc.query(
                """
                with county as (
                  select g.geonameid, c.code county, c.parent_code prefecture
                  from sample.geonames_place g join geo.division_version c
                    on c.level = 3 and c.valid_to is null and st_intersects(c.geom, g.geom))
                select g.geonameid, g.name, g.alternate_names, g.feature_code, st_x(g.geom), st_y(g.geom),
                       k.county, k.prefecture,
                       (select t.code from geo.division_version t where t.valid_to is null and t.level = 4
                          and t.parent_code = k.county and t.name = any(g.alternate_names) limit 1) township,
                       (select t.name from geo.division_version t where t.valid_to is null and t.level = 4
                          and t.parent_code = k.county and t.name = any(g.alternate_names) limit 1) township_name
                from sample.geonames_place g left join county k using (geonameid)
                where g.inside_chongqing is not false
                """
                        + takenOver()
                        + " order by g.geonameid",
                rs -> {
                    String id = rs.getString(1);
                    Array alt = rs.getArray(3);
                    List<String> names = new ArrayList<>();
                    names.add(rs.getString(2));
                    for (Object o : (Object[]) alt.getArray()) {
                        names.add((String) o);
                    }
                    String county = rs.getString(7);
                    String prefecture = rs.getString(8);
                    String township = rs.getString(9);
                    String townshipName = rs.getString(10);
                    List<String> within = new ArrayList<>();
                    if (township != null) {
                        within.add(township);
                    }
                    if (county != null) {
                        within.add(county);
                        within.add(prefecture);
                        within.add("500000000000");
                    }
                    Set<String> usable = new LinkedHashSet<>();
                    for (String n : names) {
                        if (n != null && !n.isBlank() && (isHan(n) || n.matches("[A-Za-z'’ \\-]+"))) {
                            usable.add(n.strip());
                        }
                    }
                    double lon = rs.getDouble(5);
                    double lat = rs.getDouble(6);
                    String feature = rs.getString(4);
                    if (township != null) {
                        usable.remove(townshipName);
                        List<PlaceName> aliases = usable.stream()
                                .map(n -> new PlaceName(n, NameKind.ALIAS, null, null))
                                .toList();
                        sink.accept(new PlaceEntry(
                                ID,
                                id,
                                DivisionNameSource.ID + ":" + township,
                                false,
                                townshipName,
                                "township",
                                4,
                                township,
                                within,
                                lon,
                                lat,
                                false,
                                0.6,
                                "geonames:" + id,
                                aliases));
                    } else {
                        String current = usable.stream()
                                .filter(GeoNamesNameSource::isHan)
                                .max((a, b) -> Integer.compare(a.length(), b.length()))
                                .orElse(rs.getString(2));
                        List<PlaceName> all = new ArrayList<>();
                        all.add(new PlaceName(current, NameKind.CURRENT, null, null));
                        usable.stream()
                                .filter(n -> !n.equals(current))
                                .forEach(n -> all.add(new PlaceName(n, NameKind.ALIAS, null, null)));
                        sink.accept(new PlaceEntry(
                                ID,
                                id,
                                ID + ":" + id,
                                true,
                                current,
                                "settlement",
                                null,
                                null,
                                within,
                                lon,
                                lat,
                                false,
                                "PPLA3".equals(feature) ? 0.7 : 0.5,
                                "geonames:" + id,
                                all));
                    }
                });
    }

    /**
     * A GeoNames place the register took over (gazetteer.external_id) is indexed by the register's
     * source, with these names as aliases; left out here so that it is not found twice.
     */
    private String takenOver() {
        return registerPresent()
                ? " and not exists (select 1 from gazetteer.external_id x where x.scheme = 'geonames'"
                        + " and x.external_id = g.geonameid::text)"
                : "";
    }

    private boolean registerPresent() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select to_regclass('gazetteer.external_id') is not null", Boolean.class));
    }

    @Override
    public List<PlaceEntry> load(Collection<String> keys) {
        List<PlaceEntry> out = new ArrayList<>();
        scan(e -> {
            if (keys.contains(e.key())) {
                out.add(e);
            }
        });
        return out;
    }

    @Override
    public String fingerprint() {
        if (!present()) {
            return "absent";
        }
        return jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(sum(geonameid), 0) || ':'"
                                + " || coalesce(sum(length(array_to_string(alternate_names, ','))), 0)"
                                + " from sample.geonames_place",
                        String.class)
                + (registerPresent()
                        ? ":"
                                + jdbc.queryForObject(
                                        "select count(*) from gazetteer.external_id where scheme = 'geonames'",
                                        String.class)
                        : "");
    }

    @Override
    public Geometry geometry(String placeId, LocalDate asOf) {
        List<Geometry> points = jdbc.query(
                "select st_x(geom), st_y(geom) from sample.geonames_place where geonameid = ?",
                (rs, i) -> GEOMETRY.createPoint(new Coordinate(rs.getDouble(1), rs.getDouble(2))),
                Long.parseLong(placeId.substring(ID.length() + 1)));
        return points.isEmpty() ? null : points.get(0);
    }

    private static boolean isHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
