package org.lodestone.traceability.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.TraceFixtures;
import org.lodestone.traceability.chain.Enterprise;
import org.lodestone.traceability.chain.SiteKind;
import org.lodestone.traceability.epcis.Action;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The enforcement dashboard API: signals of the caller's jurisdiction with their evidence, decisions with a reason and
 * the version read (409 when stale, 422 naming the field), and the mass-balance API over the same projection (#5).
 */
@IntegrationTest
class SignalsApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Signals signals;

    @Autowired
    ApplicationContext context;

    private Signal raise(String region) {
        String tag = UUID.randomUUID().toString();
        return signals.raise(new NewSignal(
                SignalKind.SHIPPED_TWICE,
                "lot|" + tag,
                new OrganisationId(UUID.randomUUID()),
                region,
                "urn:epc:class:lgtin:6901234.012345." + tag.substring(0, 8),
                "shipped twice " + tag,
                List.of(new Evidence("urn:uuid:" + tag, "first shipping"))));
    }

    private MvcTestResult post(String user, String uri, String json) {
        return mvc.post()
                .uri(uri)
                .with(DemoLogins.as(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(DemoLogins.as(mvc, user)).exchange();
    }

    @Test
    void analystsSeeSignalsOfTheirJurisdictionOnly() {
        Signal jiangxi = raise("CN-JX");
        Signal innerMongolia = raise("CN-NM");
        MvcTestResult reviewer =
                get("reviewer", "/api/v1/traceability/signals?kind=SHIPPED_TWICE&state=OPEN&limit=1000");
        assertThat(reviewer).hasStatusOk();
        assertThat(body(reviewer))
                .contains(jiangxi.id().toString())
                .doesNotContain(innerMongolia.id().toString());
        assertThat(((Number) read(reviewer, "$.counts.SHIPPED_TWICE")).longValue())
                .isPositive();
        assertThat(body(get("enforcement", "/api/v1/traceability/signals?limit=1000")))
                .contains(jiangxi.id().toString(), innerMongolia.id().toString());
        assertThat(get("reviewer", "/api/v1/traceability/signals/" + innerMongolia.id()))
                .hasStatus(404);
        MvcTestResult detail = get("enforcement", "/api/v1/traceability/signals/" + innerMongolia.id());
        assertThat(detail).hasStatusOk();
        assertThat(body(detail)).contains("first shipping");
        MvcTestResult badKind = get("reviewer", "/api/v1/traceability/signals?kind=NONSENSE");
        assertThat(badKind).hasStatus(422);
        assertThat(body(badKind)).contains("\"field\":\"kind\"");
    }

    @Test
    void aDecisionNeedsAReasonAndTheCurrentVersion() {
        Signal s = raise("CN-JX");
        String uri = "/api/v1/traceability/signals/" + s.id() + "/state";
        MvcTestResult invalid = post("reviewer", uri, "{\"state\": \"OPEN\", \"reason\": \" \"}");
        assertThat(invalid).hasStatus(422);
        assertThat(invalid.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(body(invalid))
                .contains("\"field\":\"state\"")
                .contains("\"field\":\"reason\"")
                .contains("\"field\":\"version\"");
        assertThat(post("reviewer", uri, "{\"state\": \"CONFIRMED\", \"reason\": \"seen twice\", \"version\": 5}"))
                .hasStatus(409);
        MvcTestResult ok = post(
                "enforcement",
                uri,
                "{\"state\": \"CONFIRMED\", \"reason\": \"the second shipment went to a trader\", \"version\": "
                        + s.version() + "}");
        assertThat(ok).as(body(ok)).hasStatusOk();
        assertThat((String) read(ok, "$.state")).isEqualTo("CONFIRMED");
        assertThat((String) read(ok, "$.decisions[0].decidedBy")).isEqualTo("enforcement");
        assertThat(post(
                        "reviewer",
                        uri,
                        "{\"state\": \"DISMISSED\", \"reason\": \"no\", \"version\": " + (s.version() + 1) + "}"))
                .hasStatus(409);
        assertThat(signals.find(s.id()).orElseThrow().state()).isEqualTo(Signal.State.CONFIRMED);
    }

    @Test
    void theMassBalanceApiAnswersPerSiteAndElementWithTheEventsBehindEachFigure() {
        TraceFixtures f = new TraceFixtures(context);
        String prefix = TraceFixtures.prefix();
        Enterprise plant = f.enterprise(prefix, SiteKind.WAREHOUSE, "CN-JX");
        String site = TraceFixtures.site(prefix);
        String lot = TraceFixtures.lot(prefix);
        Instant t = Instant.parse("2032-02-01T10:00:00Z");
        var make = f.object(
                Action.ADD,
                "commissioning",
                null,
                "urn:epc:id:sgln:" + prefix + ".00009.0",
                t.minusSeconds(60),
                List.of(),
                null);
        f.capture(
                plant.id(),
                make,
                f.transformation(
                        "urn:epc:id:sgln:" + prefix + ".00009.0",
                        t.minusSeconds(30),
                        List.of(TraceFixtures.kg(TraceFixtures.lot(prefix), "10000")),
                        List.of(TraceFixtures.kg(lot, "0")),
                        f.ilmd("METAL", "Tb", "0.999")));
        var received =
                f.object(Action.OBSERVE, "receiving", null, site, t, List.of(TraceFixtures.kg(lot, "200")), null);
        f.capture(plant.id(), received);

        String uri = "/api/v1/traceability/mass-balance?enterprise=" + plant.id() + "&site=" + site
                + "&element=tb&from=2032-02-01&to=2032-02-28&events=true";
        MvcTestResult ok = get("reviewer", uri);
        assertThat(ok).as(body(ok)).hasStatusOk();
        assertThat(((Number) read(ok, "$.balances[0].received")).doubleValue()).isEqualTo(199.8);
        assertThat((String) read(ok, "$.balances[0].element")).isEqualTo("Tb");
        assertThat((List<String>) read(ok, "$.balances[0].events.RECEIVED")).containsExactly(received.eventId());
        assertThat((String) read(ok, "$.balances[0].periodStart")).isEqualTo("2032-02-01T00:00:00Z");
        assertThat(body(ok)).as("no closing stock declared: no verdict").doesNotContain("withinTolerance");

        assertThat(get("producer", uri)).hasStatus(404);
        MvcTestResult bad =
                get("reviewer", "/api/v1/traceability/mass-balance?enterprise=x&element=Qq&from=2032-13-01");
        assertThat(bad).hasStatus(422);
        assertThat(body(bad))
                .contains("\"field\":\"enterprise\"")
                .contains("\"field\":\"element\"")
                .contains("\"field\":\"from\"")
                .contains("\"field\":\"to\"");
        MvcTestResult own = get("producer", "/api/v1/traceability/mass-balance?from=2032-01-01&to=2032-12-31");
        assertThat(own).as(body(own)).hasStatusOk();
    }
}
