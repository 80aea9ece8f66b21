package cn.mingjie.gazetteer;

import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.NameSource;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceName;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The register's places as a search source (id {@code place}, key = place_id; triggers in migration
 * gazetteer/V3 feed the change queue).
 *
 * <ul>
 *   <li>A register place (one with versions in gazetteer.place_version) is indexed as {@code place:<id>}:
 *       its names through time (current and former, with validity), aliases and short names of each
 *       version, recorded historical names, and the names other gazetteers give it (gazetteer.external_id).
 *   <li>An administrative division is already indexed by the division source from geo.division_version
 *       (one source of truth), so it is <em>not</em> indexed again: only names the register alone knows
 *       (historical names, concordance names) are added to the division's search entry
 *       ({@code division:<code>}, not primary).
 *   <li>A deprecated record (wrong from the start) is not indexed at all: its name was never true.
 * </ul>
 */
@Component
public class PlaceNameSource implements NameSource {

    public static final String ID = "place";
    private static final String[] DIVISION_CATEGORIES = {"province", "prefecture", "county", "township", "village"};

    private final JdbcTemplate jdbc;

    public PlaceNameSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

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
        entries(null).forEach(sink);
    }

    @Override
    public List<PlaceEntry> load(Collection<String> keys) {
        Long[] ids = keys.stream().map(Long::valueOf).toArray(Long[]::new);
        return entries(ids);
    }

    /** Changes with the register's names and, for ancestry, with the divisions (re-read on start then). */
    @Override
    public String fingerprint() {
        return jdbc.queryForObject(
                "select (select count(*) || ':' || coalesce(max(version_id), 0) || ':' || coalesce(sum(row_version), 0)"
                        + " from gazetteer.place_version)"
                        + " || '/' || (select count(*) || ':' || coalesce(sum(row_version), 0) from gazetteer.place)"
                        + " || '/' || (select count(*) || ':' || coalesce(max(id), 0) from gazetteer.historical_name)"
                        + " || '/' || (select count(*) || ':' || coalesce(sum(cardinality(names)), 0)"
                        + " from gazetteer.external_id)"
                        + " || '/' || (select count(*) || ':' || coalesce(max(version_id), 0) || ':'"
                        + " || coalesce(sum(row_version), 0) from geo.division_version)",
                String.class);
    }

    @Override
    public Geometry geometry(String placeId, LocalDate asOf) {
        long id = Long.parseLong(placeId.substring(ID.length() + 1));
        List<byte[]> wkb = jdbc.queryForList(
                "select st_asbinary(geom) from gazetteer.place_version where place_id = ? and geom is not null"
                        + " and (?::date is null or valid_from <= ?::date and (valid_to is null or valid_to > ?::date))"
                        + " order by valid_from desc limit 1",
                byte[].class,
                id,
                asOf,
                asOf,
                asOf);
        try {
            return wkb.isEmpty() ? null : PlaceRegister.readGeometry(wkb.get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Version(
            long placeId,
            String name,
            List<String> aliases,
            String shortName,
            String category,
            String division,
            LocalDate from,
            LocalDate to,
            long versionId,
            int rowVersion,
            Double lon,
            Double lat) {}

    private record Division(String code, String name, int level, String parent, Double lon, Double lat) {}

    /** The entries of these places (all when null); places that are deprecated or gone yield none. */
    private List<PlaceEntry> entries(Long[] ids) {
        String only = ids == null ? "" : " and p.place_id = any(?)";
        Object[] args = ids == null ? new Object[0] : new Object[] {ids};
        Map<Long, List<Version>> versions = new LinkedHashMap<>();
        jdbc.query(
                "select v.place_id, v.name, v.aliases, v.short_name, v.category_code, v.division_code, v.valid_from,"
                        + " v.valid_to, v.version_id, v.row_version, st_x(v.label_point), st_y(v.label_point)"
                        + " from gazetteer.place_version v join gazetteer.place p on p.place_id = v.place_id"
                        + " where not p.deprecated" + only + " order by v.place_id, v.valid_from",
                rs -> {
                    Version v = new Version(
                            rs.getLong(1),
                            rs.getString(2),
                            strings(rs.getArray(3)),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getObject(7, LocalDate.class),
                            rs.getObject(8, LocalDate.class),
                            rs.getLong(9),
                            rs.getInt(10),
                            (Double) rs.getObject(11),
                            (Double) rs.getObject(12));
                    versions.computeIfAbsent(v.placeId(), k -> new ArrayList<>())
                            .add(v);
                },
                args);
        // Names the register knows besides its versions, for register places and divisions alike.
        Map<Long, List<PlaceName>> extra = new LinkedHashMap<>();
        Map<Long, String> divisionOf = new HashMap<>();
        jdbc.query(
                "select p.place_id, p.division_code, h.name, h.valid_from, h.valid_to, 'H' from gazetteer.historical_name h"
                        + " join gazetteer.place p on p.place_id = h.place_id where not p.deprecated" + only
                        + " union all select p.place_id, p.division_code, n, null, null, 'A' from gazetteer.external_id x"
                        + " join gazetteer.place p on p.place_id = x.place_id cross join unnest(x.names) n"
                        + " where not p.deprecated" + only + " order by 1",
                rs -> {
                    long placeId = rs.getLong(1);
                    if (rs.getString(2) != null) {
                        divisionOf.put(placeId, rs.getString(2));
                    }
                    extra.computeIfAbsent(placeId, k -> new ArrayList<>())
                            .add(new PlaceName(
                                    rs.getString(3).strip(),
                                    "H".equals(rs.getString(6)) ? NameKind.HISTORICAL : NameKind.ALIAS,
                                    rs.getObject(4, LocalDate.class),
                                    rs.getObject(5, LocalDate.class)));
                },
                ids == null ? new Object[0] : new Object[] {ids, ids});
        List<String> codes = new ArrayList<>(divisionOf.values());
        versions.values().forEach(vs -> codes.add(vs.get(vs.size() - 1).division()));
        Map<String, Division> divisions = divisions(codes);

        List<PlaceEntry> out = new ArrayList<>();
        versions.forEach((placeId, vs) -> out.add(placeEntry(placeId, vs, extra.get(placeId), divisions)));
        divisionOf.forEach((placeId, code) -> {
            if (divisions.containsKey(code)) {
                out.add(divisionEntry(placeId, divisions.get(code), extra.get(placeId), divisions));
            }
        });
        return out;
    }

    private static PlaceEntry placeEntry(
            long placeId, List<Version> vs, List<PlaceName> extra, Map<String, Division> divisions) {
        Version head = vs.get(vs.size() - 1);
        Map<String, PlaceName> names = new LinkedHashMap<>();
        // Consecutive versions with one name (a new category, a moved point) are one name; the last is current.
        List<PlaceName> history = new ArrayList<>();
        int i = 0;
        while (i < vs.size()) {
            int j = i;
            while (j + 1 < vs.size() && vs.get(j + 1).name().equals(vs.get(i).name())) {
                j++;
            }
            boolean last = j == vs.size() - 1;
            history.add(new PlaceName(
                    vs.get(i).name(),
                    last ? NameKind.CURRENT : NameKind.HISTORICAL,
                    vs.get(i).from(),
                    vs.get(j).to()));
            i = j + 1;
        }
        // The current name first: it is the place's display document.
        PlaceName current = history.remove(history.size() - 1);
        names.put(current.name(), current);
        history.forEach(n -> names.putIfAbsent(n.name(), n));
        for (Version v : vs) {
            List<String> others = new ArrayList<>(v.aliases());
            if (v.shortName() != null) {
                others.add(v.shortName());
            }
            others.forEach(a -> names.putIfAbsent(a, new PlaceName(a, NameKind.ALIAS, v.from(), v.to())));
        }
        if (extra != null) {
            extra.forEach(n -> names.putIfAbsent(n.name(), n));
        }
        List<String> within = within(head.division(), divisions);
        return new PlaceEntry(
                ID,
                Long.toString(placeId),
                ID + ":" + placeId,
                true,
                head.name(),
                category(head.category()),
                null,
                null,
                within,
                head.lon(),
                head.lat(),
                false,
                importance(head.category()),
                "r" + head.versionId() + "." + head.rowVersion(),
                List.copyOf(names.values()));
    }

    /** Names of a division that only the register knows, added to the division source's entry. */
    private static PlaceEntry divisionEntry(
            long placeId, Division d, List<PlaceName> extra, Map<String, Division> divisions) {
        List<PlaceName> names = extra.stream()
                .filter(n -> !n.name().equals(d.name()) || n.kind() == NameKind.HISTORICAL)
                .filter(n -> !n.name().isEmpty())
                .distinct()
                .toList();
        return new PlaceEntry(
                ID,
                Long.toString(placeId),
                "division:" + d.code(),
                false,
                d.name(),
                DIVISION_CATEGORIES[d.level() - 1],
                d.level(),
                d.code(),
                within(d.code(), divisions),
                d.lon(),
                d.lat(),
                false,
                switch (d.level()) {
                    case 1 -> 1.0;
                    case 2 -> 0.9;
                    case 3 -> 0.8;
                    case 4 -> 0.6;
                    default -> 0.3;
                },
                "place:" + placeId,
                names);
    }

    /** The division and its ancestors (current versions). */
    private static List<String> within(String code, Map<String, Division> divisions) {
        List<String> out = new ArrayList<>();
        String at = code;
        while (at != null && !out.contains(at)) {
            out.add(at);
            Division d = divisions.get(at);
            at = d == null ? null : d.parent();
        }
        return out;
    }

    /** The current versions of these divisions and of all their ancestors. */
    private Map<String, Division> divisions(List<String> codes) {
        Map<String, Division> out = new HashMap<>();
        String[] distinct = codes.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (distinct.length == 0) {
            return out;
        }
        jdbc.query(
                "with recursive up(code) as (select unnest(?::text[]) union select d.parent_code"
                        + " from geo.division_version d join up on d.code = up.code"
                        + " where d.valid_to is null and d.parent_code is not null)"
                        + " select d.code, d.name, d.level, d.parent_code, st_x(d.p), st_y(d.p) from (select *,"
                        + " coalesce(seat, st_pointonsurface(geom)) p from geo.division_version where valid_to is null) d"
                        + " join up on up.code = d.code",
                rs -> {
                    out.put(
                            rs.getString(1),
                            new Division(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getInt(3),
                                    rs.getString(4),
                                    (Double) rs.getObject(5),
                                    (Double) rs.getObject(6)));
                },
                (Object) distinct);
        return out;
    }

    /** Search categories of the register's category codes (the division source uses the level names). */
    static String category(String code) {
        return switch (code) {
            case "21100", "21600", "21620", "22200" -> "settlement";
            case "25100" -> "street";
            case "26100" -> "building";
            case "27100" -> "landmark";
            case "31100" -> "river";
            case "32100" -> "mountain";
            default -> "place";
        };
    }

    private static double importance(String code) {
        return switch (code) {
            case "31100", "32100" -> 0.45;
            case "27100" -> 0.4;
            case "21100", "21600", "21620", "22200" -> 0.35;
            case "25100" -> 0.3;
            default -> 0.25;
        };
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
