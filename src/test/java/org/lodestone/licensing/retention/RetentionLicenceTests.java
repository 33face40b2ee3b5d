package org.lodestone.licensing.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.IssueLicence;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceType;
import org.lodestone.licensing.Licences;
import org.lodestone.protection.Protection;
import org.lodestone.protection.Scope;
import org.lodestone.shared.CountryCode;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * #6 retention of licensed applications: an application whose licence ended longer ago than
 * {@code expired-licences} is shredded under that category; one whose licence still lives is kept even when its own
 * category (here a lapsed draft) is past its period.
 */
@IntegrationTest
class RetentionLicenceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Retention retention;

    @Autowired
    Protection protection;

    @Autowired
    Licences licences;

    @Autowired
    Identity identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEndedLicenceIsShreddedAfterItsPeriodAndALiveOneProtectsItsApplication() {
        var fx = new ApplicationFixtures(mvc);
        String ended = licensedApplication(fx);
        String live = licensedApplication(fx);
        Instant now = Instant.now();
        jdbc.sql("UPDATE lic_licence SET status = 'REVOKED', status_changed_at = :at WHERE application_id = :id")
                .param("at", now.atOffset(ZoneOffset.UTC).minusYears(5).minusDays(1))
                .param("id", UUID.fromString(ended))
                .update();
        // the live one is a draft untouched for three years: due as a lapsed draft but for its licence
        jdbc.sql("UPDATE la_application SET updated_at = :at WHERE id = :id")
                .param("at", now.atOffset(ZoneOffset.UTC).minusYears(3))
                .param("id", UUID.fromString(live))
                .update();

        Retention.RunResult result = retention.run(now);

        assertThat(result.shredded().get(RetentionCategory.EXPIRED_LICENCES)).isGreaterThanOrEqualTo(1);
        assertThat(protection.isDestroyed(Scope.application(UUID.fromString(ended))))
                .isTrue();
        assertThat(jdbc.sql("SELECT category FROM rt_shredded WHERE application_id = :id")
                        .param("id", UUID.fromString(ended))
                        .query(String.class)
                        .single())
                .isEqualTo("expired-licences");
        assertThat(protection.isDestroyed(Scope.application(UUID.fromString(live))))
                .isFalse();
        assertThat(fx.get("applicant", "/api/v1/applications/" + live)).hasStatusOk();
    }

    private String licensedApplication(ApplicationFixtures fx) {
        String app = fx.draft();
        fx.addParty(app, ApplicationFixtures.CONSIGNEE);
        String reference = JsonPath.read(
                ApplicationFixtures.body(fx.get("applicant", "/api/v1/applications/" + app)), "$.reference");
        licences.issue(new IssueLicence(
                new ApplicationId(UUID.fromString(app)),
                reference,
                org(OrganisationKind.EXPORTER, "Demo Magnetics Co., Ltd."),
                org(OrganisationKind.AUTHORITY, "Jiangxi Provincial Department of Commerce"),
                new LicenceParty("Secret Motorenwerk GmbH", null, new CountryCode("DE")),
                new LicenceParty("Hidden End User AG", null, new CountryCode("DE")),
                List.of(new IssueLicence.Line(
                        1,
                        "1C905.b",
                        "dy-oxide",
                        "Dysprosium oxide",
                        new BigDecimal("10"),
                        "kg",
                        new BigDecimal("285"),
                        "USD")),
                List.of(),
                null,
                null,
                LicenceType.SINGLE));
        return app;
    }

    private OrganisationId org(OrganisationKind kind, String name) {
        return identity.organisations(kind).stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
