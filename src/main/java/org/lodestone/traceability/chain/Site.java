package org.lodestone.traceability.chain;

import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.shared.CountryCode;

/**
 * A site of a reporting enterprise, identified as EPCIS names it ({@code readPoint}, {@code bizLocation}, source or
 * destination of type {@code location}), usually an SGLN URI such as {@code urn:epc:id:sgln:6901234.00001.0}.
 *
 * @param region ISO 3166-2 subdivision, which decides the authority with jurisdiction
 */
public record Site(
        String identifier,
        OrganisationId enterprise,
        SiteKind kind,
        String name,
        CountryCode country,
        @Nullable String region) {}
