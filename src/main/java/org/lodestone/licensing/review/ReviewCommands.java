package org.lodestone.licensing.review;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.evidence.DocumentType;

/** What callers send to {@link Reviews}; nullable everywhere so that missing fields are reported, not thrown. */
public final class ReviewCommands {

    private ReviewCommands() {}

    /** @param dueOn null: 20 working days from today */
    public record RequestInformation(
            @Nullable Long version,
            @Nullable String message,
            @Nullable List<Ask> items,
            @Nullable LocalDate dueOn) {}

    /** One thing to ask for; numbered by its position. See {@link RequestedItem}. */
    public record Ask(
            RequestedItem.@Nullable Kind kind,
            @Nullable DocumentType documentType,
            @Nullable String target,
            @Nullable String question) {}

    public record Respond(@Nullable Long version, @Nullable List<Answer> answers) {}

    /** @param pausesClock null: true (expert consultation is not counted, Art. 17) */
    public record Consult(
            @Nullable String authority,
            @Nullable String question,
            @Nullable LocalDate dueOn,
            @Nullable Boolean pausesClock) {}

    public enum Outcome {
        PROPOSE_APPROVAL,
        REFUSE
    }

    /**
     * @param reasonCode for a refusal, one of {@link RefusalReason}
     * @param text for a refusal, what the applicant reads; for a proposal, optional remarks for the supervisor
     */
    public record Decide(
            @Nullable Long version,
            @Nullable Outcome outcome,
            @Nullable String reasonCode,
            @Nullable String text,
            @Nullable String internalNote,
            @Nullable ApprovalTerms terms) {}

    public enum Countersignature {
        COUNTERSIGN,
        RETURN
    }

    /** @param comment required when returning the proposal to review */
    public record Countersign(
            @Nullable Long version,
            @Nullable Countersignature outcome,
            @Nullable String comment) {}
}
