package org.lodestone.licensing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The parties that restricted-party screening must look at, read without a need-to-know check (the screening module
 * checks its own readers): those of one submitted application, and page by page (ordered by id, for resumable
 * re-screening) those of every open application and every live licence.
 *
 * <p>An application's parties change only while it is a draft or while its information request is being answered;
 * both end with a (re)submission that publishes {@link ApplicationSubmitted}, so that event is the one "parties
 * changed" signal screening needs. A licence's parties are frozen at issue.
 */
public interface ScreenableParties {

    /** The application's parties, if it exists and has been submitted. */
    Optional<ScreeningSubject> application(ApplicationId id);

    /** The licence's frozen parties, if it exists. */
    Optional<ScreeningSubject> licence(LicenceNumber number);

    /** Applications in SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED or APPROVAL_PROPOSED with an id after {@code after}. */
    List<ScreeningSubject> openApplications(@Nullable UUID after, int limit);

    /** ISSUED or SUSPENDED licences not yet expired, with an id after {@code after}. */
    List<ScreeningSubject> liveLicences(@Nullable UUID after, int limit);
}
