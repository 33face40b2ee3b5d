package org.lodestone.licensing.transparency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationAccess;
import org.lodestone.licensing.application.ApplicationAccess.Action;
import org.lodestone.licensing.application.ApplicationSummary;
import org.lodestone.licensing.application.SensitiveReads;
import org.lodestone.licensing.evidence.DocumentContent;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Opens an evidence document for download under the access-transparency rules (#6), for the API and the pages alike.
 * Authority staff must state the purpose: the case the document belongs to (its reference or id) and optionally why;
 * missing or naming another case is a 422 naming {@code purpose}. The purpose, the watermark (or why there is none) and
 * the trace id go into the document's DOCUMENT_READ audit entry, and a read by anyone outside the document's owner (the
 * uploader's organisation) appears in the owner's {@link AccessLog}. Copies for authority staff are watermarked
 * ({@link Watermarks}); owners' downloads of their own documents are not. Guarded by {@code DocumentPurposeTests}.
 */
@Component
public class DocumentReading {

    private static final Logger log = LoggerFactory.getLogger(DocumentReading.class);
    static final int MAX_REASON = 500;

    private final Evidence evidence;
    private final ApplicationAccess access;
    private final Identity identity;
    private final AccessLog accessLog;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<SensitiveReads> reads;

    DocumentReading(
            Evidence evidence,
            ApplicationAccess access,
            Identity identity,
            AccessLog accessLog,
            AuditTrail audit,
            ObjectProvider<Clock> clock,
            List<SensitiveReads> reads) {
        this.reads = List.copyOf(reads);
        this.evidence = evidence;
        this.access = access;
        this.identity = identity;
        this.accessLog = accessLog;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A document ready to send: the stream (to close), its exact length, and the trace id of its watermark if any. */
    public record Opened(
            EvidenceDocument document,
            InputStream content,
            long length,
            @Nullable String traceId) {}

    /**
     * Records that {@code user} read the list of the application's documents (their filenames and descriptions are
     * sensitive too), as a read of the application: once per request, and only for readers outside the applicant's
     * organisation ({@link SensitiveReads}). Call after the list was allowed.
     */
    public void listed(ApplicationId application, CurrentUser user) {
        if (evidence.isContributor(application, user)) {
            return; // a foreign party listing its own sealed uploads reads nothing of the application (#6 invitations)
        }
        ApplicationSummary summary = access.require(application, user, Action.READ);
        reads.forEach(r -> r.read(summary, user));
    }

    /** Whether the user must state a purpose to open documents: staff of an authority. */
    public static boolean needsPurpose(CurrentUser user) {
        return user.organisationKind() == OrganisationKind.AUTHORITY;
    }

    /**
     * Opens the document for {@code user}: 404 if the user may not see it, then 422 for a missing or wrong purpose
     * (authority staff only; others' purpose is ignored), then audits the read and returns the (watermarked) content.
     */
    public Opened open(DocumentId id, CurrentUser user, @Nullable String purpose, @Nullable String reason) {
        EvidenceDocument document = evidence.describe(id, user);
        if (evidence.isContributor(document.applicationId(), user)) {
            // its own sealed upload (describe let nothing else through): no reader of the application, no purpose to
            // state, nothing for an access log — the reader is the owner
            DocumentContent own = evidence.read(id, user);
            return new Opened(document, own.content(), document.sizeBytes(), null);
        }
        ApplicationSummary application = access.require(document.applicationId(), user, Action.READ);
        StatedPurpose stated = needsPurpose(user) ? checked(application, purpose, reason) : null;
        OrganisationId owner = identity.organisationOf(document.uploadedBy()).orElse(application.applicant());
        boolean outsider = !owner.equals(user.organisationId());
        String traceId = stated == null ? null : traceId();
        boolean marked = stated != null && Watermarks.supports(document.contentType());

        StringBuilder detail = new StringBuilder();
        if (stated != null) {
            detail.append(", ").append(stated.auditText());
            detail.append(
                    marked
                            ? ", watermark " + Watermarks.kind(document.contentType()) + " trace " + traceId
                            : ", no watermark (" + document.contentType() + " cannot carry one), trace " + traceId);
        }
        var note = new Evidence.ReadNote(detail.toString(), entry -> {
            if (outsider) {
                accessLog.insert(
                        entry,
                        owner,
                        user,
                        "DOCUMENT",
                        application.id().value(),
                        application.reference(),
                        document.id().value(),
                        document.type().name(),
                        "document download",
                        stated,
                        traceId);
            }
        });
        DocumentContent content = evidence.read(id, user, note);
        if (!marked) {
            return new Opened(document, content.content(), document.sizeBytes(), traceId);
        }
        var mark = new Watermark(
                user.displayName(),
                user.username(),
                user.organisationName(),
                clock.instant(),
                application.reference(),
                traceId);
        return stamped(document, content, mark);
    }

    private Opened stamped(EvidenceDocument document, DocumentContent content, Watermark mark) {
        Watermarks.Copy copy;
        try (InputStream in = content.content()) {
            copy = Watermarks.stamp(in, document.contentType(), mark);
        } catch (IOException e) {
            throw new UncheckedIOException("content of evidence document " + document.id() + " unreadable", e);
        }
        if (copy.failure() != null) {
            // Damaged, protected by a password, too large: the reader still gets the document, and the trail says it
            // left without a watermark.
            log.warn("watermark of document {} failed: {}", document.id(), copy.failure());
            audit.record(AuditRecord.success(
                            "WATERMARK_FAILED", "DOCUMENT", document.id().toString())
                    .withDetail("trace " + mark.traceId() + ": " + copy.failure() + "; delivered without watermark"));
        }
        try {
            long length = Files.size(copy.file()); // before opening: on Unix DELETE_ON_CLOSE unlinks at once
            return new Opened(document, deleteOnClose(copy.file()), length, mark.traceId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The purpose must name this case: its reference (any case) or its id. */
    static StatedPurpose checked(ApplicationSummary application, @Nullable String purpose, @Nullable String reason) {
        String named = purpose == null ? "" : purpose.strip();
        if (named.isEmpty()) {
            throw TransparencyProblem.purpose(
                    "state the case you open this document for: its reference (" + application.reference() + ") or id");
        }
        boolean thisCase = named.equalsIgnoreCase(application.reference())
                || named.toLowerCase(Locale.ROOT).equals(application.id().toString());
        if (!thisCase) {
            throw TransparencyProblem.purpose("'" + named + "' is not the case this document belongs to");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw TransparencyProblem.invalid("reason", "at most " + MAX_REASON + " characters");
        }
        return new StatedPurpose(application.reference(), why);
    }

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }

    private static InputStream deleteOnClose(Path copy) throws IOException {
        return Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE);
    }
}
