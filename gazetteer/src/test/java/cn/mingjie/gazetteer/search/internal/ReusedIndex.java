package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.search.NameSource;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchRequest;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An index another run built and left on disk (SearchBench's {@code -Dsearch.bench.indexRoot}), opened by a
 * benchmark in a database of its own WITHOUT ever rebuilding it: a 13.2M index takes over ten minutes
 * to build and may be shared. Before anything opens a writer, the last commit's data must be what
 * {@link IndexMaintainer} accepts as current (format, the claimed database identity, the readings, the
 * source's fingerprint) and the change queue empty; otherwise this throws. While open, the database
 * claims the index's identity (as SearchBench does). Test fixture, used by the web module's benchmark.
 */
public final class ReusedIndex implements AutoCloseable {

    /**
     * The database identity SearchBench's kept indexes are built under ({@code -Dsearch.bench.indexRoot}):
     * the test database is new on every run, so while such an index is open the database claims this one.
     */
    public static final String BENCH_DATABASE_ID = "5e4bc4b0-0000-4000-8000-00000000be4c";

    private final IndexMaintainer maintainer;
    private final PlaceSearch search;
    private final JdbcTemplate jdbc;
    private final String ownDatabaseId;

    private ReusedIndex(IndexMaintainer maintainer, JdbcTemplate jdbc, String ownDatabaseId) {
        this.maintainer = maintainer;
        this.search = new LucenePlaceSearch(maintainer);
        this.jdbc = jdbc;
        this.ownDatabaseId = ownDatabaseId;
    }

    /** Opens the index in {@code dir} built from {@code corpus} alone, or throws if it would be rebuilt. */
    public static ReusedIndex open(
            Path dir,
            NameSource corpus,
            String claimedDatabaseId,
            DataSource dataSource,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            PlaceReadings readings) {
        Map<String, String> data;
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                throw new IllegalStateException("no search index in " + dir + ": build it with SearchBench first");
            }
            data = SegmentInfos.readLatestCommit(d).getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> differences = new ArrayList<>();
        expect(differences, data, "format", LuceneNameIndex.FORMAT);
        expect(differences, data, "database", claimedDatabaseId);
        // As IndexMaintainer computes it; were the two to drift, this refuses rather than rebuilds.
        expect(
                differences,
                data,
                "readings",
                jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(max(updated_at)::text, '') from search.place_reading",
                        String.class));
        expect(differences, data, "source." + corpus.id(), corpus.fingerprint());
        Integer queued = jdbc.queryForObject("select count(*) from search.name_change", Integer.class);
        if (queued == null || queued != 0) {
            differences.add(queued + " queued name changes (the index would catch up or rebuild)");
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the search index in " + dir
                    + " is not current for this run and is NOT rebuilt: " + String.join("; ", differences));
        }
        String own = jdbc.queryForObject("select database_id::text from search.index_identity", String.class);
        jdbc.update("update search.index_identity set database_id = ?::uuid", claimedDatabaseId);
        try {
            IndexMaintainer maintainer = new IndexMaintainer(
                    dataSource, jdbc, transactions, List.of(new NeverScanned(corpus, dir)), readings, dir);
            maintainer.start();
            return new ReusedIndex(maintainer, jdbc, own);
        } catch (RuntimeException e) {
            jdbc.update("update search.index_identity set database_id = ?::uuid", own);
            throw e;
        }
    }

    private static void expect(List<String> differences, Map<String, String> data, String key, String wanted) {
        if (!wanted.equals(data.get(key))) {
            differences.add(key + " is " + data.get(key) + ", needs " + wanted);
        }
    }

    public PlaceSearch search() {
        return search;
    }

    /**
     * How many of these places a search for their current name within their county finds among its
     * first 100 hits: a corpus generated with another character pool has other names under the same
     * fingerprint. (Within the county: at 13.2M names the commonest names are shared by thousands of
     * places across the corpus.)
     */
    public int found(List<PlaceEntry> places) {
        int found = 0;
        for (PlaceEntry p : places) {
            String county = p.within().get(p.within().size() - 1);
            SearchRequest request = new SearchRequest(
                    p.currentName(), false, null, null, county, null, null, null, null, SearchRequest.MAX_LIMIT);
            if (search.search(request).hits().stream().anyMatch(h -> h.placeId().equals(p.placeId()))) {
                found++;
            }
        }
        return found;
    }

    @Override
    public void close() {
        maintainer.stop();
        jdbc.update("update search.index_identity set database_id = ?::uuid", ownDatabaseId);
    }

    /**
     * The corpus as the maintainer sees it; scanning it means a (re)build has begun. By then the writer
     * has deleted the index's documents, uncommitted: an exception would leave that pending for the next
     * commit or the close to write, so the JVM is halted instead and nothing is written.
     */
    private record NeverScanned(NameSource corpus, Path dir) implements NameSource {

        @Override
        public String id() {
            return corpus.id();
        }

        @Override
        public boolean hasChangeFeed() {
            return corpus.hasChangeFeed();
        }

        @Override
        public void scan(Consumer<PlaceEntry> sink) {
            // Straight to the process's stderr: a test runner's redirected System.err is lost in a halt.
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            err.println("ReusedIndex: the search index in " + dir
                    + " was about to be rebuilt; halting the JVM before anything is written");
            Runtime.getRuntime().halt(70);
        }

        @Override
        public List<PlaceEntry> load(Collection<String> keys) {
            return corpus.load(keys);
        }

        @Override
        public String fingerprint() {
            return corpus.fingerprint();
        }

        @Override
        public Geometry geometry(String placeId, LocalDate asOf) {
            return corpus.geometry(placeId, asOf);
        }
    }
}
