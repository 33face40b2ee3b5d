package org.lodestone.licensing.licence;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.lodestone.support.DemoLogins;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Licences and organisations for licence tests: issued through the facade, as the review workflow will. */
final class LicenceFixtures {

    static final String EXPORTER = "Demo Magnetics Co., Ltd.";
    static final String BUREAU = "Jiangxi Provincial Department of Commerce";
    static final String PASSWORD = "a long enough password 42";

    private final MockMvcTester mvc;
    private final Licences licences;
    private final Identity identity;

    LicenceFixtures(MockMvcTester mvc, Licences licences, Identity identity) {
        this.mvc = mvc;
        this.licences = licences;
        this.identity = identity;
    }

    OrganisationId demo(OrganisationKind kind, String name) {
        return identity.organisations(kind).stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** 500 kg Dy oxide (line 1) and 50 kg Tb metal (line 2), from the Jiangxi bureau to the demo exporter. */
    Licence issueDemo() {
        return issue(demo(OrganisationKind.EXPORTER, EXPORTER), demo(OrganisationKind.AUTHORITY, BUREAU));
    }

    Licence issue(OrganisationId holder, OrganisationId authority) {
        return licences.issue(command(holder, authority, new BigDecimal("500"), new BigDecimal("50")));
    }

    static IssueLicence command(OrganisationId holder, OrganisationId authority, BigDecimal q1, BigDecimal q2) {
        var consignee = new LicenceParty("Secret Motorenwerk GmbH", null, new CountryCode("DE"));
        var endUser = new LicenceParty("Hidden End User AG", "隐藏用户", new CountryCode("DE"));
        return new IssueLicence(
                new ApplicationId(UUID.randomUUID()),
                "APP-" + UUID.randomUUID().toString().substring(0, 8),
                holder,
                authority,
                consignee,
                endUser,
                List.of(
                        new IssueLicence.Line(
                                1, "1C905.b", "dy-oxide", "Dysprosium oxide", q1, "kg", new BigDecimal("285"), "USD"),
                        new IssueLicence.Line(
                                2,
                                "1C904.a",
                                "tb-metal-alloys-targets-magnets",
                                "Terbium metal",
                                q2,
                                "kg",
                                new BigDecimal("1150"),
                                "USD")),
                List.of("No re-export without consent.", "End use: EV traction motors only."),
                null,
                null,
                LicenceType.SINGLE);
    }

    /** A new organisation through the admin API; returns its id. */
    OrganisationId createOrganisation(String kind, String region, String jurisdiction) {
        String name = kind.toLowerCase() + " " + UUID.randomUUID().toString().substring(0, 8);
        String body = jurisdiction.isEmpty()
                ? """
                  {"name": "%s", "kind": "%s", "country": "CN", "region": "%s"}""".formatted(name, kind, region)
                : """
                  {"name": "%s", "kind": "%s", "country": "CN", "region": "%s", "jurisdiction": "%s"}""".formatted(name, kind, region, jurisdiction);
        MvcTestResult created = mvc.post()
                .uri("/api/v1/admin/organisations")
                .with(DemoLogins.as(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        if (created.getResponse().getStatus() != 201) {
            throw new IllegalStateException("organisation not created: " + body(created));
        }
        return OrganisationId.of(JsonPath.read(body(created), "$.id"));
    }

    /** A new user of {@code org} with {@code role}; returns the username (password {@link #PASSWORD}). */
    String createUser(OrganisationId org, String role) {
        String username =
                role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult created = mvc.post()
                .uri("/api/v1/admin/users")
                .with(DemoLogins.as(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "%s", "displayName": "%s", "organisationId": "%s", "roles": ["%s"],
                         "password": "%s"}""".formatted(username, username, org, role, PASSWORD))
                .exchange();
        if (created.getResponse().getStatus() != 201) {
            throw new IllegalStateException("user not created: " + body(created));
        }
        return username;
    }

    /** A bearer token for a user created by {@link #createUser}. */
    String token(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, DemoLogins.basic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"test\"}")
                .exchange();
        return JsonPath.read(body(result), "$.token");
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
