package org.lodestone.licensing.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationAccess;
import org.lodestone.licensing.application.ApplicationAccess.Action;
import org.lodestone.licensing.application.ApplicationSummary;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;

/**
 * Evidence documents of licence applications: upload, list, read, remove. Who may do what is asked of
 * {@link ApplicationAccess} every time, so ownership rules live in one place; a document whose application the caller
 * may not see is answered exactly like one that does not exist (404). Every read of content is audited as
 * {@code DOCUMENT_READ} with the reader, whoever it is. Documents a foreign party uploads as contributor are sealed
 * from the applicant ({@link Sealing}, #6). Guarded by {@code EvidenceApiTests} and {@code InvitationApiTests}.
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
    private final Sealing sealing;
    private List<DocumentVisibility> visibility = List.of();

    Evidence(
            ApplicationAccess access,
            Uploads uploads,
            DocumentRecords records,
            DocumentStorage storage,
            AuditTrail audit,
            TransactionOperations transactions,
            ContentTypes contentTypes,
            long maxBytes,
            Clock clock,
            Sealing sealing) {
        this.access = access;
        this.uploads = uploads;
        this.records = records;
        this.storage = storage;
        this.audit = audit;
        this.transactions = transactions;
        this.contentTypes = contentTypes;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.sealing = sealing;
    }

    /** Set once at wiring; redaction (#6) narrows what readers see. */
    void narrowedBy(List<DocumentVisibility> visibility) {
        this.visibility = List.copyOf(visibility);
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
        if (sealing.contribution(application, user).isPresent()) {
            return uploadSealed(application, document, content, user, limitBytes);
        }
        access.require(application, user, Action.ATTACH_EVIDENCE);
        try {
            return uploads.accept(application, document, content, Math.min(limitBytes, maxBytes), user);
        } catch (IOException e) {
            throw new UncheckedIOException("upload of evidence for " + application + " failed", e);
        }
    }

    /** Current (not removed) documents of the application, oldest first. */
    public List<EvidenceDocument> list(ApplicationId application, CurrentUser user) {
        if (sealing.contribution(application, user).isPresent()) {
            return sealing.own(records.current(application), application, user);
        }
        ApplicationSummary summary = access.require(application, user, Action.READ);
        return sealing.forReader(records.current(application), summary, user).stream()
                .filter(d -> verdict(d, summary, user) != DocumentVisibility.Verdict.HIDDEN)
                .toList();
    }

    /** Metadata of one document, if the user may read its application; otherwise 404. */
    public EvidenceDocument describe(DocumentId id, CurrentUser user) {
        EvidenceDocument document = records.find(id).orElseThrow(() -> EvidenceProblem.notFound(id));
        if (sealing.contribution(document.applicationId(), user).isPresent()) {
            return ownSealed(document, user);
        }
        ApplicationSummary summary;
        EvidenceDocument visible;
        try {
            summary = access.require(document.applicationId(), user, Action.READ);
            visible = sealing.forReader(document, summary, user);
        } catch (ErrorResponseException denied) {
            throw EvidenceProblem.notFound(id);
        }
        if (verdict(visible, summary, user) == DocumentVisibility.Verdict.HIDDEN) {
            throw EvidenceProblem.notFound(id); // redaction (#6): not for this reader
        }
        return visible;
    }

    private DocumentVisibility.Verdict verdict(EvidenceDocument document, ApplicationSummary app, CurrentUser user) {
        DocumentVisibility.Verdict result = DocumentVisibility.Verdict.VISIBLE;
        for (DocumentVisibility v : visibility) {
            DocumentVisibility.Verdict verdict = v.of(document, app, user);
            if (verdict.compareTo(result) > 0) {
                result = verdict;
            }
        }
        return result;
    }

    /**
     * Opens the content for the user, after recording the read in the audit trail (a read that cannot be audited does
     * not happen). Removed documents stay readable for the record.
     */
    public DocumentContent read(DocumentId id, CurrentUser user) {
        return read(id, user, ReadNote.NONE);
    }

    // ---- access transparency (#6): the purpose and watermark of a read go into its audit entry, and the owner's
    // access log is written in the same transaction. The rules are licensing.transparency's; this is only the hook.

    /** Extra audit detail of one read, and what to do with the audit entry in its transaction (#6). */
    public record ReadNote(String detail, Consumer<AuditEntry> recorded) {
        public static final ReadNote NONE = new ReadNote("", entry -> {});
    }

    /** As {@link #read(DocumentId, CurrentUser)}, with {@code note} appended to the audit detail. */
    public DocumentContent read(DocumentId id, CurrentUser user, ReadNote note) {
        EvidenceDocument document = describe(id, user);
        refuseSealedContent(document, user);
        if (sealing.contribution(document.applicationId(), user).isEmpty()
                && verdict(document, access.require(document.applicationId(), user, Action.READ), user)
                        == DocumentVisibility.Verdict.SUPERSEDED) {
            throw EvidenceProblem.superseded(id);
        }
        transactions.executeWithoutResult(tx -> {
            // No filename: it may name customers (encrypted at rest, #6).
            AuditEntry entry = audit.record(AuditRecord.success("DOCUMENT_READ", "DOCUMENT", id.toString())
                    .withDetail("application " + document.applicationId() + ", " + document.type() + ", sha256 "
                            + document.sha256() + note.detail())
                    .by(Uploads.actor(user)));
            note.recorded().accept(entry);
        });
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
        requireMayRemove(application, document, user);
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
        // sealed documents count like any other; their names stay sealed wherever the list is shown (#6)
        Map<DocumentId, Seal> sealed = sealing.sealedOf(application);
        return records.current(application).stream()
                .map(d -> sealed.containsKey(d.id()) ? Sealing.masked(d) : d)
                .map(EvidenceDocument::onFile)
                .toList();
    }

    // ---- sealed evidence from contributors (#6); the rules are Sealing's ----

    /**
     * The seals on the application's documents as the user sees them ({@link Seal#locked()} for the applicant's
     * organisation); a contributor sees only its own. 404 like {@link #list} for anyone else.
     */
    public Map<DocumentId, Seal> seals(ApplicationId application, CurrentUser user) {
        if (sealing.contribution(application, user).isPresent()) {
            Map<DocumentId, Seal> own = new LinkedHashMap<>(sealing.sealedOf(application));
            own.values().removeIf(seal -> !seal.contributor().equals(user.organisationId()));
            return own;
        }
        return sealing.seals(access.require(application, user, Action.READ), user);
    }

    /**
     * Whether the user is a contributor of the application (a foreign party that accepted an invitation): he sees and
     * opens only his own sealed documents and is no reader of the application.
     */
    public boolean isContributor(ApplicationId application, CurrentUser user) {
        return sealing.contribution(application, user).isPresent();
    }

    /** A contributor's upload: sealed, about one of its own parties, while the application accepts evidence. */
    private EvidenceDocument uploadSealed(
            ApplicationId application, NewDocument document, InputStream content, CurrentUser user, long limitBytes) {
        var contribution = sealing.requireAttach(application, user);
        NewDocument about = sealing.aboutOwnParty(document, contribution);
        try {
            return uploads.accept(application, about, content, Math.min(limitBytes, maxBytes), user, stored -> {
                sealing.seal(stored, contribution, user);
                audit.record(AuditRecord.success(
                                "DOCUMENT_SEALED", "DOCUMENT", stored.id().toString())
                        .withDetail("application " + application + ", party " + stored.partyId() + ", contributor "
                                + user.organisationId())
                        .by(Uploads.actor(user)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("upload of sealed evidence for " + application + " failed", e);
        }
    }

    /** A contributor describes only documents its organisation sealed; any other is not found. */
    private EvidenceDocument ownSealed(EvidenceDocument document, CurrentUser user) {
        if (!sealing.isOwn(document.id(), user)) {
            throw EvidenceProblem.notFound(document.id());
        }
        return document;
    }

    /** The applicant's organisation knows a sealed document exists but may not read it (403). */
    private void refuseSealedContent(EvidenceDocument document, CurrentUser user) {
        if (sealing.contribution(document.applicationId(), user).isEmpty()) {
            sealing.refuseContent(document, access.require(document.applicationId(), user, Action.READ), user);
        }
    }

    /**
     * A contributor removes its own sealed documents while the application accepts evidence; the applicant removes its
     * own documents as before, never a sealed one (403).
     */
    private void requireMayRemove(ApplicationId application, EvidenceDocument document, CurrentUser user) {
        if (sealing.contribution(application, user).isPresent()) {
            ownSealed(document, user);
            sealing.requireAttach(application, user);
            return;
        }
        access.require(application, user, Action.READ);
        sealing.refuseRemoval(document);
        access.require(application, user, Action.ATTACH_EVIDENCE);
    }
}
