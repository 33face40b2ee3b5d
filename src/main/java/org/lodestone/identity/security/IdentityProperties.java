package org.lodestone.identity.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lodestone.identity}: lockout after repeated password failures, the OIDC claim that names the
 * local user, and the administrator created on a production start (environment variables
 * {@code LODESTONE_IDENTITY_BOOTSTRAPADMIN_USERNAME}, {@code _PASSWORD}, {@code _ORGANISATION}).
 */
@ConfigurationProperties("lodestone.identity")
public record IdentityProperties(
        @DefaultValue Lockout lockout,
        @DefaultValue Oidc oidc,
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /** {@code maxAttempts} consecutive failures lock the account for {@code duration}. */
    public record Lockout(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("15m") Duration duration) {

        public Lockout {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("lodestone.identity.lockout.max-attempts must be at least 1");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("lodestone.identity.lockout.duration must be positive");
            }
        }
    }

    /** The ID token or user-info claim whose value is the local username (no auto-provisioning). */
    public record Oidc(@DefaultValue("preferred_username") String usernameClaim) {}

    /**
     * The first administrator of a production installation, member of an AUTHORITY organisation named
     * {@code organisation} in {@code country} with {@code jurisdiction} (default: the country).
     */
    public record BootstrapAdmin(
            @Nullable String username,
            @Nullable String password,
            @Nullable String organisation,
            @DefaultValue("CN") String country,
            @Nullable String jurisdiction) {

        public boolean configured() {
            return username != null && !username.isBlank();
        }
    }
}
