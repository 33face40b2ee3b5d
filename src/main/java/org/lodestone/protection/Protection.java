package org.lodestone.protection;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;

/**
 * Envelope encryption of one scope's data with its data key.
 *
 * <ul>
 *   <li>Fields: {@link #seal} gives {@code lse1:<generation>:<base64url(nonce | ciphertext | tag)>}, AES-256-GCM with
 *       a random 96-bit nonce; the associated data binds the scope and the field's {@code context} (e.g.
 *       {@code la_party.name_latin}), so a value copied to another row, column or application fails to open.
 *   <li>Documents: {@link #encrypting}/{@link #decrypting} stream through Tink's {@code AesGcmHkdfStreaming}
 *       (segmented AES-256-GCM, a fresh HKDF subkey per document, detects tampered, reordered and truncated segments),
 *       never holding more than one segment in memory.
 *   <li>A tampered value, wrapped key or segment is a {@link ProtectionProblem} of kind {@code INTEGRITY}; nothing
 *       unauthenticated is released (a document stream stops at the first segment that fails).
 *   <li>{@link #destroy} erases the scope's wrapped data key: everything sealed for the scope is unrecoverable
 *       (crypto-shredding) and opening it answers 410.
 * </ul>
 *
 * Guarded by {@code ProtectionUnitTests} and {@code ConfidentialityAtRestTests}.
 */
public class Protection {

    static final String PREFIX = "lse1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] STREAM_MAGIC = "LSD1".getBytes(StandardCharsets.US_ASCII);
    /**
     * Ciphertext segment of the streaming AEAD: memory per open stream and the unit of authentication. 256 KiB: a
     * document up to that size is authenticated whole before {@link #decrypting} returns; decryption speed was the same
     * as with 64 KiB within the noise of DocumentEncryptionBenchmark.
     */
    static final int SEGMENT = 256 * 1024;

    private final DataKeys keys;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    Protection(DataKeys keys, AuditTrail audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** Whether a stored value is in the sealed form (it may still fail to open). */
    public static boolean isSealed(@Nullable String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Encrypts a field value; null stays null (absence is not hidden, content is). */
    public @Nullable String seal(Scope scope, @Nullable String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        DataKeys.DataKey key = keys.forSealing(scope);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aes(key), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(fieldContext(scope, context, key.generation()));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + key.generation() + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * Decrypts a sealed field value; null stays null.
     *
     * @throws ProtectionProblem INTEGRITY when the value was altered, moved or is not sealed; DESTROYED after
     *     {@link #destroy}
     */
    public @Nullable String open(Scope scope, @Nullable String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw ProtectionProblem.integrity(scope, context + " (stored unencrypted)", null);
        }
        int colon = sealed.indexOf(':', PREFIX.length());
        byte[] bytes;
        int generation;
        try {
            generation = Integer.parseInt(sealed.substring(PREFIX.length(), colon));
            bytes = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
        } catch (RuntimeException malformed) {
            throw ProtectionProblem.integrity(scope, context, malformed);
        }
        if (bytes.length < NONCE + TAG_BITS / 8) {
            throw ProtectionProblem.integrity(scope, context, null);
        }
        DataKeys.DataKey key = keys.forOpening(scope, generation);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aes(key), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
            cipher.updateAAD(fieldContext(scope, context, generation));
            return new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8);
        } catch (AEADBadTagException tampered) {
            throw ProtectionProblem.integrity(scope, context, tampered);
        } catch (GeneralSecurityException e) {
            throw ProtectionProblem.integrity(scope, context, e);
        }
    }

    /**
     * Wraps {@code sink} so that what is written to the returned stream reaches it encrypted; closing the returned
     * stream writes the final segment and closes {@code sink}.
     */
    public OutputStream encrypting(Scope scope, OutputStream sink, String context) throws IOException {
        DataKeys.DataKey key = keys.forSealing(scope);
        sink.write(STREAM_MAGIC);
        sink.write(ByteBuffer.allocate(4).putInt(key.generation()).array());
        try {
            return streaming(key).newEncryptingStream(sink, fieldContext(scope, context, key.generation()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up streaming encryption", e);
        }
    }

    /**
     * Wraps {@code source} (written by {@link #encrypting}) so that reading the returned stream gives the plaintext.
     * A tampered, truncated or misplaced segment throws a {@link ProtectionProblem} of kind {@code INTEGRITY}: the first
     * segment is checked before this method returns, later ones when {@code read} reaches them (earlier segments were
     * authenticated before they were released).
     */
    public InputStream decrypting(Scope scope, InputStream source, String context) throws IOException {
        var in = new DataInputStream(source);
        byte[] magic = new byte[STREAM_MAGIC.length];
        int generation;
        try {
            in.readFully(magic);
            generation = in.readInt();
        } catch (EOFException truncated) {
            throw ProtectionProblem.integrity(scope, context, truncated);
        }
        if (!java.util.Arrays.equals(magic, STREAM_MAGIC)) {
            throw ProtectionProblem.integrity(scope, context + " (not an encrypted document)", null);
        }
        DataKeys.DataKey key = keys.forOpening(scope, generation);
        try {
            InputStream plain =
                    streaming(key).newDecryptingStream(source, fieldContext(scope, context, key.generation()));
            // Authenticate the first segment now (Tink releases nothing of a segment before its tag verified): a
            // tampered document of one segment - most evidence - fails here, before a response is committed, and
            // the caller answers a clean problem instead of a cut-off download.
            var authenticated = new java.io.PushbackInputStream(new Authenticated(plain, scope, context), 1);
            int first = authenticated.read();
            if (first != -1) {
                authenticated.unread(first);
            }
            return authenticated;
        } catch (GeneralSecurityException e) {
            throw ProtectionProblem.integrity(scope, context, e);
        }
    }

    /**
     * Crypto-shredding: erases the scope's data key, so everything sealed or encrypted for it is unrecoverable; audited
     * in the caller's transaction. Returns false when it was already destroyed.
     */
    public boolean destroy(Scope scope, String reason) {
        boolean destroyed = keys.destroy(scope);
        if (destroyed) {
            audit.record(AuditRecord.success("DATA_KEY_DESTROYED", "DATA_KEY", scope.value())
                    .withDetail(reason));
        }
        return destroyed;
    }

    public boolean isDestroyed(Scope scope) {
        return keys.isDestroyed(scope);
    }

    private static byte[] fieldContext(Scope scope, String context, int generation) {
        return ("lse1|" + scope.value() + "|" + context + "|" + generation).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec aes(DataKeys.DataKey key) {
        return new SecretKeySpec(key.key(), "AES");
    }

    private static AesGcmHkdfStreaming streaming(DataKeys.DataKey key) throws GeneralSecurityException {
        return new AesGcmHkdfStreaming(key.key(), "HmacSha256", 32, SEGMENT, 0);
    }

    /** Turns Tink's "tampered" IOExceptions into the integrity problem every caller knows. */
    private static final class Authenticated extends FilterInputStream {

        private final Scope scope;
        private final String context;

        Authenticated(InputStream in, Scope scope, String context) {
            super(in);
            this.scope = scope;
            this.context = context;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw translate(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw translate(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw translate(e);
            }
        }

        private IOException translate(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof GeneralSecurityException
                        || (t.getMessage() != null
                                && t.getMessage()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .matches(".*(tamper|truncat|too short|ciphertext|segment|header).*"))) {
                    throw ProtectionProblem.integrity(scope, context, e);
                }
            }
            return e;
        }
    }
}
