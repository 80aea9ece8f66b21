package cn.mingjie.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
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
    private final List<SampleDataset> datasets;

    public SampleDataLoader(JdbcTemplate jdbc, TransactionTemplate tx, List<SampleDataset> datasets) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.datasets = datasets.stream()
                .sorted(Comparator.comparingInt(SampleDataset::order))
                .toList();
    }

    /** Loads every dataset not yet loaded; returns the names of those it loaded. */
    public List<String> loadAll() {
        List<String> loaded = datasets.stream()
                .filter(this::loadIfNew)
                .map(SampleDataset::name)
                .toList();
        log.info("样例数据 / sample data: {} loaded, {} already present", loaded, datasets.size() - loaded.size());
        return loaded;
    }

    private boolean loadIfNew(SampleDataset dataset) {
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
}
