package org.lodestone.licensing.application;

import org.lodestone.identity.CurrentUser;

/**
 * Whole fields an applicant redacted for some readers (#6): {@link Applications} passes every application and frozen
 * revision it hands out through this, so every adapter (API, pages, review case file) shows those readers
 * "[redacted]" instead of the value. Must not call back into {@link Applications}.
 */
public interface ContentRedaction {

    /** {@code content} (the application's, or as an earlier redaction left it) as {@code user} may read it. */
    ApplicationContent view(Application application, ApplicationContent content, CurrentUser user);

    /** A frozen revision's JSON as {@code user} may read it. */
    String viewRevision(Application application, CurrentUser user, String json);
}
