/**
 * Invitations of foreign parties (#6): the applicant invites the consignee or end user of its application by a
 * one-time link (only the token's SHA-256 is stored); the foreign party accepts with its CONSIGNEE account, or opens
 * one, and becomes a contributor that uploads sealed evidence about its own party and sees only its own cases
 * ({@link org.lodestone.licensing.invitation.Invitations}).
 */
@NullMarked
package org.lodestone.licensing.invitation;

import org.jspecify.annotations.NullMarked;
