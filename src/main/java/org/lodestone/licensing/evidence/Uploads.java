package org.lodestone.licensing.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The upload pipeline, in the order that keeps "no half documents" true: read the head and refuse what is empty or of
 * the wrong type before anything is written; stream the rest into storage (hash, size limit, fsync, atomic rename);
 * only then insert the metadata row, in one transaction with its audit record. A crash at any point leaves at worst a
 * blob without a row (content-addressed, collected by {@link DocumentsGarbage}), never a row without content. Guarded
 * by {@code InterruptedUploadTests} (kill -9 mid-store) and {@code EvidenceApiTests}.
 */
final class Uploads {

    static final int MAX_DESCRIPTION = 2000;

    private final DocumentStorage storage;
    private final ContentTypes contentTypes;
    private final DocumentRecords records;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final Clock clock;

    Uploads(
            DocumentStorage storage,
            ContentTypes contentTypes,
            DocumentRecords records,
            AuditTrail audit,
            TransactionOperations transactions,
            Clock clock) {
        this.storage = storage;
        this.contentTypes = contentTypes;
        this.records = records;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores the content and records the document; the caller has checked that {@code user} may attach evidence. */
    EvidenceDocument accept(
            ApplicationId application, NewDocument document, InputStream content, long maxBytes, CurrentUser user)
            throws IOException {
        return accept(application, document, content, maxBytes, user, stored -> {});
    }

    /**
     * As {@link #accept(ApplicationId, NewDocument, InputStream, long, CurrentUser)}, running {@code alsoRecord} in the
     * transaction that inserts the row (a sealed document's seal, #6), so the row never exists without it.
     */
    EvidenceDocument accept(
            ApplicationId application,
            NewDocument document,
            InputStream content,
            long maxBytes,
            CurrentUser user,
            Consumer<EvidenceDocument> alsoRecord)
            throws IOException {
        String description =
                document.description() == null || document.description().isBlank()
                        ? null
                        : document.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw EvidenceProblem.invalid("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        String filename = Filenames.sanitise(document.filename());

        byte[] head = content.readNBytes(ContentTypes.HEAD_BYTES);
        if (head.length == 0) {
            throw EvidenceProblem.empty();
        }
        if (head.length > maxBytes) {
            throw EvidenceProblem.tooLarge(maxBytes);
        }
        String detected = contentTypes.detect(head, filename);
        if (!contentTypes.accepts(document.type(), detected)) {
            throw EvidenceProblem.unsupportedType(detected, document.type(), contentTypes.accepted(document.type()));
        }

        StoredBlob blob;
        try {
            blob = storage.store(
                    application, new SequenceInputStream(new ByteArrayInputStream(head), content), maxBytes);
        } catch (BlobTooLarge e) {
            throw EvidenceProblem.tooLarge(e.limit());
        }

        // Microseconds: what both H2 and PostgreSQL keep, so what we return equals what we read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var stored = new EvidenceDocument(
                new DocumentId(UUID.randomUUID()),
                application,
                document.type(),
                document.partyId(),
                document.itemId(),
                filename,
                detected,
                blob.sizeBytes(),
                blob.sha256(),
                description,
                user.id(),
                user.displayName(),
                now,
                null,
                null,
                0);
        transactions.executeWithoutResult(tx -> {
            records.insert(stored);
            alsoRecord.accept(stored);
            audit.record(AuditRecord.success(
                            "DOCUMENT_UPLOADED", "DOCUMENT", stored.id().toString())
                    // No filename or description: they may name customers (encrypted at rest, #6).
                    .withDetail("application " + application + ", " + stored.type() + ", " + detected + ", "
                            + blob.sizeBytes() + " bytes, sha256 " + blob.sha256())
                    .by(actor(user)));
        });
        return stored;
    }

    static AuditActor actor(CurrentUser user) {
        return new AuditActor(user.username(), user.organisationId().value().toString());
    }
}
