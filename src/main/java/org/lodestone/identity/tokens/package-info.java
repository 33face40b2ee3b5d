/**
 * Personal API tokens: issued once with 256 random bits, stored only as a SHA-256 hash, expiring and revocable by their owner.
 */
@NullMarked
package org.lodestone.identity.tokens;

import org.jspecify.annotations.NullMarked;
