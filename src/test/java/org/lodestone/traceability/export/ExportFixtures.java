package org.lodestone.traceability.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.IssueLicence;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceType;
import org.lodestone.licensing.Licences;
import org.lodestone.shared.CountryCode;

/** Licences for export tests, issued through the licensing facade as the review workflow does. */
final class ExportFixtures {

    static final String CONSIGNEE = "Motorenwerk GmbH";

    private ExportFixtures() {}

    static OrganisationId organisation(Identity identity, OrganisationKind kind, String name) {
        return identity.organisations(kind).stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** A licence of the demo producer to Motorenwerk GmbH (DE), one line per quantity, in kg. */
    static Licence issue(Licences licences, Identity identity, String... kg) {
        OrganisationId holder =
                organisation(identity, OrganisationKind.EXPORTER, "Demo Rare Earth Magnet Works Co., Ltd.");
        OrganisationId bureau =
                organisation(identity, OrganisationKind.AUTHORITY, "Jiangxi Provincial Department of Commerce");
        List<IssueLicence.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < kg.length; i++) {
            lines.add(new IssueLicence.Line(
                    i + 1,
                    "1C905.b",
                    "dy-oxide",
                    "NdFeB magnets",
                    new BigDecimal(kg[i]),
                    "kg",
                    new BigDecimal("100"),
                    "USD"));
        }
        return licences.issue(new IssueLicence(
                new ApplicationId(UUID.randomUUID()),
                "APP-" + UUID.randomUUID().toString().substring(0, 8),
                holder,
                bureau,
                new LicenceParty(CONSIGNEE, null, new CountryCode("DE")),
                new LicenceParty("End User AG", null, new CountryCode("DE")),
                lines,
                List.of(),
                null,
                null,
                LicenceType.SINGLE));
    }
}
