package org.lodestone.licensing.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;

/**
 * Who contributes evidence to an application besides the applicant: foreign organisations that accepted an invitation
 * for one of its parties (#6). Owned here, implemented by the invitations, so evidence and applications ask without
 * knowing how invitations work. Implementations must be cheap (indexed lookups) and must not call back into
 * {@link Applications}.
 */
public interface Contributors {

    /** The parties of {@code application} that {@code organisation} gives evidence about; empty when none. */
    Set<UUID> parties(ApplicationId application, OrganisationId organisation);

    /** Applications the organisation contributes to, most recently joined first. */
    List<ApplicationId> applications(OrganisationId organisation);
}
