package org.lodestone.screening.hits;

/**
 * Where a hit stands. OPEN blocks approval until a REVIEWER adjudicates it; TRUE_MATCH keeps blocking (the case leads
 * to refusal with RESTRICTED_PARTY); FALSE_POSITIVE is remembered for the party and entry as they were; CLEARED is set
 * by screening itself when an OPEN hit no longer applies (the entry left its list, the party changed or was removed,
 * or the case closed). Adjudicated hits are never cleared automatically: a person decided them.
 */
public enum HitState {
    OPEN,
    TRUE_MATCH,
    FALSE_POSITIVE,
    CLEARED
}
