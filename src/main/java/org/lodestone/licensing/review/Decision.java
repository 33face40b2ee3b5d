package org.lodestone.licensing.review;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationId;

/**
 * One decision taken on a case, in order: a proposal to approve with its terms, the supervisor's countersignature (with
 * the number of the licence issued) or return of the proposal, or a refusal with its reason code and the text the
 * applicant reads. {@code internalNote} is the authority's own reasoning and never reaches the applicant.
 */
public record Decision(
        UUID id,
        ApplicationId application,
        Kind kind,
        String actor,
        String actorName,
        Instant at,
        @Nullable RefusalReason reason,
        @Nullable String text,
        @Nullable String internalNote,
        @Nullable ApprovalTerms terms,
        @Nullable String licenceNumber) {

    public enum Kind {
        APPROVAL_PROPOSED,
        PROPOSAL_RETURNED,
        COUNTERSIGNED,
        REFUSED
    }
}
