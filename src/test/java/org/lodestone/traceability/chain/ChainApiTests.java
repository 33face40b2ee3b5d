package org.lodestone.traceability.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The chain registry API: a REPORTER manages its own profile, sites, parties and lots; authority staff read within
 * their jurisdiction and a supervisor sets quotas; invalid input is a problem+json naming the field; a stale version
 * is 409; another organisation's records are 404 (#5).
 */
@IntegrationTest
class ChainApiTests {

    static final String BASE = "/api/v1/traceability";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Chain chain;

    MvcTestResult call(String user, HttpMethod method, String uri, String json) {
        var c = mvc.method(method).uri(uri).with(DemoLogins.as(mvc, user));
        if (json != null) {
            c.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return c.exchange();
    }

    String producerEnterprise() {
        MvcTestResult list = call("producer", HttpMethod.GET, BASE + "/enterprises", null);
        assertThat(list).hasStatusOk();
        List<String> ids = read(list, "$[?(@.name == 'Demo Rare Earth Magnet Works Co., Ltd.')].id");
        return ids.getFirst();
    }

    String enterpriseNamed(String name) {
        List<String> ids =
                read(call("admin", HttpMethod.GET, BASE + "/enterprises", null), "$[?(@.name == '" + name + "')].id");
        return ids.getFirst();
    }

    @Test
    void theProducerSeesItsSeededProfileAndSitesAndOwnsItsPrefix() {
        String own = producerEnterprise();
        MvcTestResult e = call("producer", HttpMethod.GET, BASE + "/enterprises/" + own, null);
        assertThat(e).hasStatusOk();
        assertThat(body(e)).contains("6901234").contains("MAGNET_MAKING");
        MvcTestResult sites = call("producer", HttpMethod.GET, BASE + "/enterprises/" + own + "/sites", null);
        assertThat(body(sites)).contains("urn:epc:id:sgln:6901234.00001.0").contains("MAGNET_PLANT");
        assertThat(chain.ownersOf(List.of("urn:epc:id:sgtin:6901234.012345.77")))
                .extracting(Object::toString)
                .containsExactly(own);
        assertThat(chain.ownersOf(List.of("https://id.gs1.org/01/06901234000017/21/9")))
                .extracting(Object::toString)
                .containsExactly(own);
        assertThat(chain.ownersOf(List.of("urn:epc:id:sgln:6901111.00001.0")))
                .extracting(Object::toString)
                .containsExactly(enterpriseNamed("Demo Ganzhou Mining Co., Ltd."));
    }

    @Test
    void invalidProfileUpdatesNameTheFieldAndStaleVersionsConflict() {
        String own = producerEnterprise();
        MvcTestResult bad = call(
                "producer",
                HttpMethod.PUT,
                BASE + "/enterprises/" + own,
                "{\"activities\": [\"BAKING\"], \"companyPrefixes\": [\"12ab\", \"6901111\"]}");
        assertThat(bad).hasStatus(422);
        assertThat(bad.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(body(bad))
                .contains("\"field\":\"activities\"")
                .contains("\"field\":\"companyPrefixes\"")
                .contains("\"field\":\"version\"");

        long version = ((Number)
                        read(call("producer", HttpMethod.GET, BASE + "/enterprises/" + own, null), "$.version"))
                .longValue();
        MvcTestResult stale = call(
                "producer",
                HttpMethod.PUT,
                BASE + "/enterprises/" + own,
                "{\"activities\": [\"MAGNET_MAKING\", \"EXPORT\"], \"companyPrefixes\": [\"6901234\"], \"version\": "
                        + (version + 7) + "}");
        assertThat(stale).hasStatus(409);
        MvcTestResult ok = call(
                "producer",
                HttpMethod.PUT,
                BASE + "/enterprises/" + own,
                "{\"activities\": [\"MAGNET_MAKING\", \"EXPORT\"], \"companyPrefixes\": [\"6901234\"], \"version\": "
                        + version + "}");
        assertThat(ok).as(body(ok)).hasStatusOk();
        assertThat(((Number) read(ok, "$.version")).longValue()).isEqualTo(version + 1);
    }

    @Test
    void sitesAreValidatedCreatedAndUpdatedWithOptimisticLocking() {
        String own = producerEnterprise();
        MvcTestResult bad = call(
                "producer",
                HttpMethod.POST,
                BASE + "/enterprises/" + own + "/sites",
                "{\"identifier\": \"not a uri\", \"kind\": \"CASTLE\", \"name\": \"\", \"country\": \"CN\", \"region\": \"DE-BY\"}");
        assertThat(bad).hasStatus(422);
        assertThat(body(bad))
                .contains("\"field\":\"identifier\"")
                .contains("\"field\":\"kind\"")
                .contains("\"field\":\"name\"")
                .contains("\"field\":\"region\"");

        String identifier =
                "urn:epc:id:sgln:6901234." + ThreadLocalRandom.current().nextInt(10000, 99999) + ".0";
        MvcTestResult created = call(
                "producer",
                HttpMethod.POST,
                BASE + "/enterprises/" + own + "/sites",
                "{\"identifier\": \"" + identifier
                        + "\", \"kind\": \"WAREHOUSE\", \"name\": \"Store\", \"country\": \"CN\", \"region\": \"CN-JX\"}");
        assertThat(created).as(body(created)).hasStatus(201);
        assertThat(chain.site(identifier)).isPresent();
        String siteId = read(created, "$.id");
        MvcTestResult dup = call(
                "producer",
                HttpMethod.POST,
                BASE + "/enterprises/" + own + "/sites",
                "{\"identifier\": \"" + identifier
                        + "\", \"kind\": \"WAREHOUSE\", \"name\": \"Store\", \"country\": \"CN\"}");
        assertThat(dup).hasStatus(409);

        String update =
                "{\"kind\": \"PORT\", \"name\": \"Store 2\", \"country\": \"CN\", \"region\": \"CN-JX\", \"version\": 0}";
        assertThat(call("producer", HttpMethod.PUT, BASE + "/enterprises/" + own + "/sites/" + siteId, update))
                .hasStatusOk();
        assertThat(call("producer", HttpMethod.PUT, BASE + "/enterprises/" + own + "/sites/" + siteId, update))
                .hasStatus(409);
        assertThat(chain.site(identifier).orElseThrow().kind()).isEqualTo(SiteKind.PORT);
    }

    @Test
    void lotsAndPartiesBelongToTheirEnterpriseAndElementSymbolsAreChecked() {
        String own = producerEnterprise();
        String lot = "urn:epc:class:lgtin:6901234.012345.L"
                + UUID.randomUUID().toString().substring(0, 6);
        MvcTestResult bad = call(
                "producer",
                HttpMethod.POST,
                BASE + "/enterprises/" + own + "/lots",
                "{\"identifier\": \"" + lot
                        + "\", \"productType\": \"MAGNET\", \"elementContent\": {\"Xx\": \"0.1\", \"Dy\": \"1.5\"}}");
        assertThat(bad).hasStatus(422);
        assertThat(body(bad)).contains("elementContent.Xx").contains("elementContent.Dy");
        MvcTestResult created = call(
                "producer",
                HttpMethod.POST,
                BASE + "/enterprises/" + own + "/lots",
                "{\"identifier\": \"" + lot
                        + "\", \"productType\": \"MAGNET\", \"elementContent\": {\"Nd\": \"0.29\", \"dy\": 0.03}}");
        assertThat(created).as(body(created)).hasStatus(201);
        assertThat(chain.lot(lot).orElseThrow().elementFractions()).containsOnlyKeys("Nd", "Dy");

        assertThat(call("producer", HttpMethod.GET, BASE + "/lots?identifier=" + lot, null))
                .hasStatusOk();
        assertThat(call("reviewer", HttpMethod.GET, BASE + "/lots?identifier=" + lot, null))
                .hasStatusOk();

        String party = "urn:epc:id:pgln:4012345." + ThreadLocalRandom.current().nextInt(10000, 99999);
        MvcTestResult p = call(
                "producer",
                HttpMethod.POST,
                BASE + "/enterprises/" + own + "/parties",
                "{\"identifier\": \"" + party + "\", \"name\": \"Demo Motorenwerk GmbH\", \"country\": \"DE\"}");
        assertThat(p).as(body(p)).hasStatus(201);
        assertThat(chain.party(party).orElseThrow().country().value()).isEqualTo("DE");
    }

    @Test
    void anotherEnterprisesRecordsAreNotFoundAndAuthorityStaffReadWithinJurisdiction() {
        String mine = enterpriseNamed("Demo Ganzhou Mining Co., Ltd.");
        assertThat(call("producer", HttpMethod.GET, BASE + "/enterprises/" + mine, null))
                .hasStatus(404);
        assertThat(call("producer", HttpMethod.GET, BASE + "/enterprises/" + mine + "/sites", null))
                .hasStatus(404);
        assertThat(call("producer", HttpMethod.POST, BASE + "/enterprises/" + mine + "/sites", "{}"))
                .hasStatus(404);
        assertThat(call("reviewer", HttpMethod.GET, BASE + "/enterprises/" + mine + "/sites", null))
                .hasStatusOk();
        assertThat(call("enforcement", HttpMethod.GET, BASE + "/enterprises/" + mine, null))
                .hasStatusOk();
        MvcTestResult probe = call("producer", HttpMethod.GET, BASE + "/enterprises/" + UUID.randomUUID(), null);
        assertThat(probe).hasStatus(404);
    }

    @Test
    void aSupervisorOfTheCompetentAuthoritySetsQuotas() {
        String mine = enterpriseNamed("Demo Ganzhou Mining Co., Ltd.");
        int year = ThreadLocalRandom.current().nextInt(2040, 2099);
        MvcTestResult bad = call(
                "supervisor",
                HttpMethod.PUT,
                BASE + "/enterprises/" + mine + "/quotas",
                "{\"year\": 1900, \"kind\": \"DIGGING\", \"tonnesReo\": -1}");
        assertThat(bad).hasStatus(422);
        assertThat(body(bad))
                .contains("\"field\":\"year\"")
                .contains("\"field\":\"kind\"")
                .contains("\"field\":\"tonnesReo\"");
        MvcTestResult set = call(
                "supervisor",
                HttpMethod.PUT,
                BASE + "/enterprises/" + mine + "/quotas",
                "{\"year\": " + year + ", \"kind\": \"MINING\", \"tonnesReo\": 1200.5}");
        assertThat(set).as(body(set)).hasStatusOk();
        assertThat(call(
                        "supervisor",
                        HttpMethod.PUT,
                        BASE + "/enterprises/" + mine + "/quotas",
                        "{\"year\": " + year + ", \"kind\": \"MINING\", \"tonnesReo\": 1300}"))
                .hasStatus(409);
        assertThat(call(
                        "admin",
                        HttpMethod.PUT,
                        BASE + "/enterprises/" + mine + "/quotas",
                        "{\"year\": " + year + ", \"kind\": \"MINING\", \"tonnesReo\": 1300, \"version\": 0}"))
                .hasStatusOk();
        assertThat(chain.quotas(OrganisationIdOf(mine), year))
                .singleElement()
                .satisfies(q -> assertThat(q.tonnesReo()).isEqualByComparingTo("1300"));
        assertThat(body(call("reviewer", HttpMethod.GET, BASE + "/enterprises/" + mine + "/quotas?year=" + year, null)))
                .contains("\"tonnesReo\":1300");
    }

    private static org.lodestone.identity.OrganisationId OrganisationIdOf(String id) {
        return org.lodestone.identity.OrganisationId.of(id);
    }
}
