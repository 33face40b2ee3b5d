package org.lodestone.licensing.application;

import org.lodestone.identity.CurrentUser;

/**
 * Told of every read of an application's content (parties, items, end use, production, business relationship) that
 * {@link Applications#get} allows, so access transparency (#6) can audit reads by anyone outside the applicant's
 * organisation. Implementations decide what to record and must keep it to one audit entry per request.
 */
public interface SensitiveReads {

    void read(ApplicationSummary application, CurrentUser reader);
}
