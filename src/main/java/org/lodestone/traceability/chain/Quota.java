package org.lodestone.traceability.chain;

import java.math.BigDecimal;
import org.lodestone.identity.OrganisationId;

/** An enterprise's annual quota, in tonnes of rare-earth oxide (REO). */
public record Quota(OrganisationId enterprise, int year, QuotaKind kind, BigDecimal tonnesReo) {

    public enum QuotaKind {
        MINING,
        SMELTING_SEPARATION
    }
}
