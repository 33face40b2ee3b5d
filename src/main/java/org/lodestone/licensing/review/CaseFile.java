package org.lodestone.licensing.review;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.clock.ClockReading;
import org.lodestone.licensing.spi.ScreeningClearance;

/**
 * Everything about the review of one application that the caller may see. For the applicant's organisation the
 * authority's internals are left out: no internal notes, no consultations, no assignee, no proposal before it is
 * decided, and decisions without their internal notes. {@code internal} says which view this is.
 *
 * @param mayAct what the caller may do now, for the UI to offer only that (the service checks again on every act)
 * @param screening where restricted-party screening of the parties stands; null in the applicant's view
 */
public record CaseFile(
        ReviewCase reviewCase,
        ClockReading clock,
        boolean internal,
        List<InformationRequest> informationRequests,
        List<Consultation> consultations,
        List<Note> notes,
        List<Decision> decisions,
        @Nullable Decision pendingProposal,
        Permissions mayAct,
        @Nullable ScreeningClearance screening) {

    public CaseFile {
        informationRequests = List.copyOf(informationRequests);
        consultations = List.copyOf(consultations);
        notes = List.copyOf(notes);
        decisions = List.copyOf(decisions);
    }

    /** Which review acts the caller may take on this case in its current state. */
    public record Permissions(
            boolean take,
            boolean assign,
            boolean note,
            boolean requestInformation,
            boolean respond,
            boolean consult,
            boolean answerConsultation,
            boolean decide,
            boolean countersign) {

        public static final Permissions NONE =
                new Permissions(false, false, false, false, false, false, false, false, false);
    }
}
