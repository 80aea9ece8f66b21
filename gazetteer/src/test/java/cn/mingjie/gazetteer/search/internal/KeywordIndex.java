package cn.mingjie.gazetteer.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/** An in-memory index of one keyword field, one document per key, for tests of single queries. */
final class KeywordIndex implements AutoCloseable {

    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final String field;

    KeywordIndex(String field, List<String> keys) throws IOException {
        this.field = field;
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            for (String k : keys) {
                Document d = new Document();
                d.add(new StringField(field, k, Field.Store.YES));
                w.addDocument(d);
            }
        }
        reader = DirectoryReader.open(dir);
    }

    /** The keys of the documents the query matches. */
    TreeSet<String> keys(Query q) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        TreeSet<String> out = new TreeSet<>();
        for (ScoreDoc sd : searcher.search(q, 1000).scoreDocs) {
            out.add(searcher.storedFields().document(sd.doc).get(field));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
