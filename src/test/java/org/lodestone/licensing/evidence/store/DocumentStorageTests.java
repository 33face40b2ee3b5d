package org.lodestone.licensing.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.BlobTooLarge;
import org.lodestone.licensing.evidence.DocumentStorage;
import org.lodestone.licensing.evidence.StoredBlob;

/**
 * #3: content-addressed (per application, #6), streamed, size-limited, atomic storage of evidence blobs; here in
 * plaintext, the encryption is covered by {@code EncryptedDocumentStorageTests}.
 */
class DocumentStorageTests {

    @TempDir
    Path root;

    final ApplicationId app = new ApplicationId(UUID.randomUUID());

    @Test
    void storesUnderItsSha256AndReadsBackIdentically() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        byte[] content = "end-user certificate".getBytes();

        StoredBlob blob = storage.store(app, new ByteArrayInputStream(content), 1000);

        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(blob).isEqualTo(new StoredBlob(expected, content.length, false));
        Path file = root.resolve("applications")
                .resolve(app.value().toString())
                .resolve("sha256")
                .resolve(expected.substring(0, 2))
                .resolve(expected);
        assertThat(file).hasBinaryContent(content);
        assertThat(storage.exists(app, expected)).isTrue();
        try (InputStream in = storage.open(app, expected)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void hashesAStreamLargerThanAnyBufferWithoutHoldingIt() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        long size = 48L * 1024 * 1024 + 7;
        var digest = MessageDigest.getInstance("SHA-256");
        StoredBlob blob = storage.store(app, new GeneratedStream(size, digest), size);
        assertThat(blob.sizeBytes()).isEqualTo(size);
        assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
        assertThat(Files.size(storage.path(app, blob.sha256()))).isEqualTo(size);
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        byte[] content = "same bytes".getBytes();
        StoredBlob first = storage.store(app, new ByteArrayInputStream(content), 100);
        Files.setLastModifiedTime(
                storage.path(app, first.sha256()), FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        StoredBlob second = storage.store(app, new ByteArrayInputStream(content), 100);

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.reused()).isTrue();
        assertThat(blobFiles()).hasSize(1);
        // A reused blob is fresh again, so the garbage sweep cannot remove it under a new row.
        assertThat(storage.storedBefore(Instant.now().minus(Duration.ofDays(1))))
                .isEmpty();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void refusesAsSoonAsTheLimitIsPassedAndKeepsNothing() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        var endless = new GeneratedStream(Long.MAX_VALUE, null);

        assertThatThrownBy(() -> storage.store(app, endless, 1_000_000))
                .isInstanceOf(BlobTooLarge.class)
                .hasMessageContaining("1000000");

        assertThat(endless.served).isLessThan(1_000_000 + 2 * 64 * 1024);
        assertThat(blobFiles()).isEmpty();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void exactlyTheLimitIsAccepted() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        assertThat(storage.store(app, new ByteArrayInputStream(new byte[1000]), 1000)
                        .sizeBytes())
                .isEqualTo(1000);
        assertThatThrownBy(() -> storage.store(app, new ByteArrayInputStream(new byte[1001]), 1000))
                .isInstanceOf(BlobTooLarge.class);
    }

    @Test
    void aStreamThatFailsMidwayLeavesNoBlobAndNoTempFile() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        InputStream failing = new GeneratedStream(10_000_000, null) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > 3_000_000) {
                    throw new IOException("connection reset by peer");
                }
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> storage.store(app, failing, Long.MAX_VALUE)).hasMessageContaining("reset");
        assertThat(blobFiles()).isEmpty();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void startupRemovesUnfinishedUploadsOfEarlierRuns() throws Exception {
        new FilesystemDocumentStorage(root);
        Files.createDirectories(root.resolve("tmp"));
        Path stale = root.resolve("tmp").resolve("upload-stale.part");
        Path spool = root.resolve("tmp").resolve("upload_0f3e_00000001.tmp");
        Files.write(stale, new byte[100]);
        Files.write(spool, new byte[100]);
        FileTime beforeThisJvm = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(stale, beforeThisJvm);
        Files.setLastModifiedTime(spool, beforeThisJvm);
        Path live = root.resolve("tmp").resolve("upload-live.part");
        Files.write(live, new byte[10]);

        new FilesystemDocumentStorage(root);

        assertThat(stale).doesNotExist();
        assertThat(spool).doesNotExist();
        assertThat(live)
                .as("written after this JVM started: an upload in flight")
                .exists();
    }

    @Test
    void writesNothingUntilTheFirstUpload() throws Exception {
        var storage = new FilesystemDocumentStorage(root.resolve("documents"));
        assertThat(storage.storedBefore(Instant.now())).isEmpty();
        assertThat(storage.removeUnfinished(Instant.now())).isZero();
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void unknownOrMalformedHashes() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        String absent = "0".repeat(64);
        assertThat(storage.exists(app, absent)).isFalse();
        assertThatThrownBy(() -> storage.open(app, absent)).isInstanceOf(NoSuchFileException.class);
        assertThat(storage.exists(app, "../../etc/passwd")).isFalse();
        assertThatThrownBy(() -> storage.open(app, "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsAndDeletesOldBlobs() throws Exception {
        var storage = new FilesystemDocumentStorage(root);
        StoredBlob old = storage.store(app, new ByteArrayInputStream("old".getBytes()), 100);
        StoredBlob young = storage.store(app, new ByteArrayInputStream("young".getBytes()), 100);
        Files.setLastModifiedTime(
                storage.path(app, old.sha256()), FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        assertThat(storage.storedBefore(Instant.now().minus(Duration.ofDays(1))))
                .containsExactly(new DocumentStorage.BlobRef(app, old.sha256()));
        assertThat(storage.delete(app, old.sha256())).isTrue();
        assertThat(storage.delete(app, old.sha256())).isFalse();
        assertThat(storage.exists(app, young.sha256())).isTrue();
    }

    private List<Path> blobFiles() throws IOException {
        if (!Files.exists(root.resolve("applications"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root.resolve("applications"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> tempFiles() throws IOException {
        if (!Files.exists(root.resolve("tmp"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            return files.toList();
        }
    }

    /** A deterministic stream of any length that is never held in memory; optionally hashes what it serves. */
    public static class GeneratedStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        long served;

        public GeneratedStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((served + i) * 31 >>> 3);
            }
            if (digest != null) {
                digest.update(b, off, n);
            }
            served += n;
            return n;
        }
    }
}
