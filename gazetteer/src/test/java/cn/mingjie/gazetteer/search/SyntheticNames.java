package cn.mingjie.gazetteer.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;

/**
 * A generated corpus of place names for benchmarks (SYNTHETIC, fixed seed): 专名 of two or three
 * characters drawn from the characters of the real Chongqing names, weighted by how often they occur
 * there, followed by a realistic 通名; organised as counties → townships → villages with codes and
 * points spread over Chongqing's extent; one in twenty places also has a former name.
 */
public final class SyntheticNames implements NameSource {

    private static final String[] TOWNSHIP_GENERICS = {"镇", "镇", "镇", "乡", "街道"};
    private static final String[] VILLAGE_GENERICS = {"村", "村", "村", "社区", "村民委员会", "社区居民委员会"};
    private static final String[] FEATURE_GENERICS = {"山", "河", "沟", "湾", "坝", "桥", "路", "街", "溪", "坪", "水库", "公园"};

    private final int size;
    private final long seed;
    private final char[] pool;

    /** @param characterPool the real names' characters, repeated as often as they occur */
    public SyntheticNames(int size, long seed, String characterPool) {
        this.size = size;
        this.seed = seed;
        this.pool = characterPool.toCharArray();
    }

    @Override
    public String id() {
        return "synthetic";
    }

    @Override
    public boolean hasChangeFeed() {
        return true;
    }

    @Override
    public void scan(Consumer<PlaceEntry> sink) {
        Random r = new Random(seed);
        int counties = Math.max(1, size / 12_000);
        int townshipsPerCounty = 25;
        int made = 0;
        for (int c = 0; c < counties && made < size; c++) {
            String county = String.format("9%05d000000", c);
            double lon = 105.3 + r.nextDouble() * 4.8;
            double lat = 28.2 + r.nextDouble() * 3.9;
            sink.accept(entry(
                    county, specific(r, 2) + (r.nextBoolean() ? "区" : "县"), 3, List.of(county), lon, lat, r, 0.8));
            made++;
            for (int t = 0; t < townshipsPerCounty && made < size; t++) {
                String township = county.substring(0, 6) + String.format("%03d", t + 1) + "000";
                double tlon = lon + (r.nextDouble() - 0.5) * 0.4;
                double tlat = lat + (r.nextDouble() - 0.5) * 0.4;
                sink.accept(entry(
                        township,
                        specific(r, 2) + TOWNSHIP_GENERICS[r.nextInt(TOWNSHIP_GENERICS.length)],
                        4,
                        List.of(township, county),
                        tlon,
                        tlat,
                        r,
                        0.6));
                made++;
                int villages = (size / counties) / townshipsPerCounty - 1;
                for (int v = 0; v < villages && made < size; v++) {
                    String code = township.substring(0, 9) + String.format("%03d", v + 1);
                    String generic = r.nextInt(5) == 0
                            ? FEATURE_GENERICS[r.nextInt(FEATURE_GENERICS.length)]
                            : VILLAGE_GENERICS[r.nextInt(VILLAGE_GENERICS.length)];
                    sink.accept(entry(
                            code,
                            specific(r, r.nextInt(3) == 0 ? 3 : 2) + generic,
                            5,
                            List.of(code, township, county),
                            tlon + (r.nextDouble() - 0.5) * 0.05,
                            tlat + (r.nextDouble() - 0.5) * 0.05,
                            r,
                            0.3));
                    made++;
                }
            }
        }
    }

    private String specific(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(pool[r.nextInt(pool.length)]);
        }
        return sb.toString();
    }

    private PlaceEntry entry(
            String code,
            String name,
            int level,
            List<String> within,
            double lon,
            double lat,
            Random r,
            double importance) {
        List<PlaceName> names = new ArrayList<>();
        LocalDate renamed = LocalDate.of(2020, 1, 1);
        boolean hasFormer = r.nextInt(20) == 0;
        names.add(new PlaceName(name, NameKind.CURRENT, hasFormer ? renamed : LocalDate.of(2000, 1, 1), null));
        if (hasFormer) {
            names.add(new PlaceName(
                    specific(r, 2) + name.substring(2), NameKind.HISTORICAL, LocalDate.of(2000, 1, 1), renamed));
        }
        return new PlaceEntry(
                "synthetic",
                code,
                "synthetic:" + code,
                true,
                name,
                new String[] {"province", "prefecture", "county", "township", "village"}[level - 1],
                level,
                code,
                within,
                lon,
                lat,
                false,
                importance,
                "1",
                names);
    }

    @Override
    public List<PlaceEntry> load(Collection<String> keys) {
        return List.of();
    }

    @Override
    public String fingerprint() {
        return "synthetic:" + size + ":" + seed;
    }

    @Override
    public Geometry geometry(String placeId, LocalDate asOf) {
        return null;
    }
}
