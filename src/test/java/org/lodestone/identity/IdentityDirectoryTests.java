package org.lodestone.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The identity facade's look-ups that other modules use for routing and notifications, on the demo data. */
@IntegrationTest
class IdentityDirectoryTests {

    @Autowired
    Identity identity;

    @Test
    void findsAuthoritiesWithTheirJurisdictionsAndTheExportersRegion() {
        var authorities = identity.organisations(OrganisationKind.AUTHORITY);
        assertThat(authorities).extracting(OrganisationProfile::jurisdiction).contains("CN", "CN-JX");
        var exporter = identity.organisations(OrganisationKind.EXPORTER).getFirst();
        assertThat(exporter.region()).isEqualTo("CN-JX");
        assertThat(identity.organisation(exporter.id())).contains(exporter);
    }

    @Test
    void listsEnabledMembersHoldingARole() {
        var bureau = identity.organisations(OrganisationKind.AUTHORITY).stream()
                .filter(o -> "CN-JX".equals(o.jurisdiction()))
                .findFirst()
                .orElseThrow();
        assertThat(identity.members(bureau.id(), Role.REVIEWER))
                .extracting(UserContact::username)
                .containsExactly("reviewer");
        assertThat(identity.members(bureau.id(), Role.ADMIN)).isEmpty();
    }
}
