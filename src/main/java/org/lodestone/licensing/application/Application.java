package org.lodestone.licensing.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;

/**
 * The application aggregate: who applies (the exporter of record, with the region that decides the competent
 * authority), what it applies for ({@link ApplicationContent}), where it stands, and the optimistic-lock
 * {@code version}. Immutable; every change returns a new instance and the store saves it against the version it was
 * read at. It guards its own moves: {@link #apply} refuses what {@link Transition} does not allow, {@link #edit}
 * refuses changes outside DRAFT and INFORMATION_REQUESTED. Guarded by {@code ApplicationStateUnitTests}.
 */
public record Application(
        ApplicationId id,
        String reference,
        ApplicationState state,
        OrganisationId applicant,
        String applicantName,
        String applicantCountry,
        @Nullable String applicantRegion,
        @Nullable OrganisationId competentAuthority,
        ApplicationContent content,
        int revision,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt) {

    /** A new draft; the store assigns nothing else. */
    public static Application draft(
            ApplicationId id,
            String reference,
            OrganisationId applicant,
            String applicantName,
            String applicantCountry,
            @Nullable String applicantRegion,
            ApplicationContent content,
            String createdBy,
            Instant at) {
        return new Application(
                id,
                reference,
                ApplicationState.DRAFT,
                applicant,
                applicantName,
                applicantCountry,
                applicantRegion,
                null,
                content,
                0,
                0,
                createdBy,
                at,
                at,
                null);
    }

    /** The content after an applicant's change; 409 unless the application is a draft or answering a request. */
    public Application edit(ApplicationContent changed, Instant at) {
        if (!state.editable()) {
            throw ApplicationProblem.conflict("Application " + reference + " is " + state
                    + " and can no longer be changed: only a DRAFT, or an application whose information request is"
                    + " being answered (INFORMATION_REQUESTED), can be edited.");
        }
        return new Application(
                id,
                reference,
                state,
                applicant,
                applicantName,
                applicantCountry,
                applicantRegion,
                competentAuthority,
                changed,
                revision,
                version,
                createdBy,
                createdAt,
                at,
                submittedAt);
    }

    /** The application after the move; 409 with the states the move is allowed from when it is illegal now. */
    public Application apply(Transition transition, Instant at) {
        if (!transition.allowedFrom(state)) {
            throw ApplicationProblem.conflict("Cannot " + transition.verb() + " application " + reference
                    + ": it is " + state + ", and only an application that is "
                    + String.join(
                            " or ", transition.from().stream().map(Enum::name).toList())
                    + " can be moved to " + transition.to() + " this way.");
        }
        return new Application(
                id,
                reference,
                transition.to(),
                applicant,
                applicantName,
                applicantCountry,
                applicantRegion,
                competentAuthority,
                content,
                transition.createsRevision() ? revision + 1 : revision,
                version,
                createdBy,
                createdAt,
                at,
                transition == Transition.SUBMIT ? at : submittedAt);
    }

    /** Routed to the authority that will decide; set once, on first submission. */
    public Application routedTo(OrganisationId authority) {
        return new Application(
                id,
                reference,
                state,
                applicant,
                applicantName,
                applicantCountry,
                applicantRegion,
                authority,
                content,
                revision,
                version,
                createdBy,
                createdAt,
                updatedAt,
                submittedAt);
    }

    public ApplicationSummary summary() {
        return new ApplicationSummary(id, reference, state.name(), applicant, competentAuthority);
    }
}
