/**
 * Confidentiality by design: envelope encryption at rest. Every protected value belongs to a {@link
 * org.lodestone.protection.Scope} (a licence application, later a personnel record) whose AES-256 data key is wrapped
 * by a key-encryption key of the {@link org.lodestone.protection.KeyProvider} (a local PKCS12 keystore by default, an
 * external KMS/HSM through the same SPI). {@link org.lodestone.protection.Protection} seals fields and streams
 * documents with AES-256-GCM, detects tampering, and destroys a scope's data key for crypto-shredding;
 * {@link org.lodestone.protection.KeyRotation} re-wraps data keys under a new key-encryption key without touching the
 * encrypted content. See docs/adr/0007-envelope-encryption.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.lodestone.protection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
