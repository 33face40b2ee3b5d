package org.lodestone.protection;

import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * SPI: custody of key-encryption keys (KEKs). A KEK never leaves the provider; it only wraps and unwraps data keys,
 * binding each wrap to {@code context} (the scope), so a wrapped key copied to another scope does not unwrap. The
 * default is {@link org.lodestone.protection.keystore.LocalKeystore}; an external KMS or HSM plugs in by declaring a
 * bean of this type (see docs/operations.md, "External KMS or HSM"). Implementations must be thread-safe.
 */
public interface KeyProvider {

    /** Id of the KEK that wraps new data keys (and the target of the last rotation). */
    String currentKek();

    /** Ids of every KEK the provider can still use. */
    Set<String> keks();

    /** Encrypts {@code dataKey} under the KEK. */
    byte[] wrap(String kekId, byte[] dataKey, byte[] context) throws GeneralSecurityException;

    /**
     * Decrypts a wrapped data key.
     *
     * @throws GeneralSecurityException when the wrapped key, the context or the KEK does not match (tampering)
     */
    byte[] unwrap(String kekId, byte[] wrapped, byte[] context) throws GeneralSecurityException;

    /** Creates a new KEK version, makes it current and returns its id (the first step of a rotation). */
    String newKek() throws GeneralSecurityException;

    /** Removes a KEK no data key is wrapped under any more (the caller has checked). */
    void retire(String kekId) throws GeneralSecurityException;

    /** Where the keys are, for operators' messages (a path, a KMS key name); never secret material. */
    String location();
}
