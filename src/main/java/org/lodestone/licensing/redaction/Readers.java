package org.lodestone.licensing.redaction;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.application.ApplicationSummary;

/**
 * Places a reader of a case: the applicant's organisation and the competent authority are no audience (they read the
 * originals); everyone else belongs to the audiences the {@link AudienceMembership}s recognise, and someone none
 * recognises (national oversight, or a kind of reader added later without a membership) to EVERY audience, so a new
 * way of reading a case fails closed. Guarded by {@code RedactionAuthorizationMatrixTests}.
 */
final class Readers {

    private final List<AudienceMembership> memberships;

    Readers(List<AudienceMembership> memberships) {
        this.memberships = List.copyOf(memberships);
    }

    /** Empty for the applicant and the competent authority; otherwise the reader's audiences, never empty. */
    Set<Audience> audiences(ApplicationSummary application, CurrentUser user) {
        if (isOwnerOrAuthority(application, user)) {
            return Set.of();
        }
        Set<Audience> result = EnumSet.noneOf(Audience.class);
        for (AudienceMembership membership : memberships) {
            result.addAll(membership.of(application, user));
        }
        return result.isEmpty() ? EnumSet.allOf(Audience.class) : result;
    }

    static boolean isOwnerOrAuthority(ApplicationSummary application, CurrentUser user) {
        return user.organisationId().equals(application.applicant())
                || user.organisationId().equals(application.competentAuthority());
    }

    static boolean isOwner(ApplicationSummary application, CurrentUser user) {
        return user.organisationId().equals(application.applicant());
    }
}
