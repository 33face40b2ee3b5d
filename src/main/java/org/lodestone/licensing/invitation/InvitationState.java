package org.lodestone.licensing.invitation;

/** Where an invitation stands; EXPIRED is derived from the clock, the others are recorded. */
public enum InvitationState {
    PENDING,
    ACCEPTED,
    EXPIRED,
    REVOKED
}
