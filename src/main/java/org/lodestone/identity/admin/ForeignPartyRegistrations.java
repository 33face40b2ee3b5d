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
        if (registration.password() == null || registration.password().isBlank()) {
            // an administrator may create OIDC-only users without a password; a self-registered one always has one
            throw IdentityProblem.invalid("password", "is required: at least " + MIN_PASSWORD + " characters");
        }
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
