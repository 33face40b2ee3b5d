package org.lodestone.licensing.application;

import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;

/**
 * Widens need-to-know beyond the applicant, the competent authority and national oversight: the review workflow shares
 * a case with an authority it consults. Implementations must be cheap (one indexed lookup) and must not call back into
 * {@link Applications}.
 */
public interface CaseSharing {

    boolean sharedWith(ApplicationId application, CurrentUser user);
}
