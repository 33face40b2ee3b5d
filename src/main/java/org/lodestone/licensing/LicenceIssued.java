package org.lodestone.licensing;

import java.time.LocalDate;
import org.lodestone.identity.OrganisationId;

/** Published when a licence has been issued (in the issuing transaction). */
public record LicenceIssued(
        LicenceNumber number,
        ApplicationId applicationId,
        OrganisationId holder,
        OrganisationId issuingAuthority,
        LocalDate validFrom,
        LocalDate validTo) {}
