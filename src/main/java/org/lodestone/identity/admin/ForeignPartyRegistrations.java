package org.lodestone.identity.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.ForeignPartyRegistration;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Registrations;
import org.lodestone.identity.Role;
import org.lodestone.identity.store.IdentityProblem;
import org.lodestone.identity.store.Organisation;
import org.lodestone.identity.store.UserAccount;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a foreign party's account through the same validation as {@link Administration} (so password, username and
 * country rules cannot drift apart), renaming the organisation's fields to the ones the sign-up form shows. Guarded by
 * {@code InvitationApiTests}.
 */
@Component
class ForeignPartyRegistrations implements Registrations {

    private final Administration administration;
    private final AuditTrail audit;

    ForeignPartyRegistrations(Administration administration, AuditTrail audit) {
        this.administration = administration;
        this.audit = audit;
    }

    @Override
    @Transactional
    public CurrentUser registerForeignParty(ForeignPartyRegistration registration) {
        precheck(registration);
        Organisation organisation;
        try {
            organisation = administration.createOrganisation(new OrganisationRequest(
                    registration.organisationName(),
                    null,
                    OrganisationKind.FOREIGN_PARTY.name(),
                    registration.country(),
                    null,
                    null));
        } catch (IdentityProblem problem) {
            throw renamed(problem, Map.of("name", "organisationName"));
        }
        UserAccount user = administration.createUser(new UserRequest(
                registration.username(),
                registration.displayName(),
                registration.email(),
                registration.password(),
                organisation.id().toString(),
                List.of(Role.CONSIGNEE.name()),
                true,
                null));
        audit.record(AuditRecord.success(
                        "FOREIGN_PARTY_REGISTERED", "USER", user.id().toString())
                .withDetail("self-registration of '" + user.username() + "' for organisation " + organisation.id()
                        + " ('" + organisation.name() + "', " + organisation.country() + ")"));
        return new CurrentUser(
                user.id(),
                user.username(),
                user.displayName(),
                organisation.id(),
                organisation.name(),
                OrganisationKind.FOREIGN_PARTY,
                null,
                Set.of(Role.CONSIGNEE));
    }

    /**
     * Every field the form shows, checked up front so the invitee learns all his mistakes at once (the administrator's
     * validation below stays the authority and reports the rest, e.g. taken names).
     */
    private static void precheck(ForeignPartyRegistration r) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (r.organisationName() == null || r.organisationName().isBlank()) {
            errors.put("organisationName", "is required");
        }
        if (r.country() == null || !org.lodestone.shared.CountryCode.isValid(r.country())) {
            errors.put("country", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (r.username() == null
                || !Administration.USERNAME.matcher(r.username().strip()).matches()) {
            errors.put(
                    "username",
                    "must be 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter"
                            + " or digit");
        }
        if (r.displayName() == null || r.displayName().isBlank()) {
            errors.put("displayName", "is required");
        }
        // an administrator may create OIDC-only users without a password; a self-registered one always has one
        if (r.password() == null
                || r.password().length() < MIN_PASSWORD
                || r.password().length() > 256) {
            errors.put("password", "must be at least " + MIN_PASSWORD + " and at most 256 characters");
        }
        if (!errors.isEmpty()) {
            throw IdentityProblem.invalid(errors);
        }
    }

    /** The same problem with the administrator's field names replaced by the sign-up form's. */
    @SuppressWarnings("unchecked")
    private static IdentityProblem renamed(IdentityProblem problem, Map<String, String> names) {
        var errors = problem.getBody().getProperties() == null
                ? null
                : (List<Map<String, String>>) problem.getBody().getProperties().get("errors");
        if (errors == null) {
            return problem;
        }
        var renamed = new java.util.LinkedHashMap<String, String>();
        for (Map<String, String> e : errors) {
            renamed.put(names.getOrDefault(e.get("field"), e.get("field")), e.get("reason"));
        }
        if (problem.getStatusCode().value() == 409) {
            var first = renamed.entrySet().iterator().next();
            return IdentityProblem.duplicate(first.getKey(), first.getValue());
        }
        return IdentityProblem.invalid(renamed);
    }
}
