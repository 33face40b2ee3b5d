package org.lodestone.licensing;

import org.lodestone.identity.OrganisationId;

/** A licence was issued on an approved application (published in the issuing transaction). */
public record LicenceIssued(
        String licenceNumber, ApplicationId application, OrganisationId holder, OrganisationId issuingAuthority) {}
