package org.lodestone.licensing.redaction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationAccess;
import org.lodestone.licensing.application.ApplicationSummary;
import org.lodestone.licensing.application.Applications;
import org.lodestone.licensing.evidence.DocumentContent;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentVisibility;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.evidence.NewDocument;
import org.lodestone.licensing.redaction.store.RedactionStore;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;

/**
 * Redaction of evidence documents (#6). The applicant's organisation redacts a PDF while the application accepts
 * evidence: {@link PdfRedactor} makes the copy, which is stored through the ordinary upload path as a new evidence
 * document of the same type (and party or item), linked to the original, in one transaction with the record and the
 * {@code REDACTION_APPLIED} audit (counts and areas, never the terms).
 *
 * <p>Who reads what ({@link #of}): the applicant's organisation and the competent authority read the original while it
 * is kept, and the copy; a reader in one of the redaction's audiences reads only the copy (the original is not found for
 * them); a reader in none of them reads the original if kept, else the copy. An original given up for its copy
 * ({@code keepOriginal: false}) is removed from the application (the copy takes its place in the completeness check)
 * and its content is served to nobody (410). Documents of a type withheld by a field mark are not found for the
 * audiences marked. One document is redacted at most once per audience, so no audience ever holds two differently
 * redacted copies to combine. Guarded by {@code RedactionApiTests} and {@code RedactionAuthorizationMatrixTests}.
 */
public class Redactions implements DocumentVisibility {

    /** Redaction works in memory (rendering pages), so the original it reads has a size limit of its own. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final ApplicationAccess access;
    private final Applications applications;
    private final Evidence evidence;
    private final RedactionStore store;
    private final Readers readers;
    private final FieldRedactions fields;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final Clock clock;

    Redactions(
            ApplicationAccess access,
            Applications applications,
            Evidence evidence,
            RedactionStore store,
            Readers readers,
            FieldRedactions fields,
            AuditTrail audit,
            TransactionOperations transactions,
            Clock clock) {
        this.access = access;
        this.applications = applications;
        this.evidence = evidence;
        this.store = store;
        this.readers = readers;
        this.fields = fields;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Redacts the document and stores the copy.
     *
     * @throws RedactionProblem 404 unknown or foreign, 409 removed, already redacted for one of the audiences or the
     *     application not accepting evidence, 422 naming the field (see {@link PdfRedactor#redact})
     */
    public RedactionOutcome redact(
            ApplicationId application, DocumentId documentId, RedactionRequest request, CurrentUser user) {
        access.require(application, user, ApplicationAccess.Action.ATTACH_EVIDENCE);
        EvidenceDocument original = document(application, documentId, user);
        if (original.removed()) {
            throw RedactionProblem.conflict("the document is removed; only current documents can be redacted");
        }
        if (request.audiences().isEmpty()) {
            throw RedactionProblem.invalid("audiences", "choose at least one audience: " + List.of(Audience.values()));
        }
        List<String> terms = PdfRedactor.validTerms(request.terms());
        if (!"application/pdf".equals(original.contentType())) {
            throw RedactionProblem.invalid(
                    "document", "only PDF documents can be redacted; this one is " + original.contentType());
        }
        if (original.sizeBytes() > MAX_BYTES) {
            throw RedactionProblem.invalid(
                    "document", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB, the limit for redaction");
        }
        requireNotRedactedFor(original.id(), request.audiences(), user);

        byte[] bytes;
        DocumentContent content = evidence.read(documentId, user);
        try (InputStream in = content.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read document " + documentId, e);
        }
        PdfRedactor.Result result = PdfRedactor.redact(bytes, terms, request.areas());

        return transactions.execute(tx -> {
            applications.lock(application); // serialises redactions (and edits) of one application
            requireNotRedactedFor(original.id(), request.audiences(), user);
            EvidenceDocument copy = evidence.upload(
                    application,
                    new NewDocument(
                            original.type(),
                            original.partyId(),
                            original.itemId(),
                            copyName(original.filename(), terms),
                            // not the original's name or description: they may hold a term themselves
                            "Redacted copy for " + names(request.audiences())),
                    new ByteArrayInputStream(result.pdf()),
                    user);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var redaction = new DocumentRedaction(
                    UUID.randomUUID(),
                    application,
                    original.id(),
                    copy.id(),
                    request.audiences(),
                    request.keepOriginal(),
                    terms.size(),
                    result.counts(),
                    request.areas(),
                    result.pages(),
                    result.rasterised(),
                    user.displayName(),
                    now);
            store.insert(redaction, user.id());
            if (!request.keepOriginal()) {
                evidence.remove(application, original.id(), null, user);
            }
            audit.record(AuditRecord.success(
                            "REDACTION_APPLIED", "DOCUMENT", original.id().toString())
                    .withDetail(detail(redaction, copy))
                    .by(new AuditActor(
                            user.username(), user.organisationId().value().toString())));
            return new RedactionOutcome(redaction, copy, terms);
        });
    }

    /**
     * Checks that the user may redact documents of the application now and that the document is one of them (404, 403,
     * 409), before the adapters read the request's fields: strangers learn nothing from a 422.
     */
    public void authorise(ApplicationId application, DocumentId documentId, CurrentUser user) {
        access.require(application, user, ApplicationAccess.Action.ATTACH_EVIDENCE);
        document(application, documentId, user);
    }

    /**
     * The document if the user may redact it now (applicant's organisation, application accepting evidence, a current
     * PDF), for the form; the same problems as {@link #redact} otherwise.
     */
    public EvidenceDocument redactable(ApplicationId application, DocumentId documentId, CurrentUser user) {
        access.require(application, user, ApplicationAccess.Action.ATTACH_EVIDENCE);
        EvidenceDocument document = document(application, documentId, user);
        if (document.removed()) {
            throw RedactionProblem.conflict("the document is removed; only current documents can be redacted");
        }
        if (!"application/pdf".equals(document.contentType())) {
            throw RedactionProblem.invalid(
                    "document", "only PDF documents can be redacted; this one is " + document.contentType());
        }
        return document;
    }

    /** Redactions in which the document is the original or the copy: for the applicant and the competent authority. */
    public List<DocumentRedaction> list(ApplicationId application, DocumentId documentId, CurrentUser user) {
        EvidenceDocument document = document(application, documentId, user);
        ApplicationSummary app = access.require(application, user, ApplicationAccess.Action.READ);
        if (!Readers.isOwnerOrAuthority(app, user)) {
            throw RedactionProblem.notFound("No evidence document " + documentId + " that you may see.");
        }
        return store.involving(document.id());
    }

    /** Every redaction of the application: for the applicant and the competent authority (others 404). */
    public List<DocumentRedaction> ofApplication(ApplicationId application, CurrentUser user) {
        ApplicationSummary app = access.require(application, user, ApplicationAccess.Action.READ);
        if (!Readers.isOwnerOrAuthority(app, user)) {
            throw RedactionProblem.notFound("No application " + application + " that you may see.");
        }
        return store.ofApplication(application);
    }

    @Override
    public Verdict of(EvidenceDocument document, ApplicationSummary application, CurrentUser user) {
        Set<Audience> audiences = readers.audiences(application, user);
        Verdict verdict = Verdict.VISIBLE;
        if (!audiences.isEmpty()) {
            for (SensitiveField field : fields.redactedFor(application, user)) {
                if (field.documents() == document.type()) {
                    return Verdict.HIDDEN;
                }
            }
        }
        for (DocumentRedaction r : store.involving(document.id())) {
            if (r.originalId().equals(document.id())) {
                if (!audiences.isEmpty() && r.redactsFor(audiences)) {
                    return Verdict.HIDDEN;
                }
                if (!r.keepOriginal()) {
                    verdict = Verdict.SUPERSEDED;
                }
            } else if (!audiences.isEmpty() && !r.redactsFor(audiences) && r.keepOriginal()) {
                return Verdict.HIDDEN; // not redacted for this reader: the original is theirs to read
            }
        }
        return verdict;
    }

    private EvidenceDocument document(ApplicationId application, DocumentId id, CurrentUser user) {
        EvidenceDocument document;
        try {
            document = evidence.describe(id, user);
        } catch (ErrorResponseException notFound) {
            throw RedactionProblem.notFound("No evidence document " + id + " that you may see.");
        }
        if (!document.applicationId().equals(application)) {
            throw RedactionProblem.notFound("No evidence document " + id + " that you may see.");
        }
        return document;
    }

    private void requireNotRedactedFor(DocumentId original, Set<Audience> audiences, CurrentUser user) {
        for (DocumentRedaction r : store.involving(original)) {
            if (!r.originalId().equals(original)) {
                continue;
            }
            if (r.keepOriginal() && evidence.describe(r.copyId(), user).removed()) {
                continue; // its copy was removed: the applicant may make another (the original stays hidden meanwhile)
            }
            if (!r.keepOriginal()) {
                throw RedactionProblem.conflict(
                        "the document was superseded by its redacted copy " + r.copyId() + "; redact the copy instead");
            }
            if (r.redactsFor(audiences)) {
                throw RedactionProblem.conflict("the document is already redacted for "
                        + names(r.audiences()) + " (copy " + r.copyId() + "); redact that copy further, or remove"
                        + " it first, so that no audience holds two different copies");
            }
        }
    }

    /** Lower-case letters and digits only: file names separate words with anything. */
    private static String lettersAndDigits(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** {@code <name>-redacted.pdf}, or a neutral name when the original's name holds one of the terms. */
    static String copyName(String filename, List<String> terms) {
        String name = lettersAndDigits(filename);
        for (String term : terms) {
            String t = lettersAndDigits(term);
            if (!t.isEmpty() && name.contains(t)) {
                return "redacted-copy.pdf";
            }
        }
        String base = filename.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                ? filename.substring(0, filename.length() - 4)
                : filename;
        return base + "-redacted.pdf";
    }

    private static String names(Set<Audience> audiences) {
        return new TreeSet<>(audiences).stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String detail(DocumentRedaction r, EvidenceDocument copy) {
        Set<Integer> pagesWithTerms =
                r.counts().stream().map(TermCount::page).collect(Collectors.toCollection(TreeSet::new));
        return "application " + r.applicationId() + ", copy " + copy.id() + " (sha256 " + copy.sha256() + "), for "
                + names(r.audiences()) + "; " + r.termCount() + " term(s): " + r.occurrences() + " occurrence(s) on "
                + (pagesWithTerms.isEmpty() ? "no page" : "pages " + pagesWithTerms) + "; "
                + r.areas().size()
                + " area(s); pages rasterised " + r.rasterised() + " of " + r.pages() + "; original "
                + (r.keepOriginal() ? "kept, sealed for the competent authority" : "superseded by the copy");
    }
}
