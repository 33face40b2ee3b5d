package org.lodestone.protection;

/**
 * Start-up refusal: the database holds data keys that the key provider cannot unwrap (keystore missing, unreadable, or
 * without a key-encryption key that data keys reference). Lodestone never creates a new keystore over existing data,
 * because everything encrypted under the old one would become unreadable. Guarded by {@code KeyCustodyTests}.
 */
public final class KeyCustodyFailure extends IllegalStateException {

    public KeyCustodyFailure(String problem) {
        super("Lodestone refuses to start: " + problem
                + "\nRestore the keystore (and its password) from the backup; see docs/operations.md,"
                + " \"Keys and encryption at rest\".");
    }
}
