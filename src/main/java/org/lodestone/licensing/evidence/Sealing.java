package org.lodestone.licensing.evidence;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationSummary;
import org.lodestone.licensing.application.Contribution;
import org.lodestone.licensing.application.ContributorAccess;
import org.lodestone.licensing.evidence.store.SealedRecords;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The rules of sealed evidence (#6), in one place so {@link Evidence} only asks: a contributor's upload is sealed and
 * about one of its own parties; the contributor sees and removes only its own sealed documents; the applicant's
 * organisation sees a sealed document's type, party, date, size and SHA-256 but never its name, description or content
 * (403 {@code sealed-evidence}) and cannot remove it (403); the competent authority and consulted authorities read it
 * like any other document. Guarded by {@code SealedEvidenceApiTests} and {@code InvitationAuthorizationMatrixTests}.
 */
final class Sealing {

    /** What the applicant sees instead of the name and of the uploader. */
    static final String SEALED_NAME = "sealed";

    static final String FOREIGN_PARTY = "the foreign party";

    private final ContributorAccess contributors;
    private final SealedRecords seals;

    Sealing(ContributorAccess contributors, SealedRecords seals) {
        this.contributors = contributors;
        this.seals = seals;
    }

    /** The user's contribution to the application, if he is one of its contributors. */
    Optional<Contribution> contribution(ApplicationId application, CurrentUser user) {
        return contributors.contribution(application, user);
    }

    /** The contribution, checked for attaching now (404 stranger, 409 the application does not accept evidence). */
    Contribution requireAttach(ApplicationId application, CurrentUser user) {
        return contributors.require(application, user, true);
    }

    /**
     * The document a contributor uploads: about one of its parties (the only one when it names none), never an item
     * (it cannot see the items).
     */
    NewDocument aboutOwnParty(NewDocument document, Contribution contribution) {
        if (document.itemId() != null) {
            throw EvidenceProblem.invalidInput(
                    "itemId", "evidence from a foreign party is about its party, not about an item");
        }
        UUID party = document.partyId();
        if (party == null) {
            if (contribution.parties().size() != 1) {
                throw EvidenceProblem.invalidInput("partyId", "name the party the document is about");
            }
            party = contribution.parties().iterator().next();
        } else if (!contribution.parties().contains(party)) {
            throw EvidenceProblem.invalidInput("partyId", "you give evidence only about your own party");
        }
        return new NewDocument(document.type(), party, null, document.filename(), document.description());
    }

    void seal(EvidenceDocument stored, Contribution contribution, CurrentUser user) {
        seals.insert(stored.id(), stored.applicationId(), stored.partyId(), user.organisationId());
    }

    /** The contributor's own sealed documents among {@code documents}. */
    List<EvidenceDocument> own(List<EvidenceDocument> documents, ApplicationId application, CurrentUser user) {
        Map<DocumentId, Seal> sealed = seals.ofApplication(application);
        return documents.stream().filter(d -> isOwn(sealed.get(d.id()), user)).toList();
    }

    /** Whether the contributor uploaded (his organisation sealed) the document. */
    boolean isOwn(DocumentId document, CurrentUser user) {
        return isOwn(seals.find(document).orElse(null), user);
    }

    private static boolean isOwn(@Nullable Seal seal, CurrentUser user) {
        return seal != null && seal.contributor().equals(user.organisationId());
    }

    /** The documents as a reader of the application sees them: sealed ones masked for the applicant's organisation. */
    List<EvidenceDocument> forReader(
            List<EvidenceDocument> documents, ApplicationSummary application, CurrentUser user) {
        if (!isApplicant(application, user)) {
            return documents;
        }
        Map<DocumentId, Seal> sealed = seals.ofApplication(application.id());
        return documents.stream()
                .map(d -> sealed.containsKey(d.id()) ? masked(d) : d)
                .toList();
    }

    EvidenceDocument forReader(EvidenceDocument document, ApplicationSummary application, CurrentUser user) {
        if (isApplicant(application, user) && seals.find(document.id()).isPresent()) {
            return masked(document);
        }
        return document;
    }

    /** The seals of the application as the user sees them ({@link Seal#locked()} for the applicant). */
    Map<DocumentId, Seal> seals(ApplicationSummary application, CurrentUser user) {
        boolean locked = isApplicant(application, user);
        Map<DocumentId, Seal> sealed = seals.ofApplication(application.id());
        sealed.replaceAll((id, seal) -> seal.lockedFor(locked));
        return sealed;
    }

    /** Refuses the applicant's organisation the content of a sealed document: 403, it knows the document exists. */
    void refuseContent(EvidenceDocument document, ApplicationSummary application, CurrentUser user) {
        if (isApplicant(application, user) && seals.find(document.id()).isPresent()) {
            throw sealed("sealed evidence: only the reviewing authority reads it");
        }
    }

    /** Refuses the applicant's organisation the removal of a sealed document: 403, only its contributor removes it. */
    void refuseRemoval(EvidenceDocument document) {
        if (seals.find(document.id()).isPresent()) {
            throw sealed("sealed evidence: only the foreign party that uploaded it may remove it");
        }
    }

    /** Ids of sealed documents of the application, whose names are withheld from the completeness check's readers. */
    Map<DocumentId, Seal> sealedOf(ApplicationId application) {
        return seals.ofApplication(application);
    }

    static EvidenceDocument masked(EvidenceDocument d) {
        return new EvidenceDocument(
                d.id(),
                d.applicationId(),
                d.type(),
                d.partyId(),
                d.itemId(),
                SEALED_NAME,
                SEALED_NAME,
                d.sizeBytes(),
                d.sha256(),
                null,
                d.uploadedBy(),
                FOREIGN_PARTY,
                d.uploadedAt(),
                d.removedAt(),
                null,
                d.version());
    }

    private static boolean isApplicant(ApplicationSummary application, CurrentUser user) {
        return user.organisationId().equals(application.applicant());
    }

    private static ErrorResponseException sealed(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Sealed evidence");
        problem.setType(URI.create("urn:lodestone:problem:sealed-evidence"));
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
