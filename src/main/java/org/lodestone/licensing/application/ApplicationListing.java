package org.lodestone.licensing.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationId;

/** One row of an application list: enough to recognise it without loading the aggregate. */
public record ApplicationListing(
        ApplicationId id,
        String reference,
        ApplicationState state,
        String applicantName,
        @Nullable String consigneeName,
        @Nullable String consigneeCountry,
        int items,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt) {}
