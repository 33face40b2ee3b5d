package org.lodestone.audit;

/**
 * SPI: tells the trail who is acting now. Implemented by the identity module (which knows organisations); without an
 * implementation the trail falls back to the security context's name.
 */
public interface AuditActors {

    AuditActor current();
}
