package org.lodestone.licensing.redaction;

import java.util.Set;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.application.ApplicationSummary;

/**
 * Recognises the audiences a reader of a case belongs to. Asked only for readers who are neither the applicant's
 * organisation nor the competent authority; must be cheap (an indexed lookup at most) and must not call back into the
 * applications.
 */
public interface AudienceMembership {

    Set<Audience> of(ApplicationSummary application, CurrentUser user);
}
