package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.search.PlaceSearch;
import cn.mingjie.gazetteer.search.SearchRequest;
import cn.mingjie.gazetteer.search.SearchTestContext;
import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The real names' index is small enough for its postings to be held on the heap, and searches the same. */
@SpringJUnitConfig(SearchTestContext.class)
class OnHeapPostingsTest {

    @DynamicPropertySource
    static void indexDirectory(DynamicPropertyRegistry registry) throws IOException {
        SearchTestContext.temporaryIndexDirectory(registry);
    }

    @Autowired
    IndexMaintainer maintainer;

    @Autowired
    PlaceSearch search;

    @Test
    void aRebuiltSmallIndexHoldsItsKeysOnTheHeap() throws IOException {
        search.awaitCurrent(Duration.ofSeconds(30));
        IndexSearcher searcher = maintainer.index().acquire();
        try {
            assertThat(searcher.getIndexReader().maxDoc()).isLessThan(LuceneNameIndex.ON_HEAP_UP_TO_DOCUMENTS);
            for (LeafReaderContext segment : searcher.getIndexReader().leaves()) {
                for (String field :
                        new String[] {LuceneNameIndex.EXACT, LuceneNameIndex.PINYIN, LuceneNameIndex.PLACE}) {
                    FieldInfo info =
                            ((SegmentReader) segment.reader()).getFieldInfos().fieldInfo(field);
                    assertThat(info.getAttribute("PerFieldPostingsFormat.format"))
                            .as(field)
                            .isEqualTo("Direct");
                }
            }
        } finally {
            maintainer.index().release(searcher);
        }
        assertThat(search.search(SearchRequest.of("潼南区")).hits().get(0).name()).isEqualTo("潼南区");
        assertThat(search.search(SearchRequest.of("tongnna")).hits())
                .extracting(h -> h.name())
                .contains("潼南区");
    }
}
