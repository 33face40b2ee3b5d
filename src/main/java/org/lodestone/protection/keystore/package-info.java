/** The default {@link org.lodestone.protection.KeyProvider}: key-encryption keys in a local PKCS12 keystore file. */
@NullMarked
package org.lodestone.protection.keystore;

import org.jspecify.annotations.NullMarked;
