package org.lodestone.licensing.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.lodestone.licensing.evidence.store.FilesystemDocumentStorage;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/** #3: blobs left by a crash between storing and recording are collected after a day; referenced ones never. */
class DocumentsGarbageTests {

    @TempDir
    Path root;

    @Test
    void removesOldOrphansAndUnfinishedUploadsOnly() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        var records = new DocumentRecords(JdbcClient.create(TestDatabases.h2()));
        var garbage = new DocumentsGarbage(storage, records, Duration.ofDays(1), Clock.systemUTC());

        StoredBlob oldOrphan = storage.store(new ByteArrayInputStream("orphan".getBytes()), 100);
        StoredBlob youngOrphan = storage.store(new ByteArrayInputStream("in flight".getBytes()), 100);
        StoredBlob referenced = storage.store(new ByteArrayInputStream("on record".getBytes()), 100);
        records.insert(new EvidenceDocument(
                new DocumentId(UUID.randomUUID()),
                new ApplicationId(UUID.randomUUID()),
                DocumentType.OTHER,
                null,
                null,
                "x.pdf",
                "application/pdf",
                referenced.sizeBytes(),
                referenced.sha256(),
                null,
                new UserId(UUID.randomUUID()),
                "A",
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null,
                null,
                0));
        var twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Path oldOrphanFile = blob(oldOrphan);
        Files.setLastModifiedTime(oldOrphanFile, twoDaysAgo);
        Files.setLastModifiedTime(blob(referenced), twoDaysAgo);
        Path unfinished = Files.write(root.resolve("tmp").resolve("upload-x.part"), new byte[3]);
        Files.setLastModifiedTime(unfinished, twoDaysAgo);

        assertThat(garbage.sweep()).isEqualTo(new DocumentsGarbage.Swept(1, 1));

        assertThat(oldOrphanFile).doesNotExist();
        assertThat(unfinished).doesNotExist();
        assertThat(storage.exists(youngOrphan.sha256())).isTrue();
        assertThat(storage.exists(referenced.sha256())).isTrue();
        assertThat(garbage.sweep()).isEqualTo(new DocumentsGarbage.Swept(0, 0));
    }

    private Path blob(StoredBlob b) {
        String h = b.sha256();
        return root.resolve("sha256")
                .resolve(h.substring(0, 2))
                .resolve(h.substring(2, 4))
                .resolve(h);
    }
}
