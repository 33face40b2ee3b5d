package org.lodestone.audit;

import org.jspecify.annotations.Nullable;

/** Who did something, as the trail stores it: a user name (or "system", "anonymous") and the organisation, if any. */
public record AuditActor(String name, @Nullable String organisationId) {

    public static final AuditActor SYSTEM = new AuditActor("system", null);
    public static final AuditActor ANONYMOUS = new AuditActor("anonymous", null);
}
