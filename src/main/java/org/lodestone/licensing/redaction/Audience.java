package org.lodestone.licensing.redaction;

/**
 * Who reads a redacted copy, or "[redacted]", instead of the original: readers of a case who are neither the applicant
 * nor the competent authority. New kinds of reader get a new constant and an {@link AudienceMembership} that recognises
 * them; until then a reader no membership recognises counts as a member of every audience (fail closed).
 */
public enum Audience {
    /** Staff of an authority consulted on the case: they need the substance, not the customers' names. */
    CONSULTED_AUTHORITY,
    /** A foreign party (consignee, invited contributor) reading the case. */
    FOREIGN_PARTY
}
