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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
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
    static final String FORMAT = "mingjie-search-3";

    static final String SRCKEY = "srckey";
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
    static final String FEATURES = "feat";
    static final String IMPORTANCE = "importance";
    /** Prefix keys are indexed up to this length; longer prefixes fall back to the full-term queries. */
    static final int MAX_PREFIX = 12;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneNameIndex(Path dir) {
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig();
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(256);
            writer = new IndexWriter(directory, config);
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
        writer.deleteDocuments(new Term("source", source));
    }

    void commit(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(data.entrySet());
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
            d.add(new StringField("source", e.source(), Field.Store.YES));
            d.add(new StringField(PLACE, e.placeId(), Field.Store.YES));
            boolean display = e.primary() && !displayDone && n.kind() == NameKind.CURRENT;
            if (display) {
                d.add(new StringField(DISPLAY, "1", Field.Store.YES));
                displayDone = true;
            }
            d.add(new StoredField("name", n.name()));
            d.add(new StoredField("norm", k.norm()));
            d.add(new StoredField("core", k.core()));
            d.add(new StoredField("kind", n.kind().name()));
            if (n.validFrom() != null) {
                d.add(new StoredField("validFrom", n.validFrom().toString()));
            }
            if (n.validTo() != null) {
                d.add(new StoredField("validTo", n.validTo().toString()));
            }
            d.add(new StoredField("pyk", String.join(" ", k.pinyin())));
            d.add(new StoredField("inik", String.join(" ", k.initials())));
            d.add(new StoredField("currentName", e.currentName()));
            d.add(new StoredField("version", e.version() == null ? "" : e.version()));
            if (e.code() != null) {
                d.add(new StoredField("code", e.code()));
            }
            d.add(new StringField(EXACT, k.norm(), Field.Store.NO));
            if (!k.core().equals(k.norm())) {
                d.add(new StringField(EXACT, k.core(), Field.Store.NO));
            }
            Set<String> prefixes = new HashSet<>();
            for (int i = 1; i < Math.min(k.norm().length(), MAX_PREFIX + 1); i++) {
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
                for (int i = 1; i < Math.min(p.length(), MAX_PREFIX + 1); i++) {
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
                d.add(new StringField(CATEGORY, e.category(), Field.Store.YES));
            }
            if (e.level() != null) {
                d.add(new IntPoint(LEVEL, e.level()));
                d.add(new StoredField(LEVEL, e.level()));
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
                d.add(new StoredField("lon", e.lon()));
                d.add(new StoredField("lat", e.lat()));
                d.add(new StoredField("approx", e.approximateLocation() ? 1 : 0));
            }
            d.add(new FeatureField(FEATURES, IMPORTANCE, (float) Math.max(0.001, e.importance())));
            docs.add(d);
        }
        return docs;
    }

    static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
