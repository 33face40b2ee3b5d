package org.lodestone.licensing.invitation.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ContributedCase;
import org.lodestone.licensing.application.ContributorCases;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.invitation.Invitation;
import org.lodestone.licensing.invitation.InvitationRequest;
import org.lodestone.licensing.invitation.InvitationState;
import org.lodestone.licensing.invitation.Invitations;
import org.lodestone.licensing.invitation.IssuedInvitation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Invitations and contributions over HTTP (#6); the rules are {@link Invitations}' and {@link ContributorCases}'. */
@RestController
@Tag(
        name = "Invitations and contributions",
        description = "The applicant invites its foreign consignee or end user by a one-time link; the foreign party "
                + "accepts and uploads sealed evidence (POST /api/v1/applications/{id}/documents) the exporter sees "
                + "only as metadata. No e-mail is sent: the applicant passes the link on.")
class InvitationsApi {

    private final Invitations invitations;
    private final ContributorCases cases;
    private final Evidence evidence;
    private final Identity identity;

    InvitationsApi(Invitations invitations, ContributorCases cases, Evidence evidence, Identity identity) {
        this.invitations = invitations;
        this.cases = cases;
        this.evidence = evidence;
        this.identity = identity;
    }

    @PostMapping(
            path = "/api/v1/applications/{id}/invitations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Invite the consignee or an end user",
            description = "Body: `partyId` (a CONSIGNEE or END_USER party of the application), `email` (defaults to the"
                    + " party's contact e-mail), optional `validityDays` (default 14, at most 30) or `expiresOn` (a date,"
                    + " valid through that day UTC). The answer carries the one-time `link` and `token`, shown only"
                    + " now: only the token's SHA-256 is stored. Lodestone sends no e-mail; pass the link on yourself.")
    @ApiResponse(responseCode = "201", description = "Invited; the link is in the body, once")
    @ApiResponse(responseCode = "403", description = "A reader of the application who is not its APPLICANT")
    @ApiResponse(responseCode = "404", description = "No such application, or not yours")
    @ApiResponse(responseCode = "409", description = "The application does not accept evidence in its state")
    @ApiResponse(responseCode = "422", description = "Invalid partyId, email, validityDays or expiresOn")
    ResponseEntity<IssuedResponse> invite(@PathVariable UUID id, @RequestBody InvitationBody body) {
        IssuedInvitation issued = invitations.invite(
                new ApplicationId(id),
                new InvitationRequest(body.partyId(), body.email(), body.validityDays(), body.expiresOn()),
                user());
        Invitation i = issued.invitation();
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/invitations/" + i.id()))
                .cacheControl(CacheControl.noStore())
                .body(new IssuedResponse(InvitationResponse.of(i, Instant.now()), issued.link(), issued.token()));
    }

    @GetMapping(path = "/api/v1/applications/{id}/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The application's invitations and their state (never their links)")
    @ApiResponse(responseCode = "200", description = "Oldest first")
    @ApiResponse(responseCode = "404", description = "No such application, or not yours to see")
    List<InvitationResponse> list(@PathVariable UUID id) {
        Instant now = Instant.now();
        return invitations.list(new ApplicationId(id), user()).stream()
                .map(i -> InvitationResponse.of(i, now))
                .toList();
    }

    @DeleteMapping("/api/v1/applications/{id}/invitations/{invitationId}")
    @Operation(
            summary = "Revoke an invitation",
            description = "A pending link stops working; an accepted invitation's contribution ends (the foreign party"
                    + " no longer sees the case or adds to it; what it uploaded stays on file, sealed).")
    @ApiResponse(responseCode = "204", description = "Revoked (or already revoked)")
    @ApiResponse(responseCode = "404", description = "No such invitation or application, or not yours")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable UUID invitationId) {
        invitations.revoke(new ApplicationId(id), invitationId, user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/invitations/{token}/acceptance", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Accept an invitation with your CONSIGNEE account",
            description = "Your FOREIGN_PARTY organisation becomes a contributor to the application for the invited"
                    + " party. The link works once.")
    @ApiResponse(responseCode = "201", description = "Accepted; Location names the contribution")
    @ApiResponse(responseCode = "403", description = "Not a CONSIGNEE of a foreign party's organisation")
    @ApiResponse(responseCode = "404", description = "Unknown link")
    @ApiResponse(responseCode = "410", description = "The link was used, revoked or has expired")
    ResponseEntity<ContributionResponse> accept(@PathVariable String token) {
        CurrentUser user = user();
        ApplicationId application = invitations.accept(token, user);
        return ResponseEntity.created(URI.create("/api/v1/contributions/" + application))
                .body(ContributionResponse.of(cases.get(application, user), evidence.list(application, user)));
    }

    @GetMapping(path = "/api/v1/contributions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The applications your organisation contributes evidence to",
            description = "Only what a foreign party needs: reference, exporter, your own parties, the evidence still "
                    + "missing about them, and your own documents — never items, values, other parties or the "
                    + "exporter's documents.")
    List<ContributionResponse> contributions() {
        CurrentUser user = user();
        return cases.cases(user).stream()
                .map(c -> ContributionResponse.of(c, evidence.list(c.id(), user)))
                .toList();
    }

    @GetMapping(path = "/api/v1/contributions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One application your organisation contributes evidence to")
    @ApiResponse(responseCode = "404", description = "Not an application you contribute to")
    ContributionResponse contribution(@PathVariable UUID id) {
        CurrentUser user = user();
        ContributedCase c = cases.get(new ApplicationId(id), user);
        return ContributionResponse.of(c, evidence.list(c.id(), user));
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }

    record InvitationBody(
            @Nullable String partyId,
            @Nullable String email,
            @Nullable Integer validityDays,
            @Nullable LocalDate expiresOn) {}

    record InvitationResponse(
            UUID id,
            UUID applicationId,
            UUID partyId,
            String email,
            InvitationState state,
            String invitedBy,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant acceptedAt,
            @Nullable Instant revokedAt) {

        static InvitationResponse of(Invitation i, Instant now) {
            return new InvitationResponse(
                    i.id(),
                    i.applicationId().value(),
                    i.partyId(),
                    i.email(),
                    i.state(now),
                    i.invitedByName(),
                    i.createdAt(),
                    i.expiresAt(),
                    i.acceptedAt(),
                    i.revokedAt());
        }
    }

    record IssuedResponse(InvitationResponse invitation, String link, String token) {}

    record ContributionResponse(
            UUID applicationId,
            String reference,
            String state,
            String exporter,
            boolean acceptsEvidence,
            List<ContributedCase.OwnParty> parties,
            List<ContributedCase.MissingEvidence> missingEvidence,
            List<OwnDocument> documents) {

        static ContributionResponse of(ContributedCase c, List<EvidenceDocument> documents) {
            return new ContributionResponse(
                    c.id().value(),
                    c.reference(),
                    c.state().name(),
                    c.exporterName(),
                    c.acceptsEvidence(),
                    c.parties(),
                    c.missing(),
                    documents.stream().map(OwnDocument::of).toList());
        }
    }

    record OwnDocument(
            UUID id,
            DocumentType type,
            @Nullable UUID partyId,
            String filename,
            long sizeBytes,
            String sha256,
            Instant uploadedAt,
            String contentUrl) {

        static OwnDocument of(EvidenceDocument d) {
            return new OwnDocument(
                    d.id().value(),
                    d.type(),
                    d.partyId(),
                    d.filename(),
                    d.sizeBytes(),
                    d.sha256(),
                    d.uploadedAt(),
                    "/api/v1/documents/" + d.id() + "/content");
        }
    }
}
