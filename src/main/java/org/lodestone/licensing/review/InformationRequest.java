package org.lodestone.licensing.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationId;

/**
 * A request for information: what the authority asks for and by when, and the applicant's answers once given. While it
 * is OPEN the statutory clock stands still and the applicant may edit the application and upload documents.
 */
public record InformationRequest(
        UUID id,
        ApplicationId application,
        int number,
        State state,
        String message,
        List<RequestedItem> items,
        LocalDate dueOn,
        String requestedBy,
        String requestedByName,
        Instant requestedAt,
        List<Answer> answers,
        @Nullable String answeredBy,
        @Nullable Instant answeredAt,
        @Nullable Integer answeredRevision) {

    public InformationRequest {
        items = List.copyOf(items);
        answers = List.copyOf(answers);
    }

    public enum State {
        OPEN,
        ANSWERED,
        /** Closed without an answer because the application was withdrawn or decided. */
        CLOSED
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }
}
