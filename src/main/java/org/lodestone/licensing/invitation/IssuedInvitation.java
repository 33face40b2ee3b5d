package org.lodestone.licensing.invitation;

/** A new invitation and its one-time link; the link is shown once and cannot be recovered (only a hash is stored). */
public record IssuedInvitation(Invitation invitation, String token, String link) {}
