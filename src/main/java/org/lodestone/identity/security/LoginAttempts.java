package org.lodestone.identity.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.store.UserAccount;
import org.lodestone.identity.store.Users;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookkeeping of logins: counts consecutive failures, locks the account after
 * {@code lodestone.identity.lockout.max-attempts} of them, resets on success, and audits each outcome with an explicit
 * actor (there is no authenticated principal yet). Guarded by {@code LockoutTests}.
 */
@Component
class LoginAttempts {

    static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    static final String LOGIN_FAILED = "LOGIN_FAILED";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Users users;
    private final AuditTrail audit;
    private final IdentityProperties.Lockout lockout;

    LoginAttempts(Users users, AuditTrail audit, IdentityProperties properties) {
        this.users = users;
        this.audit = audit;
        this.lockout = properties.lockout();
    }

    @Transactional
    public void succeeded(UserAccount user, String method) {
        if (user.failedAttempts() > 0 || user.lockedUntil() != null) {
            users.clearFailures(user.id());
        }
        audit.record(AuditRecord.success(LOGIN_SUCCEEDED, "USER", user.id().toString())
                .withDetail("method=" + method)
                .by(actor(user)));
    }

    /** Records a wrong password; returns the lock end if this failure locked the account. */
    @Transactional
    public Optional<Instant> failed(UserAccount user, String method) {
        int failures = users.countFailure(user.id());
        audit.record(failure(
                LOGIN_FAILED,
                user.id().toString(),
                "method=" + method + ", reason=bad credentials, consecutive=" + failures,
                actor(user)));
        if (failures < lockout.maxAttempts()) {
            return Optional.empty();
        }
        Instant until = Instant.now().plus(lockout.duration()).truncatedTo(ChronoUnit.SECONDS);
        users.lock(user.id(), until);
        audit.record(failure(
                ACCOUNT_LOCKED,
                user.id().toString(),
                "until=" + until + " after " + failures + " consecutive failures",
                actor(user)));
        return Optional.of(until);
    }

    /** A login refused before the password was checked (unknown user, disabled, locked). */
    @Transactional
    public void refused(String username, @Nullable UserAccount user, String method, String reason) {
        AuditActor actor = user == null ? new AuditActor(username, null) : actor(user);
        audit.record(failure(
                LOGIN_FAILED,
                user == null ? null : user.id().toString(),
                "method=" + method + ", reason=" + reason,
                actor));
    }

    static String lockedMessage(Instant until) {
        return "Account locked until " + UNTIL.format(until) + " after repeated failed logins";
    }

    private static AuditRecord failure(String action, @Nullable String userId, String detail, AuditActor actor) {
        return new AuditRecord(action, "USER", userId, AuditRecord.Outcome.FAILURE, detail, actor);
    }

    private static AuditActor actor(UserAccount user) {
        return new AuditActor(user.username(), user.organisationId().toString());
    }
}
