package org.lodestone.licensing.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;

/**
 * A question put to another authority (the ministry, another bureau) about a case. The consulted authority may read
 * the case while consulted; its REVIEWERs, SUPERVISORs or ENFORCEMENT staff answer. Time spent in consultation is not
 * counted when {@code pausesClock} (Art. 17 excludes expert consultation from the 45 working days).
 */
public record Consultation(
        UUID id,
        ApplicationId application,
        OrganisationId consulted,
        String consultedName,
        State state,
        String question,
        boolean pausesClock,
        LocalDate dueOn,
        String requestedBy,
        String requestedByName,
        Instant requestedAt,
        @Nullable String answer,
        @Nullable String answeredBy,
        @Nullable String answeredByName,
        @Nullable Instant answeredAt) {

    public enum State {
        OPEN,
        ANSWERED,
        CLOSED
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }
}
