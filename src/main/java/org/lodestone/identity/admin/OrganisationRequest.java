package org.lodestone.identity.admin;

import org.jspecify.annotations.Nullable;

/** An organisation as an administrator submits it; every field may be missing or wrong until validated. */
public record OrganisationRequest(
        @Nullable String name,
        @Nullable String nameOriginal,
        @Nullable String kind,
        @Nullable String country,
        @Nullable String region,
        @Nullable String jurisdiction) {}
