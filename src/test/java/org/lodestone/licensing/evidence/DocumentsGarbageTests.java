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
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/** #3: blobs left by a crash between storing and recording are collected after a day; referenced ones never. */
class DocumentsGarbageTests {

    @TempDir
    Path root;

    @Test
    void removesOldOrphansAndUnfinishedUploadsOnly() throws Exception {
        var db = TestDatabases.h2();
        var protection = ProtectionFixtures.protection(db, root.resolveSibling(root.getFileName() + "-keys"));
        var storage = new FilesystemDocumentStorage(root, protection);
        var records = new DocumentRecords(JdbcClient.create(db), protection);
        var app = new ApplicationId(UUID.randomUUID());
        var garbage = new DocumentsGarbage(storage, records, Duration.ofDays(1), Clock.systemUTC());

        StoredBlob oldOrphan = storage.store(app, new ByteArrayInputStream("orphan".getBytes()), 100);
        StoredBlob youngOrphan = storage.store(app, new ByteArrayInputStream("in flight".getBytes()), 100);
        StoredBlob referenced = storage.store(app, new ByteArrayInputStream("on record".getBytes()), 100);
        // the same content in another application is another blob, and not referenced by the row above
        var other = new ApplicationId(UUID.randomUUID());
        storage.store(other, new ByteArrayInputStream("on record".getBytes()), 100);
        Files.setLastModifiedTime(
                root.resolve("applications")
                        .resolve(other.value().toString())
                        .resolve("sha256")
                        .resolve(referenced.sha256().substring(0, 2))
                        .resolve(referenced.sha256()),
                FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        records.insert(new EvidenceDocument(
                new DocumentId(UUID.randomUUID()),
                app,
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
        Path oldOrphanFile = blob(app, oldOrphan);
        Files.setLastModifiedTime(oldOrphanFile, twoDaysAgo);
        Files.setLastModifiedTime(blob(app, referenced), twoDaysAgo);
        Path unfinished = Files.write(root.resolve("tmp").resolve("upload-x.part"), new byte[3]);
        Files.setLastModifiedTime(unfinished, twoDaysAgo);

        assertThat(garbage.sweep()).isEqualTo(new DocumentsGarbage.Swept(2, 1));

        assertThat(oldOrphanFile).doesNotExist();
        assertThat(unfinished).doesNotExist();
        assertThat(storage.exists(app, youngOrphan.sha256())).isTrue();
        assertThat(storage.exists(app, referenced.sha256())).isTrue();
        assertThat(storage.exists(other, referenced.sha256())).isFalse();
        assertThat(garbage.sweep()).isEqualTo(new DocumentsGarbage.Swept(0, 0));
    }

    private Path blob(ApplicationId app, StoredBlob b) {
        String h = b.sha256();
        return root.resolve("applications")
                .resolve(app.value().toString())
                .resolve("sha256")
                .resolve(h.substring(0, 2))
                .resolve(h);
    }
}
