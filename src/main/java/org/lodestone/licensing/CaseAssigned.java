package org.lodestone.licensing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/** Published when a case is assigned to a reviewer (or released: {@code assignee} null). */
public record CaseAssigned(
        ApplicationId application,
        String reference,
        OrganisationId authority,
        @Nullable String assignee,
        String assignedBy,
        Instant at) {}
