package org.lodestone.licensing.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.ForeignPartyRegistration;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Registrations;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationAccess;
import org.lodestone.licensing.application.ApplicationAccess.Action;
import org.lodestone.licensing.application.ApplicationSummary;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.store.ApplicationStore;
import org.lodestone.licensing.invitation.store.ContributorRecords;
import org.lodestone.licensing.invitation.store.InvitationRecords;
import org.springframework.core.env.Environment;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations of foreign parties (#6). The applicant's organisation (an APPLICANT, while the application accepts
 * evidence) invites the consignee or an end user; the link carries 256 random bits, of which only the SHA-256 is
 * stored (a fast hash is right for a high-entropy secret, as for API tokens). The link works once: the acceptance is
 * one conditional UPDATE, so of two concurrent acceptances exactly one wins and the other is told the link is gone
 * (410). Accepting — with an existing CONSIGNEE account of a FOREIGN_PARTY organisation, or by opening one — makes
 * the organisation a contributor for that party. Everything is audited ({@code INVITATION_CREATED}, {@code _ACCEPTED},
 * {@code _REVOKED}) in the same transaction. Guarded by {@code InvitationApiTests}, {@code ConcurrentAcceptanceTests}
 * and {@code InvitationAuthorizationMatrixTests}.
 */
@Component
public class Invitations {

    static final int DEFAULT_DAYS = 14;
    static final int MAX_DAYS = 30;
    static final int MAX_EMAIL = 320;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String OBJECT_TYPE = "INVITATION";

    private final ApplicationAccess access;
    private final ApplicationStore applications;
    private final InvitationRecords records;
    private final ContributorRecords contributors;
    private final Registrations registrations;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    Invitations(
            ApplicationAccess access,
            ApplicationStore applications,
            InvitationRecords records,
            ContributorRecords contributors,
            Registrations registrations,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            Environment environment) {
        this.access = access;
        this.applications = applications;
        this.records = records;
        this.contributors = contributors;
        this.registrations = registrations;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.environment = environment;
    }

    // ---- the applicant's side
    // ----------------------------------------------------------------------------------------

    /**
     * Invites the foreign party of a CONSIGNEE or END_USER party; the returned link is shown once.
     *
     * @throws org.springframework.web.ErrorResponseException 404 stranger, 403 a reader who is not the applicant's
     *     APPLICANT, 409 the application does not accept evidence, 422 a field (partyId, email, validityDays, expiresOn)
     */
    public IssuedInvitation invite(ApplicationId id, InvitationRequest request, CurrentUser user) {
        access.require(id, user, Action.ATTACH_EVIDENCE);
        Application app = applications.find(id).orElseThrow();
        Party party = party(app, request.partyId());
        String email = email(request.email(), party);
        Instant now = now();
        Instant expires = expiry(request, now);

        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var invitation = new Invitation(
                UUID.randomUUID(), id, party.id(), email, user.displayName(), now, expires, null, null, null);
        tx.executeWithoutResult(status -> {
            records.insert(invitation, hash(token), user.id());
            audit.record(AuditRecord.success(
                            "INVITATION_CREATED", OBJECT_TYPE, invitation.id().toString())
                    .withDetail("application " + app.reference() + ", " + party.role() + " party " + party.id()
                            + ", expires " + expires)
                    .by(actor(user)));
        });
        return new IssuedInvitation(invitation, token, link(token));
    }

    /** The application's invitations, newest last; anyone who may read the application (never the tokens). */
    public List<Invitation> list(ApplicationId id, CurrentUser user) {
        access.require(id, user, Action.READ);
        return records.ofApplication(id);
    }

    /**
     * Revokes an invitation in any state of the application: a pending (or expired) link stops working; an accepted
     * one ends the contribution it opened — the foreign organisation no longer sees the case or adds to it, while what
     * it uploaded stays on file, sealed. Revoking a revoked one changes nothing.
     *
     * @throws org.springframework.web.ErrorResponseException 404 stranger or unknown invitation, 403 a reader who is
     *     not the applicant's APPLICANT
     */
    public Invitation revoke(ApplicationId id, UUID invitationId, CurrentUser user) {
        requireApplicant(id, user);
        Invitation invitation = records.find(id, invitationId).orElseThrow(InvitationProblem::invitationNotFound);
        if (invitation.revokedAt() != null) {
            return invitation;
        }
        tx.executeWithoutResult(status -> {
            if (!records.revoke(invitationId, user.id(), now())) {
                return; // revoked meanwhile by someone else: the same outcome
            }
            // read after the UPDATE, which waited for any acceptance in flight: its contributor is ended too
            Invitation current = records.find(id, invitationId).orElseThrow();
            String detail = "application " + id;
            if (current.acceptedOrganisation() != null) {
                var organisation = new OrganisationId(current.acceptedOrganisation());
                contributors.remove(id, organisation, current.partyId());
                detail +=
                        ", contribution of organisation " + organisation + " for party " + current.partyId() + " ended";
            }
            audit.record(AuditRecord.success("INVITATION_REVOKED", OBJECT_TYPE, invitationId.toString())
                    .withDetail(detail)
                    .by(actor(user)));
        });
        return records.find(id, invitationId).orElseThrow();
    }

    /** Whether the user may invite now (to show or hide the form). */
    public boolean mayInvite(ApplicationId id, CurrentUser user) {
        try {
            access.require(id, user, Action.ATTACH_EVIDENCE);
            return true;
        } catch (org.springframework.web.ErrorResponseException e) {
            return false;
        }
    }

    /** Whether the user may revoke invitations (an APPLICANT of the applicant's organisation). */
    public boolean mayRevoke(ApplicationId id, CurrentUser user) {
        try {
            requireApplicant(id, user);
            return true;
        } catch (org.springframework.web.ErrorResponseException e) {
            return false;
        }
    }

    // ---- the invitee's side
    // ------------------------------------------------------------------------------------------

    /**
     * What the link's holder may know before accepting.
     *
     * @throws InvitationProblem 404 unknown link, 410 used, revoked or expired (or its party or application is gone)
     */
    public InvitationLanding open(String token) {
        Invitation invitation = pending(token);
        Application app = applications.find(invitation.applicationId()).orElseThrow(InvitationProblem::gone);
        Party party = partyOf(app, invitation).orElseThrow(InvitationProblem::gone);
        if (app.state().isFinal()) {
            throw InvitationProblem.gone();
        }
        return new InvitationLanding(
                app.reference(),
                app.applicantName(),
                party.role(),
                party.nameLatin(),
                party.country(),
                invitation.expiresAt());
    }

    /**
     * Accepts the invitation for the signed-in user's organisation (a CONSIGNEE of a FOREIGN_PARTY).
     *
     * @return the application the organisation now contributes to
     * @throws InvitationProblem 404 unknown link, 410 used/revoked/expired (also the loser of a race), 403 not a
     *     foreign party's CONSIGNEE
     */
    public ApplicationId accept(String token, CurrentUser user) {
        if (user.organisationKind() != OrganisationKind.FOREIGN_PARTY || !user.has(Role.CONSIGNEE)) {
            pending(token); // unknown and used links answer as such, whoever asks
            throw InvitationProblem.forbidden(
                    "only a CONSIGNEE of a foreign party's organisation can accept an invitation");
        }
        return consume(token, () -> user);
    }

    /**
     * Opens the foreign party's account (organisation and first CONSIGNEE user) and accepts the invitation, in one
     * transaction: a refused registration leaves the invitation unused, and a used link opens no account.
     *
     * @return the new user
     */
    public CurrentUser register(String token, ForeignPartyRegistration registration) {
        CurrentUser[] created = new CurrentUser[1];
        consume(token, () -> created[0] = registrations.registerForeignParty(registration));
        return created[0];
    }

    private ApplicationId consume(String token, java.util.function.Supplier<CurrentUser> acceptor) {
        Invitation invitation = pending(token);
        String hash = hash(token);
        try {
            return tx.execute(status -> {
                if (!records.claim(hash, now())) {
                    throw InvitationProblem.gone();
                }
                Application app = applications.find(invitation.applicationId()).orElseThrow(InvitationProblem::gone);
                Party party = partyOf(app, invitation).orElseThrow(InvitationProblem::gone);
                if (app.state().isFinal()) {
                    throw InvitationProblem.gone();
                }
                CurrentUser user = acceptor.get();
                records.acceptedBy(invitation.id(), user.id(), user.organisationId());
                contributors.add(app.id(), user.organisationId(), party.id(), invitation.id(), now());
                audit.record(AuditRecord.success(
                                "INVITATION_ACCEPTED",
                                OBJECT_TYPE,
                                invitation.id().toString())
                        .withDetail("application " + app.reference() + ", " + party.role() + " party " + party.id()
                                + ", contributor organisation " + user.organisationId() + " ("
                                + user.organisationName() + ")")
                        .by(actor(user)));
                return app.id();
            });
        } catch (ConcurrencyFailureException raced) {
            // the database refused the second of two simultaneous claims instead of letting it wait: it lost
            throw InvitationProblem.gone();
        }
    }

    /** The invitation behind a pending link; 404 unknown, 410 no longer usable. */
    private Invitation pending(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw InvitationProblem.notFound();
        }
        Invitation invitation = records.byTokenHash(hash(token)).orElseThrow(InvitationProblem::notFound);
        if (invitation.state(now()) != InvitationState.PENDING) {
            throw InvitationProblem.gone();
        }
        return invitation;
    }

    // ---- helpers
    // -----------------------------------------------------------------------------------------------------

    private void requireApplicant(ApplicationId id, CurrentUser user) {
        ApplicationSummary summary = access.require(id, user, Action.READ);
        if (!summary.applicant().equals(user.organisationId()) || !user.has(Role.APPLICANT)) {
            throw InvitationProblem.forbidden("only an APPLICANT of the applicant's organisation may do this");
        }
    }

    private static Party party(Application app, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvitationProblem.invalid("partyId", "choose the consignee or end user to invite");
        }
        UUID id;
        try {
            id = UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvitationProblem.invalid("partyId", "'" + raw.strip() + "' is not a party id");
        }
        Party party = app.content().parties().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> InvitationProblem.invalid("partyId", "the application has no party " + id));
        if (party.role() != PartyRole.CONSIGNEE && party.role() != PartyRole.END_USER) {
            throw InvitationProblem.invalid(
                    "partyId", "only the CONSIGNEE or an END_USER can be invited, not an " + party.role());
        }
        return party;
    }

    private static java.util.Optional<Party> partyOf(Application app, Invitation invitation) {
        return app.content().parties().stream()
                .filter(p -> p.id().equals(invitation.partyId()))
                .findFirst();
    }

    private static String email(@Nullable String raw, Party party) {
        String email = raw == null || raw.isBlank()
                ? (party.contact() == null ? null : party.contact().email())
                : raw.strip();
        if (email == null || email.isBlank()) {
            throw InvitationProblem.invalid("email", "is required (the party has no contact e-mail)");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw InvitationProblem.invalid("email", "'" + email + "' is not an e-mail address");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    private Instant expiry(InvitationRequest request, Instant now) {
        if (request.expiresOn() != null && request.validityDays() != null) {
            throw InvitationProblem.invalid("expiresOn", "give either expiresOn or validityDays, not both");
        }
        if (request.expiresOn() != null) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LocalDate on = request.expiresOn();
            if (!on.isAfter(today) || on.isAfter(today.plusDays(MAX_DAYS))) {
                throw InvitationProblem.invalid(
                        "expiresOn", "must be after today and at most " + MAX_DAYS + " days ahead (UTC)");
            }
            return on.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(); // valid through the whole day
        }
        int days = request.validityDays() == null ? DEFAULT_DAYS : request.validityDays();
        if (days < 1 || days > MAX_DAYS) {
            throw InvitationProblem.invalid("validityDays", "must be between 1 and " + MAX_DAYS);
        }
        return now.plus(Duration.ofDays(days));
    }

    /** {@code {base}/invitations/{token}}; the base as for licence verification links. */
    private String link(String token) {
        String base = environment.getProperty("lodestone.public-base-url");
        if (base == null || base.isBlank()) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            base = "http://localhost:" + port;
        }
        return base.strip().replaceAll("/+$", "") + "/invitations/" + token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static AuditActor actor(CurrentUser user) {
        return new AuditActor(user.username(), user.organisationId().value().toString());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
