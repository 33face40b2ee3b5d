package org.lodestone.traceability.chain;

import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.shared.CountryCode;

/**
 * A party EPCIS names as source or destination of type {@code owning_party}/{@code possessing_party} (usually a PGLN
 * URI), with the name and country that let a shipment be compared with a licence's consignee.
 *
 * @param organisation the Lodestone organisation behind it, when it has one (a domestic enterprise)
 * @param registeredBy the enterprise that registered it (an exporter registers its foreign customers)
 */
public record TradingParty(
        String identifier,
        String name,
        CountryCode country,
        @Nullable OrganisationId organisation,
        OrganisationId registeredBy) {}
