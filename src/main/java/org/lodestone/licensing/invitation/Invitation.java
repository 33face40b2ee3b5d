package org.lodestone.licensing.invitation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationId;

/**
 * An invitation as stored, without its token (only the token's SHA-256 is kept, and never leaves the store). Single
 * use: accepting sets {@code acceptedAt} in one conditional UPDATE. Revoking an accepted invitation ends the
 * contribution it opened, so REVOKED wins over ACCEPTED.
 */
public record Invitation(
        UUID id,
        ApplicationId applicationId,
        UUID partyId,
        String email,
        String invitedByName,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt,
        @Nullable UUID acceptedOrganisation,
        @Nullable Instant revokedAt) {

    public InvitationState state(Instant now) {
        if (revokedAt != null) {
            return InvitationState.REVOKED;
        }
        if (acceptedAt != null) {
            return InvitationState.ACCEPTED;
        }
        return now.isBefore(expiresAt) ? InvitationState.PENDING : InvitationState.EXPIRED;
    }
}
