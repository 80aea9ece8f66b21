package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.NameSource;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The administrative divisions (geo.division_version), every version: a unit's earlier names become
 * historical names with their validity periods. A unit without a seat or polygon is placed at its
 * nearest ancestor's location, flagged approximate.
 */
@Component
public class DivisionNameSource implements NameSource {

    static final String ID = "division";
    private static final String[] CATEGORIES = {"province", "prefecture", "county", "township", "village"};

    private final JdbcTemplate jdbc;

    public DivisionNameSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Version(
            String code,
            String name,
            int level,
            String parent,
            LocalDate from,
            LocalDate to,
            long versionId,
            int rowVersion,
            Double lon,
            Double lat) {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean hasChangeFeed() {
        return true;
    }

    @Override
    public void scan(Consumer<PlaceEntry> sink) {
        Map<String, List<Version>> all = versions();
        all.keySet().forEach(code -> sink.accept(entry(code, all)));
    }

    /** The changed units and everything below them (a transfer changes the descendants' ancestry). */
    @Override
    public List<PlaceEntry> load(Collection<String> keys) {
        Map<String, List<Version>> all = versions();
        Set<String> wanted = new HashSet<>(keys);
        for (String code : all.keySet()) {
            for (String a : ancestors(code, all)) {
                if (keys.contains(a)) {
                    wanted.add(code);
                }
            }
        }
        List<PlaceEntry> out = new ArrayList<>();
        for (String code : wanted) {
            if (all.containsKey(code)) {
                out.add(entry(code, all));
            }
        }
        return out;
    }

    @Override
    public String fingerprint() {
        return jdbc.queryForObject(
                "select count(*) || ':' || coalesce(max(version_id), 0) || ':' || coalesce(sum(row_version), 0)"
                        + " from geo.division_version",
                String.class);
    }

    @Override
    public Geometry geometry(String placeId, LocalDate asOf) {
        String code = placeId.substring(ID.length() + 1);
        List<byte[]> wkb = jdbc.queryForList(
                "select st_asbinary(coalesce(geom, seat)) from geo.division_version where code = ?"
                        + " and (?::date is null and valid_to is null or valid_from <= ?::date"
                        + " and (valid_to is null or valid_to > ?::date)) order by valid_from desc limit 1",
                byte[].class,
                code,
                asOf,
                asOf,
                asOf);
        if (wkb.isEmpty() || wkb.get(0) == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader().read(wkb.get(0));
            g.setSRID(4490);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }

    private Map<String, List<Version>> versions() {
        Map<String, List<Version>> byCode = new LinkedHashMap<>();
        jdbc.query(
                "select code, name, level, parent_code, valid_from, valid_to, version_id, row_version,"
                        + " st_x(p), st_y(p) from (select *, coalesce(seat, st_pointonsurface(geom)) p"
                        + " from geo.division_version) v order by code, valid_from",
                rs -> {
                    Version v = new Version(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class),
                            rs.getLong(7),
                            rs.getInt(8),
                            (Double) rs.getObject(9),
                            (Double) rs.getObject(10));
                    byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v);
                });
        return byCode;
    }

    private static List<String> ancestors(String code, Map<String, List<Version>> all) {
        List<String> out = new ArrayList<>();
        String at = head(all.get(code)).parent();
        while (at != null && all.containsKey(at) && !out.contains(at)) {
            out.add(at);
            at = head(all.get(at)).parent();
        }
        return out;
    }

    private static Version head(List<Version> versions) {
        return versions.get(versions.size() - 1);
    }

    private static PlaceEntry entry(String code, Map<String, List<Version>> all) {
        List<Version> versions = all.get(code);
        Version head = head(versions);
        List<PlaceName> names = new ArrayList<>();
        // Consecutive versions with the same name (a transfer, a new polygon) are one name.
        int i = 0;
        while (i < versions.size()) {
            int j = i;
            while (j + 1 < versions.size()
                    && versions.get(j + 1).name().equals(versions.get(i).name())) {
                j++;
            }
            boolean last = j == versions.size() - 1;
            names.add(new PlaceName(
                    versions.get(i).name(),
                    last ? NameKind.CURRENT : NameKind.HISTORICAL,
                    versions.get(i).from(),
                    versions.get(j).to()));
            i = j + 1;
        }
        List<String> ancestors = ancestors(code, all);
        List<String> within = new ArrayList<>();
        within.add(code);
        within.addAll(ancestors);
        Double lon = head.lon();
        Double lat = head.lat();
        boolean approximate = false;
        for (String a : ancestors) {
            if (lon != null) {
                break;
            }
            Version av = head(all.get(a));
            lon = av.lon();
            lat = av.lat();
            approximate = true;
        }
        // The current (last) name first, so that it is the place's display document.
        List<PlaceName> ordered = new ArrayList<>(names.subList(names.size() - 1, names.size()));
        ordered.addAll(names.subList(0, names.size() - 1));
        return new PlaceEntry(
                ID,
                code,
                ID + ":" + code,
                true,
                head.name(),
                CATEGORIES[head.level() - 1],
                head.level(),
                code,
                within,
                lon,
                lat,
                approximate && lon != null,
                switch (head.level()) {
                    case 1 -> 1.0;
                    case 2 -> 0.9;
                    case 3 -> 0.8;
                    case 4 -> 0.6;
                    default -> 0.3;
                },
                head.versionId() + "." + head.rowVersion(),
                ordered);
    }
}
