package org.lodestone.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.UserId;
import org.lodestone.identity.store.ApiTokenRecord;
import org.lodestone.identity.store.ApiTokenStore;
import org.lodestone.identity.store.IdentityProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is {@code lst_} plus 32 random bytes in base64url; only its SHA-256 is stored, so the
 * secret is shown once, at creation, and never again. A token works until it expires or its owner revokes it.
 * Guarded by {@code ApiTokenApiTests}.
 */
@Component
public class ApiTokens {

    public static final String PREFIX = "lst_";
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;
    static final int MAX_NAME = 100;
    /** Shown to owners so they can tell tokens apart: "lst_" and four characters of the secret (24 bits; harmless). */
    private static final int DISPLAY_PREFIX_LENGTH = PREFIX.length() + 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenStore store;
    private final AuditTrail audit;

    ApiTokens(ApiTokenStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A newly issued token together with its secret, which exists only in this object. */
    public record Issued(ApiTokenRecord token, String secret) {}

    /** The outcome of presenting a secret. */
    public sealed interface Check {
        record Valid(ApiTokenRecord token) implements Check {}

        record Invalid(String reason) implements Check {}
    }

    @Transactional
    public Issued issue(UserId owner, @Nullable String name, @Nullable Integer expiresInDays) {
        String tokenName = name == null || name.isBlank() ? "API token" : name.strip();
        if (tokenName.length() > MAX_NAME) {
            throw IdentityProblem.invalid("name", "must be at most " + MAX_NAME + " characters");
        }
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw IdentityProblem.invalid("expiresInDays", "must be between 1 and " + MAX_DAYS + " days, was " + days);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ApiTokenRecord token = store.insert(
                owner,
                tokenName,
                hash(secret),
                secret.substring(0, DISPLAY_PREFIX_LENGTH),
                now,
                now.plus(Duration.ofDays(days)));
        audit.record(
                AuditRecord.success("TOKEN_CREATED", "API_TOKEN", token.id().toString())
                        .withDetail("name=" + tokenName + ", expiresAt=" + token.expiresAt()));
        return new Issued(token, secret);
    }

    public List<ApiTokenRecord> ownedBy(UserId owner) {
        return store.ownedBy(owner);
    }

    /** Revokes one of the owner's tokens; someone else's token is reported as not found, not as forbidden. */
    @Transactional
    public void revoke(UserId owner, UUID id) {
        ApiTokenRecord token = store.find(id)
                .filter(t -> t.userId().equals(owner))
                .orElseThrow(() -> IdentityProblem.notFound("API token " + id));
        if (token.revokedAt() != null) {
            return;
        }
        store.revoke(id, owner, Instant.now());
        audit.record(
                AuditRecord.success("TOKEN_REVOKED", "API_TOKEN", id.toString()).withDetail("name=" + token.name()));
    }

    /** Checks a presented secret and notes when it was last used. */
    public Check check(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return new Check.Invalid("The bearer token is not a Lodestone API token");
        }
        var found = store.findByHash(hash(secret));
        if (found.isEmpty()) {
            return new Check.Invalid("The API token is not valid");
        }
        ApiTokenRecord token = found.get();
        Instant now = Instant.now();
        if (token.revokedAt() != null) {
            return new Check.Invalid("The API token has been revoked");
        }
        if (!token.expiresAt().isAfter(now)) {
            return new Check.Invalid("The API token expired at " + token.expiresAt());
        }
        store.touch(token.id(), now);
        return new Check.Valid(token);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
