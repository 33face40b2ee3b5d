package org.lodestone.licensing.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Collects what interrupted uploads can leave: blobs no metadata row points at (a crash between storing and
 * recording) and unfinished temp files, once they are older than {@code lodestone.evidence.garbage-age} (a day). The
 * age keeps it away from uploads in flight: storage refreshes a reused blob's time before its row is inserted.
 * Guarded by {@code DocumentsGarbageTests}.
 */
public class DocumentsGarbage {

    private static final Logger log = LoggerFactory.getLogger(DocumentsGarbage.class);

    private final DocumentStorage storage;
    private final DocumentRecords records;
    private final Duration age;
    private final Clock clock;

    DocumentsGarbage(DocumentStorage storage, DocumentRecords records, Duration age, Clock clock) {
        this.storage = storage;
        this.records = records;
        this.age = age;
        this.clock = clock;
    }

    /** What one sweep removed. */
    public record Swept(int blobs, int unfinished) {}

    @Scheduled(
            initialDelayString = "${lodestone.evidence.garbage-interval:PT6H}",
            fixedDelayString = "${lodestone.evidence.garbage-interval:PT6H}")
    public Swept sweep() {
        Instant before = clock.instant().minus(age);
        try {
            int blobs = 0;
            for (DocumentStorage.BlobRef blob : storage.storedBefore(before)) {
                if (!records.references(blob.application(), blob.sha256())
                        && storage.delete(blob.application(), blob.sha256())) {
                    blobs++;
                }
            }
            int unfinished = storage.removeUnfinished(before);
            if (blobs + unfinished > 0) {
                log.info("Evidence garbage: removed {} orphan blob(s) and {} unfinished upload(s)", blobs, unfinished);
            }
            return new Swept(blobs, unfinished);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence garbage sweep failed", e);
        }
    }
}
