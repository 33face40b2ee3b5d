package org.lodestone.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a caller asks the trail to record. {@code actor} is null in the usual case, where the actor is whoever is
 * authenticated ({@link AuditActors}); it is set explicitly for events without an authenticated principal, such as a
 * failed login.
 */
public record AuditRecord(
        String action,
        String objectType,
        @Nullable String objectId,
        Outcome outcome,
        @Nullable String detail,
        @Nullable AuditActor actor) {

    public static AuditRecord success(String action, String objectType, @Nullable String objectId) {
        return new AuditRecord(action, objectType, objectId, Outcome.SUCCESS, null, null);
    }

    public AuditRecord withDetail(@Nullable String detail) {
        return new AuditRecord(action, objectType, objectId, outcome, detail, actor);
    }

    public AuditRecord by(AuditActor actor) {
        return new AuditRecord(action, objectType, objectId, outcome, detail, actor);
    }

    public enum Outcome {
        SUCCESS,
        DENIED,
        FAILURE
    }
}
