/**
 * The audit trail: one append-only, hash-chained row per state change and per read of sensitive data, written in the
 * caller's transaction so a change and its record commit together. {@link org.lodestone.audit.AuditTrail} is the whole
 * API; identity plugs in who is acting through {@link org.lodestone.audit.AuditActors}.
 * {@link org.lodestone.audit.AuditVerifyCommand} verifies the chain from the command line ({@code audit-verify}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package org.lodestone.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
