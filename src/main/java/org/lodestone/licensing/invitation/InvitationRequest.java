package org.lodestone.licensing.invitation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the applicant asks for: the party ({@code partyId}, a CONSIGNEE or END_USER of the application), the invitee's
 * {@code email} (defaults to the party's contact e-mail) and how long the link stays valid — {@code validityDays}
 * ({@value Invitations#DEFAULT_DAYS} by default, at most {@value Invitations#MAX_DAYS}) or an {@code expiresOn} date.
 */
public record InvitationRequest(
        @Nullable String partyId,
        @Nullable String email,
        @Nullable Integer validityDays,
        @Nullable LocalDate expiresOn) {}
