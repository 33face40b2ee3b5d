package org.lodestone.identity.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.shared.CountryCode;

/** An organisation as stored. {@code jurisdiction} is set for authorities only (ISO 3166-1 or 3166-2 code). */
public record Organisation(
        OrganisationId id,
        String name,
        @Nullable String nameOriginal,
        OrganisationKind kind,
        CountryCode country,
        @Nullable String region,
        @Nullable String jurisdiction,
        long version,
        Instant createdAt) {}
