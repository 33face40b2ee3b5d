package org.lodestone.licensing.evidence;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One evidence document as the completeness check sees it: its type and what it is about — a party
 * ({@code partyId}), an item ({@code itemId}) or, when both are null, the application as a whole.
 */
public record EvidenceOnFile(
        DocumentId id,
        DocumentType type,
        @Nullable UUID partyId,
        @Nullable UUID itemId,
        String filename,
        String sha256,
        Instant uploadedAt) {}
