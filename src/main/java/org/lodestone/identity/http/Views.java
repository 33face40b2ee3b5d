package org.lodestone.identity.http;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Role;
import org.lodestone.identity.store.ApiTokenRecord;
import org.lodestone.identity.store.Organisation;
import org.lodestone.identity.store.UserAccount;

/** JSON shapes of the identity API: plain strings for ids, never a password hash or token secret. */
final class Views {

    private Views() {}

    record Me(
            String id,
            String username,
            String displayName,
            String organisationId,
            String organisationName,
            String organisationKind,
            @Nullable String jurisdiction,
            List<String> roles) {

        static Me of(CurrentUser u) {
            return new Me(
                    u.id().toString(),
                    u.username(),
                    u.displayName(),
                    u.organisationId().toString(),
                    u.organisationName(),
                    u.organisationKind().name(),
                    u.jurisdiction(),
                    roleNames(u.roles()));
        }
    }

    record CreatedToken(String id, String name, String token, Instant expiresAt) {}

    record Token(
            String id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant lastUsedAt,
            boolean revoked) {

        static Token of(ApiTokenRecord t) {
            return new Token(
                    t.id().toString(),
                    t.name(),
                    t.prefix(),
                    t.createdAt(),
                    t.expiresAt(),
                    t.lastUsedAt(),
                    t.revokedAt() != null);
        }
    }

    record OrganisationView(
            String id,
            String name,
            @Nullable String nameOriginal,
            String kind,
            String country,
            @Nullable String region,
            @Nullable String jurisdiction,
            long version,
            Instant createdAt) {

        static OrganisationView of(Organisation o) {
            return new OrganisationView(
                    o.id().toString(),
                    o.name(),
                    o.nameOriginal(),
                    o.kind().name(),
                    o.country().value(),
                    o.region(),
                    o.jurisdiction(),
                    o.version(),
                    o.createdAt());
        }
    }

    record UserView(
            String id,
            String username,
            String displayName,
            @Nullable String email,
            String organisationId,
            List<String> roles,
            boolean enabled,
            boolean passwordLogin,
            int failedAttempts,
            @Nullable Instant lockedUntil,
            long version,
            Instant createdAt) {

        static UserView of(UserAccount u) {
            return new UserView(
                    u.id().toString(),
                    u.username(),
                    u.displayName(),
                    u.email(),
                    u.organisationId().toString(),
                    roleNames(u.roles()),
                    u.enabled(),
                    u.passwordHash() != null,
                    u.failedAttempts(),
                    u.lockedUntil(),
                    u.version(),
                    u.createdAt());
        }
    }

    private static List<String> roleNames(java.util.Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
