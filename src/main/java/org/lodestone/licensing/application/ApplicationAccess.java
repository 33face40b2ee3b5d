package org.lodestone.licensing.application;

import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;

/**
 * Need-to-know for everything attached to an application (evidence documents, notes, licences): answers who may do
 * what with an application, so other parts of licensing never re-implement ownership rules. Unknown applications and
 * applications the user may not see are both answered with 404, so ids cannot be probed.
 */
public interface ApplicationAccess {

    /** The application if {@code user} may perform {@code action} on it; otherwise a 404/409 problem is thrown. */
    ApplicationSummary require(ApplicationId id, CurrentUser user, Action action);

    enum Action {
        /** Read the application and its evidence: the applicant's organisation, the competent authority's staff. */
        READ,
        /** Attach or remove evidence: the applicant's organisation while the application is a draft or answering a request. */
        ATTACH_EVIDENCE
    }
}
