package org.lodestone.licensing.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * SPI: where the bytes of evidence documents live, addressed by their SHA-256. Streams in, streams out, never a whole
 * document in memory, so a decorator (encryption at rest) or another backend (S3-compatible) can wrap or replace the
 * filesystem default. A blob is visible under its hash only once it is complete and durable; an interrupted
 * {@link #store} leaves nothing a reader could see. Guarded by {@code DocumentStorageTests}.
 */
public interface DocumentStorage {

    /**
     * Reads {@code content} to its end and keeps it under its SHA-256; an identical blob already stored is reused.
     *
     * @throws BlobTooLarge as soon as more than {@code maxBytes} were read; nothing is kept
     */
    StoredBlob store(InputStream content, long maxBytes) throws IOException;

    /** The content of a stored blob; the caller closes the stream. */
    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256);

    /** Hashes of the blobs last written or reused before {@code instant}, for the garbage sweep. */
    List<String> storedBefore(Instant instant) throws IOException;

    /** Removes a blob (garbage only: metadata rows never point at a deleted blob); false if it was not there. */
    boolean delete(String sha256) throws IOException;

    /** Removes unfinished uploads last touched before {@code instant}; returns how many. */
    int removeUnfinished(Instant before) throws IOException;
}
