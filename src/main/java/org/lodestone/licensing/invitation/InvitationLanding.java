package org.lodestone.licensing.invitation;

import java.time.Instant;
import org.lodestone.licensing.application.PartyRole;

/**
 * What the holder of a valid link learns before signing in: who invites him (application reference and exporter),
 * for which party, until when — nothing else of the application.
 */
public record InvitationLanding(
        String reference,
        String exporterName,
        PartyRole role,
        String partyName,
        String partyCountry,
        Instant expiresAt) {}
