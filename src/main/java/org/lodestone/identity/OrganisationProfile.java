package org.lodestone.identity;

import org.jspecify.annotations.Nullable;
import org.lodestone.shared.CountryCode;

/**
 * An organisation as other modules see it. {@code region} (ISO 3166-2, e.g. CN-JX) locates an exporter and decides
 * which authority is competent; {@code jurisdiction} (ISO 3166-1 or 3166-2) is set for authorities only.
 */
public record OrganisationProfile(
        OrganisationId id,
        String name,
        @Nullable String nameOriginal,
        OrganisationKind kind,
        CountryCode country,
        @Nullable String region,
        @Nullable String jurisdiction) {}
