package org.lodestone.licensing.application;

import java.util.Optional;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;

/**
 * Need-to-know of a contributor (#6): a CONSIGNEE of a FOREIGN_PARTY organisation that accepted an invitation gives
 * evidence about its own parties of that application and reads only that — never the application itself (it is not a
 * reader in the sense of {@link ApplicationAccess}). Anyone else is answered as if the application did not exist.
 */
public interface ContributorAccess {

    /** The user's contribution to the application, if he is a contributor; never throws for strangers. */
    Optional<Contribution> contribution(ApplicationId id, CurrentUser user);

    /**
     * The contribution if the user is a contributor and, when {@code attach}, the application accepts evidence now.
     *
     * @throws org.springframework.web.ErrorResponseException 404 for anyone else, 409 when attaching to an application
     *     that no longer accepts evidence
     */
    Contribution require(ApplicationId id, CurrentUser user, boolean attach);
}
