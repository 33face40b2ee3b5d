package org.lodestone.audit.store;

/** The single {@code audit_chain_head} row: the last sequence appended and its hash. */
record ChainHead(long lastSequence, String lastHash) {}
