package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.romanization.Romanizer;
import cn.mingjie.gazetteer.search.NameSource;
import cn.mingjie.gazetteer.search.PlaceEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index consistent with the database.
 *
 * <ul>
 *   <li>On start the index is rebuilt when missing, of an older format, built from another database
 *       (search.index_identity) or when a source's fingerprint differs from the one committed with it.
 *   <li>Triggers write every change to search.name_change in the changing transaction and NOTIFY;
 *       a listener re-reads the changed places, commits the index, and only then deletes the queue
 *       rows. A crash at any point leaves rows queued, and they are applied on the next start.
 *   <li>Sources without a trigger, and the office's reading dictionary, are checked by fingerprint
 *       every second.
 * </ul>
 */
@Component
public class IndexMaintainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintainer.class);
    /** Above this many changed places a full rebuild is cheaper than place-by-place updates. */
    static final int REBUILD_THRESHOLD = 2000;

    private static final String CHANNEL = "search_name_change";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final List<NameSource> sources;
    private final Supplier<Romanizer> romanizers;
    private final Path directory;
    private final Object lock = new Object();
    private volatile LuceneNameIndex index;
    private volatile Thread listener;
    private volatile boolean running;
    private volatile Instant lastRebuild;
    private volatile long lastRebuildMillis;

    public IndexMaintainer(
            DataSource dataSource,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            List<NameSource> sources,
            PlaceReadings readings,
            @Value("${mingjie.search.index-dir:${mingjie.postgres.state-dir:var/postgres}/../search-index}")
                    Path directory) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.sources = List.copyOf(sources);
        this.romanizers = readings.romanizers();
        this.directory = directory;
    }

    @Override
    public void start() {
        synchronized (lock) {
            index = new LuceneNameIndex(directory);
            ensureCurrent();
        }
        running = true;
        listener = new Thread(this::listen, "search-index-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            try {
                if (index != null) {
                    index.close();
                }
            } catch (IOException e) {
                log.warn("closing the search index failed", e);
            }
            index = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    LuceneNameIndex index() {
        return index;
    }

    Romanizer romanizer() {
        return romanizers.get();
    }

    List<NameSource> sources() {
        return sources;
    }

    Instant lastRebuild() {
        return lastRebuild;
    }

    long lastRebuildMillis() {
        return lastRebuildMillis;
    }

    int queuedChanges() {
        Integer n = jdbc.queryForObject("select count(*) from search.name_change", Integer.class);
        return n == null ? 0 : n;
    }

    /** Rebuilds or catches up as needed; see the class comment. */
    void ensureCurrent() {
        synchronized (lock) {
            Map<String, String> data = index.commitData();
            String databaseId = databaseId();
            if (!LuceneNameIndex.FORMAT.equals(data.get("format"))
                    || !databaseId.equals(data.get("database"))
                    || !readingsFingerprint().equals(data.get("readings"))) {
                log.info("搜索索引重建 / rebuilding the search index (missing, old format, other database or new readings)");
                rebuild();
                return;
            }
            catchUp();
            for (NameSource s : sources) {
                if (!s.fingerprint().equals(index.commitData().get("source." + s.id()))) {
                    log.info("搜索索引：{} 已变更，重建该来源 / source {} changed, reindexing it", s.id(), s.id());
                    reindexSource(s);
                }
            }
        }
    }

    /** Full rebuild from one database snapshot; the queue rows seen in it are deleted after the commit. */
    void rebuild() {
        synchronized (lock) {
            long start = System.nanoTime();
            Romanizer romanizer = romanizers.get();
            List<Long> seen = snapshot.execute(status -> {
                List<Long> seqs = jdbc.queryForList("select seq from search.name_change", Long.class);
                try {
                    index.deleteAll();
                    LuceneNameIndex.Bulk bulk = index.bulk(romanizer);
                    for (NameSource s : sources) {
                        s.scan(bulk::add);
                    }
                    bulk.finish();
                    Map<String, String> data = baseCommitData();
                    for (NameSource s : sources) {
                        data.put("source." + s.id(), s.fingerprint());
                    }
                    index.commit(data);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return seqs;
            });
            deleteQueued(seen);
            // Merged outside the database snapshot (minutes at 13M names; the index is already committed and
            // searchable): one segment instead of dozens of flushed ones roughly halves a query's cost.
            long merge = System.nanoTime();
            try {
                index.forceMerge();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info(
                    "搜索索引合并为一个段，{} ms / search index merged into one segment in {} ms",
                    (System.nanoTime() - merge) / 1_000_000,
                    (System.nanoTime() - merge) / 1_000_000);
            lastRebuild = Instant.now();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            log.info(
                    "搜索索引：{} 个名称文档，{} ms / search index: {} name documents in {} ms",
                    index.documents(),
                    lastRebuildMillis,
                    index.documents(),
                    lastRebuildMillis);
        }
    }

    /** Applies the queued changes. */
    void catchUp() {
        synchronized (lock) {
            if (index == null) {
                return;
            }
            record Change(long seq, String source, String key) {}
            List<Change> changes = jdbc.query(
                    "select seq, source, place_key from search.name_change order by seq limit 100000",
                    (rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3)));
            if (changes.isEmpty()) {
                return;
            }
            Map<String, Set<String>> keysBySource = new LinkedHashMap<>();
            changes.forEach(c -> keysBySource
                    .computeIfAbsent(c.source(), k -> new LinkedHashSet<>())
                    .add(c.key()));
            int total = keysBySource.values().stream().mapToInt(Set::size).sum();
            if (total > REBUILD_THRESHOLD) {
                rebuild();
                return;
            }
            Romanizer romanizer = romanizers.get();
            try {
                Map<String, String> data = new HashMap<>(index.commitData());
                for (NameSource s : sources) {
                    Set<String> keys = keysBySource.get(s.id());
                    if (keys == null) {
                        continue;
                    }
                    List<PlaceEntry> entries = s.load(keys);
                    index.replace(s.id(), keys, entries, romanizer);
                    data.put("source." + s.id(), s.fingerprint());
                }
                index.commit(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deleteQueued(changes.stream().map(Change::seq).toList());
        }
    }

    private void reindexSource(NameSource s) {
        Romanizer romanizer = romanizers.get();
        snapshot.executeWithoutResult(status -> {
            try {
                index.deleteSource(s.id());
                LuceneNameIndex.Bulk bulk = index.bulk(romanizer);
                s.scan(bulk::add);
                bulk.finish();
                Map<String, String> data = new HashMap<>(index.commitData());
                data.put("source." + s.id(), s.fingerprint());
                index.commit(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits until the queue is empty (each catch-up runs on this thread if the listener is behind). */
    void awaitCurrent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queuedChanges() > 0 || sourcesWithoutFeedChanged()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("search index not current after " + timeout);
            }
            ensureCurrent();
        }
    }

    private boolean sourcesWithoutFeedChanged() {
        Map<String, String> data = index.commitData();
        for (NameSource s : sources) {
            if (!s.hasChangeFeed() && !s.fingerprint().equals(data.get("source." + s.id()))) {
                return true;
            }
        }
        return !readingsFingerprint().equals(data.get("readings"));
    }

    private void listen() {
        long lastPoll = 0;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                catchUp(); // whatever was queued while not listening
                while (running) {
                    PGNotification[] notes = pg.getNotifications(250);
                    if (notes != null && notes.length > 0) {
                        catchUp();
                    }
                    if (System.currentTimeMillis() - lastPoll > 1000) {
                        lastPoll = System.currentTimeMillis();
                        if (sourcesWithoutFeedChanged()) {
                            ensureCurrent();
                        }
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.warn("搜索索引监听中断，一秒后重连 / search index listener failed, reconnecting: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void deleteQueued(List<Long> seqs) {
        if (!seqs.isEmpty()) {
            jdbc.update("delete from search.name_change where seq = any(?)", (Object) seqs.toArray(new Long[0]));
        }
    }

    private Map<String, String> baseCommitData() {
        Map<String, String> data = new HashMap<>();
        data.put("format", LuceneNameIndex.FORMAT);
        data.put("database", databaseId());
        data.put("readings", readingsFingerprint());
        return data;
    }

    private String databaseId() {
        return jdbc.queryForObject("select database_id::text from search.index_identity", String.class);
    }

    private String readingsFingerprint() {
        return jdbc.queryForObject(
                "select count(*) || ':' || coalesce(max(updated_at)::text, '') from search.place_reading",
                String.class);
    }
}
