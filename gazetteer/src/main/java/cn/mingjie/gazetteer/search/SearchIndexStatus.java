package cn.mingjie.gazetteer.search;

import java.time.Instant;

/** The state of the search index: documents, size, last full build, changes still queued. */
public record SearchIndexStatus(
        int documents, long bytesOnDisk, Instant lastRebuild, long lastRebuildMillis, int queuedChanges) {}
