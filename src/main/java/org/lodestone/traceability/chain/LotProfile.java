package org.lodestone.traceability.chain;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/**
 * What a lot or product class is (an EPC class such as {@code urn:epc:class:lgtin:6901234.012345.L2026-0042}, or an
 * instance EPC): its type along the chain and its element content as a mass fraction per element symbol (kg of Dy per
 * kg of product), from the ILMD of the event that created it or registered by its owner.
 *
 * @param owner the enterprise that created (commissioned or transformed into) the lot, when known
 */
public record LotProfile(
        String identifier,
        ProductType type,
        Map<String, BigDecimal> elementFractions,
        @Nullable OrganisationId owner) {

    public LotProfile {
        elementFractions = Map.copyOf(elementFractions);
    }
}
