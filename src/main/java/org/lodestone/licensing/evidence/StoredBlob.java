package org.lodestone.licensing.evidence;

/**
 * A blob safely in storage: its lower-case hex SHA-256, its size, and whether an identical blob was already there.
 */
public record StoredBlob(String sha256, long sizeBytes, boolean reused) {}
