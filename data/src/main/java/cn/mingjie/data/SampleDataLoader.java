package cn.mingjie.data;

import cn.mingjie.data.gazetteer.GazetteerSampleLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the built-in Chongqing sample. Each dataset loads in one transaction and is recorded with the
 * checksum of its file in {@code geo.dataset_load}; a dataset already loaded with the same bytes is
 * skipped, so a second run changes nothing, and a failure leaves nothing half-written.
 */
@Service
public class SampleDataLoader {

    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DivisionEditionLoader editions;
    private final DistrictPolygonLoader polygons;
    private final ReferenceLoader references;
    private final DerivedTownships townships;
    private final GazetteerSampleLoader gazetteer;

    public SampleDataLoader(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            DivisionEditionLoader editions,
            DistrictPolygonLoader polygons,
            ReferenceLoader references,
            DerivedTownships townships,
            GazetteerSampleLoader gazetteer) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.editions = editions;
        this.polygons = polygons;
        this.references = references;
        this.townships = townships;
        this.gazetteer = gazetteer;
    }

    /** Loads every dataset not yet loaded; returns the names of those it loaded. */
    public List<String> loadAll() {
        List<Dataset> datasets = List.of(
                new Dataset("nbs-2021", "sample/divisions/cq_divisions_nbs2021.csv", editions::loadEdition2021),
                new Dataset("nbs-2023", "sample/divisions/cq_divisions_nbs2023.csv", editions::loadEdition2023),
                new Dataset("tianditu-districts", "sample/boundaries/cq_districts_tianditu.geojson", polygons::load),
                new Dataset("geonames", "sample/places/cq_geonames_cities500.tsv", references::loadGeoNames),
                new Dataset("pinyin-phrase", "sample/pinyin/cq_phrase_pinyin.tsv", references::loadPhrasePinyin),
                new Dataset(
                        "pinyin-areacity",
                        "sample/divisions/cq_divisions_pinyin_areacity.csv",
                        references::loadAreaCityPinyin),
                new Dataset(
                        "derived-townships",
                        "sample/osm/cq_osm_township_coverage_2025.csv",
                        townships::deriveForSampleDistricts),
                new Dataset(
                        "gazetteer-divisions",
                        "sample/divisions/cq_divisions_nbs2023.csv",
                        gazetteer::loadDivisionPlaces),
                new Dataset(
                        "gazetteer-geonames", "sample/places/cq_geonames_cities500.tsv", gazetteer::loadGeoNamesPlaces),
                new Dataset(
                        "gazetteer-tongnan-protection-synthetic",
                        "sample/gazetteer/tongnan_protection_sample.csv",
                        gazetteer::loadTongnanProtectionSample),
                new Dataset(
                        "gazetteer-tongnan-signs-synthetic",
                        "sample/gazetteer/tongnan_signs_sample.csv",
                        gazetteer::loadTongnanSignsSample));
        List<String> loaded =
                datasets.stream().filter(this::loadIfNew).map(Dataset::name).toList();
        log.info("样例数据 / sample data: {} loaded, {} already present", loaded, datasets.size() - loaded.size());
        return loaded;
    }

    private boolean loadIfNew(Dataset dataset) {
        String sha = sha256(dataset.resource());
        String loadedSha = jdbc
                .queryForList("select sha256 from geo.dataset_load where dataset = ?", String.class, dataset.name())
                .stream()
                .findFirst()
                .orElse(null);
        if (sha.equals(loadedSha)) {
            return false;
        }
        if (loadedSha != null) {
            // A changed sample file is a new edition to be loaded deliberately, not silently on start.
            log.warn("样例数据 {} 的文件已变更（已加载 {}，现为 {}）；未重新加载", dataset.name(), loadedSha, sha);
            return false;
        }
        log.info("样例数据：加载 {} / loading {}", dataset.name(), dataset.resource());
        tx.executeWithoutResult(status -> {
            int rows = dataset.loader().applyAsInt(new ClassPathResource(dataset.resource()));
            jdbc.update(
                    "insert into geo.dataset_load (dataset, sha256, rows) values (?, ?, ?)", dataset.name(), sha, rows);
            log.info("样例数据：{} 完成，{} 行 / {} done, {} rows", dataset.name(), rows, dataset.name(), rows);
        });
        return true;
    }

    static String sha256(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("sample resource missing: " + resource, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Dataset(String name, String resource, ToIntFunction<ClassPathResource> loader) {}
}
