package org.lodestone.licensing.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.lodestone.licensing.ApplicationId;

/**
 * SPI: where the bytes of evidence documents live, per application and addressed within it by the SHA-256 of their
 * plaintext. Streams in, streams out, never a whole document in memory. Blobs are kept per application (no
 * cross-application deduplication): each application's documents are encrypted with its own data key, and shared
 * blobs would reveal that two exporters hold the same file. A blob is visible only once it is complete and durable;
 * an interrupted {@link #store} leaves nothing a reader could see. Guarded by {@code DocumentStorageTests}.
 */
public interface DocumentStorage {

    /** A stored blob: the application it belongs to and the SHA-256 of its plaintext. */
    record BlobRef(ApplicationId application, String sha256) {}

    /**
     * Reads {@code content} to its end and keeps it for the application under its SHA-256; an identical blob the
     * application already has is reused.
     *
     * @throws BlobTooLarge as soon as more than {@code maxBytes} were read; nothing is kept
     */
    StoredBlob store(ApplicationId application, InputStream content, long maxBytes) throws IOException;

    /** The (decrypted) content of a stored blob; the caller closes the stream. */
    InputStream open(ApplicationId application, String sha256) throws IOException;

    boolean exists(ApplicationId application, String sha256);

    /** Blobs last written or reused before {@code instant}, for the garbage sweep. */
    List<BlobRef> storedBefore(Instant instant) throws IOException;

    /** Removes a blob (garbage only: metadata rows never point at a deleted blob); false if it was not there. */
    boolean delete(ApplicationId application, String sha256) throws IOException;

    /** Removes unfinished uploads last touched before {@code instant}; returns how many. */
    int removeUnfinished(Instant before) throws IOException;
}
