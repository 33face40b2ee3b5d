package org.lodestone.licensing.review.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.clock.ClockReading;
import org.lodestone.licensing.review.CaseFile;
import org.lodestone.licensing.review.Consultation;
import org.lodestone.licensing.review.Decision;
import org.lodestone.licensing.review.InformationRequest;
import org.lodestone.licensing.review.Note;
import org.lodestone.licensing.review.QueueEntry;
import org.lodestone.licensing.review.ReviewCase;

/** The review of one application as JSON; {@code version} is the application's, to quote in decisions. */
record CaseResponse(
        String applicationId,
        String reference,
        String applicant,
        String state,
        long version,
        boolean open,
        @Nullable Assignee assignee,
        List<String> destinations,
        List<String> elements,
        Instant submittedAt,
        Clock clock,
        @Nullable LocalDate informationDueOn,
        List<InformationRequest> informationRequests,
        List<Consultation> consultations,
        List<Note> notes,
        List<Decision> decisions,
        @Nullable Decision pendingProposal,
        CaseFile.Permissions mayAct,
        @Nullable Screening screening) {

    /** Restricted-party screening of the parties (authority staff only): approval waits while it blocks. */
    record Screening(int openHits, int trueMatches, boolean blocksApproval) {}

    record Assignee(
            String username,
            @Nullable String name,
            @Nullable Instant since) {}

    /**
     * The statutory clock: working days used and left of the limit, the deadline if no further pause comes, and
     * whether it is paused (information requested, consultation) or overdue.
     */
    record Clock(
            LocalDate startedOn,
            int limit,
            int daysUsed,
            int daysLeft,
            int daysOverdue,
            LocalDate deadline,
            boolean paused,
            boolean overdue,
            @Nullable LocalDate stoppedOn,
            @Nullable String calendarWarning) {

        static Clock of(ReviewCase c, ClockReading r) {
            return new Clock(
                    c.clockStartedOn(),
                    r.limit(),
                    r.daysUsed(),
                    r.daysLeft(),
                    r.daysOverdue(),
                    r.deadline(),
                    // An open request or consultation stops the clock even on the day of acceptance, which the
                    // reading does not count anyway and so does not call paused.
                    r.paused() || (c.open() && c.clockPaused()),
                    r.overdue(),
                    c.clockStoppedOn(),
                    r.calendarWarning() == null ? null : r.calendarWarning().toString());
        }
    }

    static @Nullable Assignee assignee(ReviewCase c) {
        return c.assignee() == null ? null : new Assignee(c.assignee(), c.assigneeName(), c.assignedAt());
    }

    static CaseResponse of(CaseFile f, long version) {
        ReviewCase c = f.reviewCase();
        return new CaseResponse(
                c.application().toString(),
                c.reference(),
                c.applicantName(),
                c.state().name(),
                version,
                c.open(),
                assignee(c),
                c.destinations(),
                c.elements(),
                c.submittedAt(),
                Clock.of(c, f.clock()),
                c.informationDueOn(),
                f.informationRequests(),
                f.consultations(),
                f.notes(),
                f.decisions(),
                f.pendingProposal(),
                f.mayAct(),
                f.screening() == null
                        ? null
                        : new Screening(
                                f.screening().openHits(),
                                f.screening().trueMatches(),
                                f.screening().blocksApproval()));
    }

    /** One line of the queue. */
    record QueueLine(
            String applicationId,
            String reference,
            String applicant,
            String state,
            @Nullable Assignee assignee,
            List<String> destinations,
            List<String> elements,
            Instant submittedAt,
            long ageDays,
            Clock clock,
            @Nullable LocalDate informationDueOn,
            boolean informationOverdue) {

        static QueueLine of(QueueEntry e) {
            ReviewCase c = e.reviewCase();
            return new QueueLine(
                    c.application().toString(),
                    c.reference(),
                    c.applicantName(),
                    c.state().name(),
                    CaseResponse.assignee(c),
                    c.destinations(),
                    c.elements(),
                    c.submittedAt(),
                    e.ageDays(),
                    Clock.of(c, e.clock()),
                    c.informationDueOn(),
                    e.informationOverdue());
        }
    }

    record Queue(List<QueueLine> items, int page, int size, long total) {}
}
