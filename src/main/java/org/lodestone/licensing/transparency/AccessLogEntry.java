package org.lodestone.licensing.transparency;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One read of an owner's data by someone outside the owning organisation, as the owner's access log shows it: who
 * (name, organisation, roles), what (application reference, document type and id — never the filename), when, and the
 * purpose stated. {@code auditSequence} is the audit entry that proves it.
 */
public record AccessLogEntry(
        long auditSequence,
        Instant occurredAt,
        String readerName,
        String readerUsername,
        String readerOrganisation,
        String readerRoles,
        String kind,
        UUID applicationId,
        String applicationReference,
        @Nullable UUID documentId,
        @Nullable String documentType,
        String what,
        @Nullable String purpose,
        @Nullable String reason,
        @Nullable String traceId) {}
