package org.lodestone.licensing.evidence;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;

/**
 * The metadata of one evidence document. {@code filename} is the user's name, sanitised, for display only (storage
 * addresses content by {@code sha256}); {@code contentType} is what the content is, detected, never what the client
 * claimed. A removed document keeps its row (and content) for the record.
 */
public record EvidenceDocument(
        DocumentId id,
        ApplicationId applicationId,
        DocumentType type,
        @Nullable UUID partyId,
        @Nullable UUID itemId,
        String filename,
        String contentType,
        long sizeBytes,
        String sha256,
        @Nullable String description,
        UserId uploadedBy,
        String uploadedByName,
        Instant uploadedAt,
        @Nullable Instant removedAt,
        @Nullable UserId removedBy,
        long version) {

    public boolean removed() {
        return removedAt != null;
    }

    EvidenceOnFile onFile() {
        return new EvidenceOnFile(id, type, partyId, itemId, filename, sha256, uploadedAt);
    }
}
