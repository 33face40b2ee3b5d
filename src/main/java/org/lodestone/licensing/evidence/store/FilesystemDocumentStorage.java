package org.lodestone.licensing.evidence.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.BlobTooLarge;
import org.lodestone.licensing.evidence.DocumentStorage;
import org.lodestone.licensing.evidence.StoredBlob;
import org.lodestone.protection.Protection;
import org.lodestone.protection.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs on the filesystem, per application: {@code <root>/applications/<application id>/sha256/ab/<hash>}, where the
 * hash is the SHA-256 of the plaintext. With {@link Protection} (always, in the running application) the content is
 * encrypted on the way in with the application's data key (streaming AES-256-GCM) and decrypted on the way out, so
 * the files hold no plaintext; the plaintext constructor exists for tests and as the benchmark baseline. A blob is
 * first streamed into {@code <root>/tmp} (same filesystem) while its SHA-256 and size are computed, forced to disk,
 * then renamed into place atomically and the directory forced too; so a reader sees a complete blob or none, even
 * after a kill -9 or power loss. Unfinished uploads of a previous run are removed when the storage starts. Guarded by
 * {@code DocumentStorageTests}, {@code EncryptedDocumentStorageTests} and {@code InterruptedUploadTests}.
 */
public class FilesystemDocumentStorage implements DocumentStorage {

    private static final Logger log = LoggerFactory.getLogger(FilesystemDocumentStorage.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    /** The associated data of every document stream: a blob moved into another application's directory fails. */
    static final String CONTEXT = "evidence_document.content";

    private final Path root;
    private final Path blobs;
    private final Path legacyRoot;
    private final Path incoming;
    private final @Nullable Protection protection;

    /**
     * Opens the storage under {@code root} and removes what a previous run left unfinished. Directories are created on
     * the first upload, so a server that never receives one writes nothing (production mode keeps the data directory
     * untouched).
     */
    public FilesystemDocumentStorage(Path root, Protection protection) {
        this(root, (Protection) protection, true);
    }

    /** Plaintext storage: tests and the benchmark baseline only. */
    public FilesystemDocumentStorage(Path root) {
        this(root, null, false);
    }

    private FilesystemDocumentStorage(Path root, @Nullable Protection protection, boolean encrypted) {
        this.root = root;
        this.blobs = root.resolve("applications");
        this.legacyRoot = root.resolve("sha256");
        this.incoming = incomingDirectory(root);
        this.protection = encrypted ? protection : null;
        try {
            // Files last written before this JVM started belong to a process that is gone (crashed, killed); files of
            // a live peer sharing the directory are being written, so they are newer.
            Instant started =
                    Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
            int removed = removeUnfinished(started);
            if (removed > 0) {
                log.info("Removed {} unfinished upload(s) left in {} by an earlier run", removed, incoming);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open document storage at " + root, e);
        }
    }

    /** The storage's root directory (tests scan it for plaintext). */
    public Path root() {
        return root;
    }

    /** Where unfinished uploads live; also the servlet container's multipart spool, so one cleanup covers both. */
    public static Path incomingDirectory(Path root) {
        return root.resolve("tmp");
    }

    @Override
    public StoredBlob store(ApplicationId application, InputStream content, long maxBytes) throws IOException {
        MessageDigest sha256 = sha256();
        Files.createDirectories(incoming);
        Path temp = incoming.resolve("upload-" + UUID.randomUUID() + ".part");
        long size = 0;
        boolean kept = false;
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // The channel outlives the (encrypting) stream: closing the stream writes the final segment, then the
                // file is forced.
                OutputStream file = new BufferedOutputStream(new NonClosing(Channels.newOutputStream(channel)), BUFFER);
                try (OutputStream out =
                        protection == null ? file : protection.encrypting(scope(application), file, CONTEXT)) {
                    byte[] buffer = new byte[BUFFER];
                    int n;
                    while ((n = content.read(buffer)) != -1) {
                        size += n;
                        if (size > maxBytes) {
                            throw new BlobTooLarge(maxBytes);
                        }
                        sha256.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                    }
                }
                file.flush();
                channel.force(true);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Path target = path(application, hash);
            if (Files.exists(target)) {
                touch(target);
                return new StoredBlob(hash, size, true);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                touch(target);
                return new StoredBlob(hash, size, true);
            }
            kept = true;
            forceDirectory(target.getParent());
            return new StoredBlob(hash, size, false);
        } finally {
            if (!kept) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public InputStream open(ApplicationId application, String sha256) throws IOException {
        InputStream file = new BufferedInputStream(Files.newInputStream(path(application, sha256)), BUFFER);
        if (protection == null) {
            return file;
        }
        try {
            return protection.decrypting(scope(application), file, CONTEXT);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public boolean exists(ApplicationId application, String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isRegularFile(path(application, sha256));
    }

    @Override
    public List<BlobRef> storedBefore(Instant instant) throws IOException {
        var result = new ArrayList<BlobRef>();
        if (!Files.isDirectory(blobs)) {
            return result;
        }
        // applications/<id>/sha256/ab/<hash>
        try (Stream<Path> files = Files.find(blobs, 4, (p, attrs) -> attrs.isRegularFile())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                Path relative = blobs.relativize(p);
                if (relative.getNameCount() == 4
                        && SHA256.matcher(name).matches()
                        && Files.getLastModifiedTime(p).toInstant().isBefore(instant)) {
                    try {
                        var application = new ApplicationId(
                                UUID.fromString(relative.getName(0).toString()));
                        result.add(new BlobRef(application, name));
                    } catch (IllegalArgumentException notOurs) {
                        // not an application directory
                    }
                }
            }
        }
        return result;
    }

    @Override
    public boolean delete(ApplicationId application, String sha256) throws IOException {
        return Files.deleteIfExists(path(application, sha256));
    }

    @Override
    public int removeUnfinished(Instant before) throws IOException {
        int removed = 0;
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming)) {
            for (Path p : files) {
                try {
                    if (Files.isRegularFile(p)
                            && Files.getLastModifiedTime(p).toInstant().isBefore(before)
                            && Files.deleteIfExists(p)) {
                        removed++;
                    }
                } catch (NoSuchFileException gone) {
                    // finished or removed meanwhile
                }
            }
        }
        return removed;
    }

    /**
     * Moves a blob of the layout before #6 ({@code <root>/sha256/ab/cd/<hash>}, plaintext, shared by applications) into
     * the application's own, encrypted place, checking its hash on the way. Returns false when there is nothing to
     * move. The legacy file stays until {@link #removeLegacy} (other applications may share it).
     */
    public boolean adoptLegacy(ApplicationId application, String sha256) throws IOException {
        Path legacy = legacyPath(sha256);
        if (exists(application, sha256) || !Files.isRegularFile(legacy)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(legacy)) {
            StoredBlob blob = store(application, in, Long.MAX_VALUE);
            if (!blob.sha256().equals(sha256)) {
                delete(application, blob.sha256());
                throw new IOException("legacy blob " + legacy + " does not match its name (sha256 " + blob.sha256()
                        + "); left in place");
            }
        }
        return true;
    }

    /** Deletes a legacy plaintext blob once every application that references it has adopted it. */
    public boolean removeLegacy(String sha256) throws IOException {
        return Files.deleteIfExists(legacyPath(sha256));
    }

    private Path legacyPath(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return legacyRoot
                .resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    Path path(ApplicationId application, String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return blobs.resolve(application.value().toString())
                .resolve("sha256")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256);
    }

    private static Scope scope(ApplicationId application) {
        return Scope.application(application.value());
    }

    /** Lets the encrypting stream be closed (to write its last segment) while the file stays open to be forced. */
    private static final class NonClosing extends FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** A reused blob counts as fresh, so the garbage sweep never removes content a new row is about to point at. */
    private static void touch(Path blob) throws IOException {
        Files.setLastModifiedTime(blob, FileTime.from(Instant.now()));
    }

    /** The rename is durable only once the directory entry is on disk. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some filesystems cannot open directories; the rename itself is still atomic.
            log.debug("cannot force directory {}: {}", directory, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
