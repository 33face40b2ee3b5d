package org.lodestone.audit.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The chain's hash: SHA-256 (lower-case hex) over a canonical encoding of every stored field of a row plus the hash of
 * the row before it. Each text field is written as its UTF-8 length followed by its bytes (null as length -1), so field
 * boundaries cannot shift: actor "ab" + action "c" and actor "a" + action "bc" hash differently. Guarded by
 * {@code HashChainUnitTests}.
 */
final class HashChain {

    /** The previous hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    /** Versions the encoding, so a future change of fields cannot collide with rows hashed the old way. */
    private static final String FORMAT = "lodestone-audit-v1";

    private HashChain() {}

    /** The hash a row must carry, given its content and its previous hash. */
    static String hash(StoredRow row) {
        try (var bytes = new ByteArrayOutputStream(256);
                var out = new DataOutputStream(bytes)) {
            text(out, FORMAT);
            out.writeLong(row.sequence());
            out.writeLong(epochMicros(row.occurredAt()));
            text(out, row.actor());
            text(out, row.organisationId());
            text(out, row.action());
            text(out, row.objectType());
            text(out, row.objectId());
            text(out, row.outcome());
            text(out, row.detail());
            text(out, row.requestId());
            text(out, row.previousHash());
            out.flush();
            return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    /**
     * Microseconds since the epoch: both databases store TIMESTAMP WITH TIME ZONE to the microsecond, so the trail
     * truncates to microseconds before hashing and what is read back equals what was hashed.
     */
    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private static void text(DataOutputStream out, @Nullable String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
