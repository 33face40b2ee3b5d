package org.lodestone.licensing.evidence;

import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.application.ApplicationSummary;

/**
 * Narrows what a reader of an application sees of its evidence, beyond need-to-know: redaction (#6) hides an original
 * from the audiences that read its redacted copy instead, and stops serving an original whose content was given up for
 * its copy. Asked by {@link Evidence} for every listing, description and read; must not call back into it.
 */
public interface DocumentVisibility {

    Verdict of(EvidenceDocument document, ApplicationSummary application, CurrentUser user);

    enum Verdict {
        /** Listed and readable as usual. */
        VISIBLE,
        /** The metadata stays for the record, the content is served to nobody (410). */
        SUPERSEDED,
        /** Not for this reader: left out of listings, answered as not found (outranks the others). */
        HIDDEN
    }
}
