package org.lodestone.licensing.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.BlobTooLarge;
import org.lodestone.licensing.evidence.StoredBlob;
import org.lodestone.protection.Protection;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.protection.ProtectionProblem;
import org.lodestone.protection.Scope;
import org.lodestone.support.TestDatabases;

/**
 * #6: evidence blobs are encrypted with their application's data key: no plaintext on disk, the recorded hash is the
 * plaintext's, streams of any size, tampering and truncation detected, a blob copied into another application's
 * directory does not open, and destroying the application's key makes its documents unrecoverable.
 */
class EncryptedDocumentStorageTests {

    @TempDir
    Path dir;

    Path root;
    Protection protection;
    FilesystemDocumentStorage storage;
    final ApplicationId app = new ApplicationId(UUID.randomUUID());

    @BeforeEach
    void setUp() {
        root = dir.resolve("documents");
        protection = ProtectionFixtures.protection(TestDatabases.h2(), dir.resolve("keys"));
        storage = new FilesystemDocumentStorage(root, protection);
    }

    @Test
    void keepsNoPlaintextOnDiskAndReadsBackIdentically() throws Exception {
        byte[] content = "%PDF-1.7 end-user certificate of PLANTED-SECRET-CUSTOMER".getBytes(StandardCharsets.UTF_8);
        StoredBlob blob = storage.store(app, new ByteArrayInputStream(content), 1000);

        assertThat(blob.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(blob.sizeBytes()).isEqualTo(content.length);
        byte[] onDisk = Files.readAllBytes(storage.path(app, blob.sha256()));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
                .doesNotContain("PLANTED")
                .doesNotContain("PDF");
        try (InputStream in = storage.open(app, blob.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        // the same content uploaded to the same application is reused; to another application it is another blob
        assertThat(storage.store(app, new ByteArrayInputStream(content), 1000).reused())
                .isTrue();
        var other = new ApplicationId(UUID.randomUUID());
        assertThat(storage.store(other, new ByteArrayInputStream(content), 1000).reused())
                .isFalse();
        assertThat(Files.readAllBytes(storage.path(other, blob.sha256()))).isNotEqualTo(onDisk);
    }

    @Test
    void streamsALargeDocumentAndCountsThePlaintextAgainstTheLimit() throws Exception {
        long size = 20L * 1024 * 1024 + 7;
        var digest = MessageDigest.getInstance("SHA-256");
        StoredBlob blob = storage.store(app, new DocumentStorageTests.GeneratedStream(size, digest), size);
        assertThat(blob.sizeBytes()).isEqualTo(size);
        assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
        assertThat(Files.size(storage.path(app, blob.sha256()))).isGreaterThan(size);
        var readBack = MessageDigest.getInstance("SHA-256");
        try (InputStream in = storage.open(app, blob.sha256())) {
            byte[] buffer = new byte[100_000];
            int n;
            while ((n = in.read(buffer)) != -1) {
                readBack.update(buffer, 0, n);
            }
        }
        assertThat(HexFormat.of().formatHex(readBack.digest())).isEqualTo(blob.sha256());

        assertThatThrownBy(() -> storage.store(app, new DocumentStorageTests.GeneratedStream(2001, null), 2000))
                .isInstanceOf(BlobTooLarge.class);
    }

    @Test
    void aTamperedOrTruncatedBlobIsAnIntegrityProblem() throws Exception {
        byte[] content = new byte[700_000];
        new java.util.Random(3).nextBytes(content);
        StoredBlob blob = storage.store(app, new ByteArrayInputStream(content), content.length);
        Path file = storage.path(app, blob.sha256());
        byte[] original = Files.readAllBytes(file);

        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(original.length - 100);
            int b = raf.read();
            raf.seek(original.length - 100);
            raf.write(b ^ 0x01);
        }
        assertThatThrownBy(() -> readAll(app, blob.sha256()))
                .isInstanceOfSatisfying(
                        ProtectionProblem.class, p -> assertThat(p.kind()).isEqualTo(ProtectionProblem.Kind.INTEGRITY));

        Files.write(file, java.util.Arrays.copyOf(original, original.length - 300_000));
        assertThatThrownBy(() -> readAll(app, blob.sha256())).isInstanceOf(ProtectionProblem.class);
    }

    @Test
    void aBlobCopiedIntoAnotherApplicationDoesNotOpen() throws Exception {
        byte[] content = "secret".getBytes(StandardCharsets.UTF_8);
        StoredBlob blob = storage.store(app, new ByteArrayInputStream(content), 100);
        var other = new ApplicationId(UUID.randomUUID());
        storage.store(other, new ByteArrayInputStream("something".getBytes(StandardCharsets.UTF_8)), 100);
        Path target = storage.path(other, blob.sha256());
        Files.createDirectories(target.getParent());
        Files.copy(storage.path(app, blob.sha256()), target, StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> readAll(other, blob.sha256())).isInstanceOf(ProtectionProblem.class);
    }

    @Test
    void destroyingTheApplicationsDataKeyMakesItsDocumentsUnrecoverable() throws Exception {
        StoredBlob blob = storage.store(app, new ByteArrayInputStream("document".getBytes()), 100);
        protection.destroy(Scope.application(app.value()), "retention period over");
        assertThatThrownBy(() -> readAll(app, blob.sha256()))
                .isInstanceOfSatisfying(
                        ProtectionProblem.class, p -> assertThat(p.kind()).isEqualTo(ProtectionProblem.Kind.DESTROYED));
        assertThatThrownBy(() -> storage.store(app, new ByteArrayInputStream("more".getBytes()), 100))
                .isInstanceOf(ProtectionProblem.class);
        assertThat(Files.list(root.resolve("tmp")).toList()).isEmpty();
    }

    private byte[] readAll(ApplicationId application, String sha256) throws IOException {
        try (InputStream in = storage.open(application, sha256)) {
            return in.readAllBytes();
        }
    }
}
