/**
 * REST API of key management for administrators: key status, rotation of the key-encryption key, retiring an old one.
 * Access ("/api/v1/protection/**" needs role ADMIN) is enforced by the identity module's endpoint policy, because
 * protection sits below identity.
 */
@NullMarked
package org.lodestone.protection.http;

import org.jspecify.annotations.NullMarked;
