package org.lodestone.identity.store;

import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.shared.CountryCode;

/** An organisation to create; validated by the caller. */
public record NewOrganisation(
        String name,
        @Nullable String nameOriginal,
        OrganisationKind kind,
        CountryCode country,
        @Nullable String region,
        @Nullable String jurisdiction) {}
