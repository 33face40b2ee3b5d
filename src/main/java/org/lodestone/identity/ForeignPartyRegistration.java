package org.lodestone.identity;

import org.jspecify.annotations.Nullable;

/**
 * What an invited foreign party types to open its account: the first user (role CONSIGNEE) and its FOREIGN_PARTY
 * organisation. Every field may be missing or wrong until {@link Registrations} validates it.
 */
public record ForeignPartyRegistration(
        @Nullable String username,
        @Nullable String displayName,
        @Nullable String email,
        @Nullable String password,
        @Nullable String organisationName,
        @Nullable String country) {}
