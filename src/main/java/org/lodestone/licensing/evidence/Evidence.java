package org.lodestone.licensing.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationAccess;
import org.lodestone.licensing.application.ApplicationAccess.Action;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;

/**
 * Evidence documents of licence applications: upload, list, read, remove. Who may do what is asked of
 * {@link ApplicationAccess} every time, so ownership rules live in one place; a document whose application the caller
 * may not see is answered exactly like one that does not exist (404). Every read of content is audited as
 * {@code DOCUMENT_READ} with the reader, whoever it is. Guarded by {@code EvidenceApiTests}.
 */
public class Evidence implements EvidenceCatalogue {

    private final ApplicationAccess access;
    private final Uploads uploads;
    private final DocumentRecords records;
    private final DocumentStorage storage;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final ContentTypes contentTypes;
    private final long maxBytes;
    private final Clock clock;

    Evidence(
            ApplicationAccess access,
            Uploads uploads,
            DocumentRecords records,
            DocumentStorage storage,
            AuditTrail audit,
            TransactionOperations transactions,
            ContentTypes contentTypes,
            long maxBytes,
            Clock clock) {
        this.access = access;
        this.uploads = uploads;
        this.records = records;
        this.storage = storage;
        this.audit = audit;
        this.transactions = transactions;
        this.contentTypes = contentTypes;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /**
     * Streams {@code content} into storage and records it as evidence of the application.
     *
     * @throws EvidenceProblem 415 wrong content for the type, 413 over {@link #maxBytes()}, 422 empty or invalid
     */
    public EvidenceDocument upload(
            ApplicationId application, NewDocument document, InputStream content, CurrentUser user) {
        return upload(application, document, content, user, maxBytes);
    }

    /** As {@link #upload(ApplicationId, NewDocument, InputStream, CurrentUser)} with a stricter size limit. */
    public EvidenceDocument upload(
            ApplicationId application, NewDocument document, InputStream content, CurrentUser user, long limitBytes) {
        access.require(application, user, Action.ATTACH_EVIDENCE);
        try {
            return uploads.accept(application, document, content, Math.min(limitBytes, maxBytes), user);
        } catch (IOException e) {
            throw new UncheckedIOException("upload of evidence for " + application + " failed", e);
        }
    }

    /** Current (not removed) documents of the application, oldest first. */
    public List<EvidenceDocument> list(ApplicationId application, CurrentUser user) {
        access.require(application, user, Action.READ);
        return records.current(application);
    }

    /** Metadata of one document, if the user may read its application; otherwise 404. */
    public EvidenceDocument describe(DocumentId id, CurrentUser user) {
        EvidenceDocument document = records.find(id).orElseThrow(() -> EvidenceProblem.notFound(id));
        try {
            access.require(document.applicationId(), user, Action.READ);
        } catch (ErrorResponseException denied) {
            throw EvidenceProblem.notFound(id);
        }
        return document;
    }

    /**
     * Opens the content for the user, after recording the read in the audit trail (a read that cannot be audited does
     * not happen). Removed documents stay readable for the record.
     */
    public DocumentContent read(DocumentId id, CurrentUser user) {
        EvidenceDocument document = describe(id, user);
        transactions.executeWithoutResult(
                tx -> audit.record(AuditRecord.success("DOCUMENT_READ", "DOCUMENT", id.toString())
                        .withDetail("application " + document.applicationId() + ", " + document.type() + ", sha256 "
                                + document.sha256())
                        .by(Uploads.actor(user))));
        try {
            return new DocumentContent(document, storage.open(document.applicationId(), document.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("content of evidence document " + id + " is missing from storage", e);
        }
    }

    /**
     * Soft-removes a document while the application still accepts evidence.
     *
     * @param expectedVersion the version the caller saw, or null for the current one
     * @throws EvidenceProblem 404 unknown or foreign, 409 stale version or already removed
     */
    public EvidenceDocument remove(
            ApplicationId application, DocumentId id, @Nullable Long expectedVersion, CurrentUser user) {
        EvidenceDocument document = records.find(id)
                .filter(d -> d.applicationId().equals(application))
                .orElseThrow(() -> EvidenceProblem.notFound(id));
        access.require(application, user, Action.ATTACH_EVIDENCE);
        if (document.removed()) {
            throw EvidenceProblem.conflict("the document is already removed");
        }
        long version = expectedVersion == null ? document.version() : expectedVersion;
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(tx -> {
            if (!records.markRemoved(id, version, user.id(), at)) {
                throw EvidenceProblem.conflict(
                        "the document changed meanwhile (expected version " + version + "); reload and retry");
            }
            audit.record(AuditRecord.success("DOCUMENT_REMOVED", "DOCUMENT", id.toString())
                    .withDetail("application " + application + ", " + document.type())
                    .by(Uploads.actor(user)));
        });
        return records.find(id).orElseThrow();
    }

    /** Whether the user may attach evidence to the application now (for showing or hiding the upload form). */
    public boolean mayAttach(ApplicationId application, CurrentUser user) {
        try {
            access.require(application, user, Action.ATTACH_EVIDENCE);
            return true;
        } catch (ErrorResponseException denied) {
            return false;
        }
    }

    /** The largest document accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Content types the document type accepts, sorted. */
    public List<String> acceptedTypes(DocumentType type) {
        return contentTypes.accepted(type);
    }

    @Override
    public List<EvidenceOnFile> onFile(ApplicationId application) {
        return records.current(application).stream()
                .map(EvidenceDocument::onFile)
                .toList();
    }
}
