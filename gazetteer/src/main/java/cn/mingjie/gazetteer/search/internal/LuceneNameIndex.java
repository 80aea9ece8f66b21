package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.romanization.Romanizer;
import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceName;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of name documents: one document per name of a place. Terms are computed in Java
 * ({@link NameKeys}) and indexed as keywords, so no analyzer is involved. Commits carry user data
 * (database id, format, per-source fingerprints) so that a stale or foreign index is detected on start.
 */
final class LuceneNameIndex implements Closeable {

    /** Bumped whenever the document layout or the keys change: an older index is rebuilt. */
    static final String FORMAT = "mingjie-search-6";

    static final String SRCKEY = "srckey";
    static final String SOURCE = "source";
    static final String RECORD = "rec";
    static final String PLACE = "place";
    static final String DISPLAY = "display";
    static final String EXACT = "exact";
    static final String PREFIX = "pre";
    static final String GRAM = "gram";
    static final String PINYIN = "py";
    static final String PINYIN_PREFIX = "pypre";
    static final String INITIALS = "ini";
    static final String INITIALS_PREFIX = "inipre";
    static final String CATEGORY = "cat";
    static final String LEVEL = "level";
    static final String WITHIN = "within";
    static final String FROM = "from";
    static final String TO = "to";
    static final String LOCATION = "loc";
    static final String IMPORTANCE = "importance";
    /**
     * Prefix keys (edge n-grams) are indexed up to these lengths: short prefixes match too many terms for
     * a term-dictionary scan, longer ones are selective enough to seek on the full keys ({@link SeekingPrefixQuery}),
     * and every indexed n-gram costs build time (two characters, six pinyin letters).
     */
    static final int MAX_CHAR_PREFIX = 2;

    static final int MAX_PINYIN_PREFIX = 6;

    /**
     * Up to this many name documents (a district's or county's names: 潼南 has about 10,000) the segments
     * are written with their term dictionaries and postings held on the heap when opened
     * ({@link DirectPostingsFormat}, about 0.5 kB a document: 2.6 MB for the 5,538 names of the test
     * database). A query's cost on so small an index is mostly looking its dozen terms up; from the
     * on-disk dictionary (an FST, then a compressed block) that was a third of an exact query, in the
     * heap's sorted arrays a binary search, and queries on the real names took 40 % less. Larger indexes
     * keep the on-disk format: at 13.2M names the heap would need gigabytes.
     */
    static final int ON_HEAP_UP_TO_DOCUMENTS = 100_000;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /**
     * Whether segments written now hold their postings on the heap: decided from the documents the index
     * holds when it is opened and when it is merged after a rebuild; off while a bulk build writes, whose
     * size is known only at its end (a 13.2M build must not load its flushed segments into the heap).
     */
    private volatile boolean onHeap;

    LuceneNameIndex(Path dir) {
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig();
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(256);
            config.setCodec(new Lucene912Codec() {
                private final PostingsFormat direct = new DirectPostingsFormat();

                @Override
                public PostingsFormat getPostingsFormatForField(String field) {
                    return onHeap ? direct : super.getPostingsFormatForField(field);
                }
            });
            writer = new IndexWriter(directory, config);
            onHeap = small();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + dir, e);
        }
    }

    /** The user data of the last commit (empty for a new index). */
    Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        return data;
    }

    private boolean small() {
        return documents() <= ON_HEAP_UP_TO_DOCUMENTS;
    }

    int documents() {
        return writer.getDocStats().numDocs;
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    void add(PlaceEntry entry, Romanizer romanizer) throws IOException {
        writer.addDocuments(documents(entry, romanizer));
    }

    /** Replaces the documents of these keys of a source by the given entries (absent keys are deleted). */
    void replace(String source, Collection<String> keys, List<PlaceEntry> entries, Romanizer romanizer)
            throws IOException {
        Set<String> all = new HashSet<>(keys);
        entries.forEach(e -> all.add(e.key()));
        for (String key : all) {
            writer.deleteDocuments(new Term(SRCKEY, source + "|" + key));
        }
        for (PlaceEntry e : entries) {
            add(e, romanizer);
        }
    }

    void deleteSource(String source) throws IOException {
        writer.deleteDocuments(new Term(SOURCE, source));
    }

    void commit(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Merges the index into one segment and commits it (same commit data). After a full rebuild: a query
     * then walks one term dictionary and one set of postings instead of one per flushed segment.
     */
    void forceMerge() throws IOException {
        onHeap = small();
        writer.forceMerge(1);
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher s) throws IOException {
        searchers.release(s);
    }

    long sizeOnDisk() throws IOException {
        long total = 0;
        for (String f : directory.listAll()) {
            try {
                total += directory.fileLength(f);
            } catch (NoSuchFileException | FileNotFoundException e) {
                // A commit or merge on the listener's thread deleted it since the listing: no longer part of the size.
            }
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    static List<Document> documents(PlaceEntry e, Romanizer romanizer) {
        List<Document> docs = new ArrayList<>(e.names().size());
        Set<String> seen = new HashSet<>();
        boolean displayDone = false;
        for (PlaceName n : e.names()) {
            NameKeys.Keys k = NameKeys.of(n.name(), romanizer);
            if (k.norm().isEmpty() || !seen.add(k.norm() + "|" + n.kind() + "|" + n.validFrom())) {
                continue;
            }
            Document d = new Document();
            d.add(new StringField(SRCKEY, e.source() + "|" + e.key(), Field.Store.NO));
            d.add(new StringField(SOURCE, e.source(), Field.Store.NO));
            d.add(new StringField(PLACE, e.placeId(), Field.Store.NO));
            boolean display = e.primary() && !displayDone && n.kind() == NameKind.CURRENT;
            if (display) {
                d.add(new StringField(DISPLAY, "1", Field.Store.NO));
                displayDone = true;
            }
            d.add(new BinaryDocValuesField(RECORD, NameRecord.encode(e, n, k)));
            d.add(new StringField(EXACT, k.norm(), Field.Store.NO));
            if (!k.core().equals(k.norm())) {
                d.add(new StringField(EXACT, k.core(), Field.Store.NO));
            }
            Set<String> prefixes = new HashSet<>();
            for (int i = 1; i < Math.min(k.norm().length(), MAX_CHAR_PREFIX + 1); i++) {
                prefixes.add(k.norm().substring(0, i));
            }
            prefixes.forEach(p -> d.add(new StringField(PREFIX, p, Field.Store.NO)));
            if (k.han()) {
                Set<String> grams = new HashSet<>();
                for (int i = 0; i + 2 <= k.norm().length(); i++) {
                    grams.add(k.norm().substring(i, i + 2));
                }
                grams.forEach(g -> d.add(new StringField(GRAM, g, Field.Store.NO)));
            }
            Set<String> pyPrefixes = new HashSet<>();
            for (String p : k.pinyin()) {
                d.add(new StringField(PINYIN, p, Field.Store.NO));
                for (int i = 1; i < Math.min(p.length(), MAX_PINYIN_PREFIX + 1); i++) {
                    pyPrefixes.add(p.substring(0, i));
                }
            }
            pyPrefixes.forEach(p -> d.add(new StringField(PINYIN_PREFIX, p, Field.Store.NO)));
            Set<String> iniPrefixes = new HashSet<>();
            for (String p : k.initials()) {
                d.add(new StringField(INITIALS, p, Field.Store.NO));
                for (int i = 1; i < p.length(); i++) {
                    iniPrefixes.add(p.substring(0, i));
                }
            }
            iniPrefixes.forEach(p -> d.add(new StringField(INITIALS_PREFIX, p, Field.Store.NO)));
            if (e.category() != null) {
                d.add(new StringField(CATEGORY, e.category(), Field.Store.NO));
            }
            if (e.level() != null) {
                d.add(new IntPoint(LEVEL, e.level()));
            }
            for (String w : e.within()) {
                d.add(new StringField(WITHIN, w, Field.Store.NO));
            }
            d.add(new LongPoint(
                    FROM, n.validFrom() == null ? Long.MIN_VALUE : n.validFrom().toEpochDay()));
            d.add(new LongPoint(
                    TO, n.validTo() == null ? Long.MAX_VALUE : n.validTo().toEpochDay()));
            if (e.lon() != null && e.lat() != null) {
                d.add(new LatLonPoint(LOCATION, e.lat(), e.lon()));
                d.add(new LatLonDocValuesField(LOCATION, e.lat(), e.lon()));
            }
            d.add(new FloatDocValuesField(IMPORTANCE, (float) e.importance()));
            docs.add(d);
        }
        return docs;
    }

    /**
     * The query-time records of these documents (see {@link NameRecord}), in the given order. Read per
     * segment in doc-id order: doc values are forward iterators, and the candidates of one query then
     * cost one pass over each segment's values instead of one random seek each.
     */
    static NameRecord[] records(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        NameRecord[] out = new NameRecord[docs.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = docs[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = leaf.reader().getBinaryDocValues(RECORD);
            }
            out[i] = record(values, leaf, doc - leaf.docBase);
        }
        return out;
    }

    /** The query-time record of a document of the segment (its segment-relative doc id). */
    static NameRecord record(LeafReaderContext segment, int doc) throws IOException {
        return record(segment.reader().getBinaryDocValues(RECORD), segment, doc);
    }

    private static NameRecord record(BinaryDocValues values, LeafReaderContext segment, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException("search index document without a record: " + (segment.docBase + doc));
        }
        return NameRecord.decode(values.binaryValue());
    }

    /**
     * Adds entries on all cores: the scanning thread (a source reading the database) hands batches to
     * worker threads, each computing keys and documents and adding them to its own in-memory segment.
     */
    Bulk bulk(Romanizer romanizer) {
        return new Bulk(romanizer);
    }

    final class Bulk {
        private static final int BATCH = 256;
        private final Romanizer romanizer;
        private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private final ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "search-index-build");
            t.setDaemon(true);
            return t;
        });
        private final Semaphore inFlight = new Semaphore(threads * 2);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private List<PlaceEntry> batch = new ArrayList<>(BATCH);

        private Bulk(Romanizer romanizer) {
            this.romanizer = romanizer;
            // The segments of a bulk build are soon merged: packing each into a compound file first is
            // wasted I/O. (Small live updates keep compound files: fewer files to sync on commit.)
            writer.getConfig().setUseCompoundFile(false);
            onHeap = false;
        }

        void add(PlaceEntry e) {
            batch.add(e);
            if (batch.size() >= BATCH) {
                submit();
            }
        }

        private void submit() {
            List<PlaceEntry> todo = batch;
            batch = new ArrayList<>(BATCH);
            if (todo.isEmpty() || failure.get() != null) {
                return;
            }
            inFlight.acquireUninterruptibly();
            workers.execute(() -> {
                try {
                    for (PlaceEntry e : todo) {
                        writer.addDocuments(documents(e, romanizer));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    inFlight.release();
                }
            });
        }

        /**
         * Waits for the workers; rethrows the first failure. Never interrupts them: an IndexWriter whose
         * thread is interrupted in the middle of I/O loses its files and its lock.
         */
        void finish() throws IOException {
            submit();
            workers.shutdown();
            boolean interrupted = false;
            while (!workers.isTerminated()) {
                try {
                    workers.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException ex) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            writer.getConfig().setUseCompoundFile(true);
            onHeap = small();
            Throwable t = failure.get();
            if (t instanceof IOException io) {
                throw io;
            }
            if (t != null) {
                throw new IllegalStateException("search index build failed", t);
            }
        }
    }
}
