package org.lodestone.licensing.licence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.IssueLicence;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceType;
import org.lodestone.shared.CountryCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: when no licence exists yet, issues one licence from the Jiangxi bureau to the demo exporter for Demo
 * Motorenwerk GmbH, so the certificate, verification and shipments can be tried at once; logs its number, check code
 * and verification URL when the application is ready. Never runs outside demo mode.
 */
@Component
class DemoLicence {

    private static final Logger log = LoggerFactory.getLogger(DemoLicence.class);

    static final ApplicationId APPLICATION =
            new ApplicationId(UUID.nameUUIDFromBytes("lodestone-demo-licence".getBytes(StandardCharsets.UTF_8)));
    static final String EXPORTER = "Demo Magnetics Co., Ltd.";
    static final String BUREAU = "Jiangxi Provincial Department of Commerce";
    static final String CONSIGNEE = "Demo Motorenwerk GmbH";

    private final boolean demo;
    private final LicenceLedger ledger;
    private final Identity identity;
    private final LicenceCertificates certificates;

    DemoLicence(
            @Value("${lodestone.demo:true}") boolean demo,
            LicenceLedger ledger,
            Identity identity,
            LicenceCertificates certificates) {
        this.demo = demo;
        this.ledger = ledger;
        this.identity = identity;
        this.certificates = certificates;
    }

    /** After the context (and identity's demo organisations) exist, before the application reports ready. */
    @EventListener(ApplicationStartedEvent.class)
    void seed() {
        if (!demo || ledger.forApplication(APPLICATION).isPresent()) {
            return;
        }
        OrganisationProfile exporter = find(OrganisationKind.EXPORTER, EXPORTER);
        OrganisationProfile bureau = find(OrganisationKind.AUTHORITY, BUREAU);
        if (exporter == null || bureau == null) {
            log.warn("Demo licence not issued: demo organisations '{}' or '{}' are missing", EXPORTER, BUREAU);
            return;
        }
        var consignee = new LicenceParty(CONSIGNEE, null, new CountryCode("DE"));
        ledger.issue(new IssueLicence(
                APPLICATION,
                "DEMO-APP-0001",
                exporter.id(),
                bureau.id(),
                consignee,
                consignee,
                List.of(
                        new IssueLicence.Line(
                                1,
                                "1C905.b",
                                "dy-oxide",
                                "Dysprosium oxide (Dy2O3 ≥ 99.5 %) for sintered NdFeB magnets",
                                new BigDecimal("500"),
                                "kg",
                                new BigDecimal("285.00"),
                                "USD"),
                        new IssueLicence.Line(
                                2,
                                "1C904.a",
                                "tb-metal-alloys-targets-magnets",
                                "Terbium metal (Tb ≥ 99.9 %), ingots",
                                new BigDecimal("50"),
                                "kg",
                                new BigDecimal("1150.00"),
                                "USD")),
                List.of(
                        "The items shall be used only by the end user named above for EV traction motor magnets.",
                        "No re-export or transfer to a third party without the prior written consent of the issuing "
                                + "authority.",
                        "The holder shall record every shipment against this licence within 5 working days."),
                null,
                null,
                LicenceType.SINGLE));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void announce() {
        if (!demo) {
            return;
        }
        ledger.forApplication(APPLICATION).ifPresent(this::announce);
    }

    private void announce(Licence l) {
        String code = ledger.checkCode(l.number());
        String rule = "=".repeat(78);
        log.info(
                "\n{}\n  DEMO LICENCE {} ({}), valid {} to {}\n  Check code: {}\n  Verify: {}\n  Holder: {}; "
                        + "log in as 'applicant' to record shipments and download the certificate\n{}",
                rule,
                l.number(),
                l.status(),
                l.validFrom(),
                l.validTo(),
                CheckCodes.grouped(code),
                certificates.verificationUrl(l, code),
                l.holderName(),
                rule);
    }

    private OrganisationProfile find(OrganisationKind kind, String name) {
        return identity.organisations(kind).stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
