package org.lodestone.traceability.genealogy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.traceability.genealogy.TraceEvents.aggregate;
import static org.lodestone.traceability.genealogy.TraceEvents.commission;
import static org.lodestone.traceability.genealogy.TraceEvents.commissionInstances;
import static org.lodestone.traceability.genealogy.TraceEvents.kg;
import static org.lodestone.traceability.genealogy.TraceEvents.lot;
import static org.lodestone.traceability.genealogy.TraceEvents.receive;
import static org.lodestone.traceability.genealogy.TraceEvents.ship;
import static org.lodestone.traceability.genealogy.TraceEvents.transform;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.genealogy.Trace.Direction;
import org.lodestone.traceability.genealogy.store.GenealogyStore;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Scope;
import org.lodestone.traceability.signals.Signal;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The genealogy projection and traces (#5): a mine-to-export chain with aggregation traced both ways through the API,
 * depth and node bounds, need-to-know (a reporter sees only links from its own events, an authority its jurisdiction),
 * and the capture-time signals (no traceable origin, shipped twice, cycle).
 */
@IntegrationTest
class GenealogyTests {

    static final String PRODUCER = "Demo Rare Earth Magnet Works Co., Ltd.";
    static final String EXPORTER = "Demo Magnetics Co., Ltd.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Identity identity;

    @Autowired
    Genealogy genealogy;

    @Autowired
    GenealogyStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    Signals signals;

    TraceEvents events;
    OrganisationId producer;
    OrganisationId competitor;

    @BeforeEach
    void setUp() {
        events = new TraceEvents(publisher, transactions);
        producer = organisation(PRODUCER);
        competitor = organisation(EXPORTER);
    }

    OrganisationId organisation(String name) {
        return identity.organisations(OrganisationKind.EXPORTER).stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** Lots of one chain: ore, oxide, metal, alloy, magnet; a pallet; the export shipment's event id. */
    record Chain(
            String ore,
            String oxide,
            String metal,
            String alloy,
            String magnet,
            String pallet,
            String export,
            String mineShipment) {}

    Chain chain() {
        String t = TraceEvents.tag();
        String ore = lot(t, "1001"), oxide = lot(t, "2002"), metal = lot(t, "3003"), alloy = lot(t, "4004");
        String magnet = lot(t, "5005"), pallet = "urn:epc:id:sscc:6901234.00" + t.hashCode();
        String mine = "urn:epc:id:sgln:6901234.00001." + t, plant = "urn:epc:id:sgln:6901234.00002." + t;
        var mineShipment = ship(mine, null, null, plant, List.of(), kg(ore, "10000"));
        events.capture(competitor, commission(mine, "ORE_CONCENTRATE", kg(ore, "10000")), mineShipment);
        var export = ship(plant, null, null, null, List.of(pallet), kg(magnet, "2400"));
        events.capture(
                producer,
                receive(plant, List.of(), kg(ore, "10000")),
                transform(plant, "SEPARATED_OXIDE", List.of(kg(ore, "10000")), List.of(kg(oxide, "2000"))),
                transform(plant, "METAL", List.of(kg(oxide, "2000")), List.of(kg(metal, "1800"))),
                transform(plant, "ALLOY", List.of(kg(metal, "1800")), List.of(kg(alloy, "2500"))),
                transform(plant, "MAGNET", List.of(kg(alloy, "2500")), List.of(kg(magnet, "2400"))),
                aggregate(plant, pallet, List.of(), kg(magnet, "2400")),
                export);
        return new Chain(ore, oxide, metal, alloy, magnet, pallet, export.eventId(), mineShipment.eventId());
    }

    MvcTestResult trace(String user, String identifier, String direction, String maxDepth) {
        var call = mvc.get()
                .uri("/api/v1/traceability/genealogy")
                .param("identifier", identifier)
                .param("direction", direction);
        if (!maxDepth.isEmpty()) {
            call.param("maxDepth", maxDepth);
        }
        return call.with(DemoLogins.as(mvc, user)).exchange();
    }

    static String body(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> identifiers(String json) {
        return JsonPath.read(json, "$.nodes[*].identifier");
    }

    @Test
    void backwardFromTheMagnetLotReachesTheMine() {
        Chain c = chain();
        MvcTestResult r = trace("enforcement", c.magnet(), "backward", "");
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
        String json = body(r);
        assertThat(identifiers(json)).containsExactly(c.magnet(), c.alloy(), c.metal(), c.oxide(), c.ore());
        assertThat((List<String>) JsonPath.read(json, "$.nodes[*].productType"))
                .containsExactly("MAGNET", "ALLOY", "METAL", "SEPARATED_OXIDE", "ORE_CONCENTRATE");
        assertThat((List<String>) JsonPath.read(json, "$.edges[*].kind")).containsOnly("TRANSFORMED");
        assertThat((List<Object>) JsonPath.read(json, "$.edges[?(@.kind == 'TRANSFORMED')].quantity"))
                .hasSize(4);
        assertThat((Boolean) JsonPath.read(json, "$.truncated")).isFalse();
        assertThat((String) JsonPath.read(json, "$.direction")).isEqualTo("BACKWARD");
        assertThat((String) JsonPath.read(json, "$.nodes[4].owner")).isEqualTo(EXPORTER);

        // the pallet and the export shipment go back through the aggregation
        String fromExport = body(trace("enforcement", c.export(), "backward", ""));
        assertThat(identifiers(fromExport)).contains(c.pallet(), c.magnet(), c.ore());
        assertThat((List<String>) JsonPath.read(fromExport, "$.edges[*].kind"))
                .contains("SHIPPED", "AGGREGATED", "TRANSFORMED");

        assertThat(audit.find(new AuditQuery("TRACE_IDENTIFIER", c.magnet(), null, null, null, 50)))
                .isNotEmpty();
    }

    @Test
    void forwardFromTheMineLotReachesEveryProductAndExport() {
        Chain c = chain();
        String json = body(trace("enforcement", c.ore(), "forward", ""));
        assertThat(identifiers(json))
                .contains(c.oxide(), c.metal(), c.alloy(), c.magnet(), c.pallet(), c.export(), c.mineShipment());
        assertThat((List<String>) JsonPath.read(json, "$.nodes[?(@.kind == 'shipment')].identifier"))
                .containsExactlyInAnyOrder(c.export(), c.mineShipment());
    }

    @Test
    void depthAndNodeBoundsTruncate() {
        Chain c = chain();
        String json = body(trace("reviewer", c.magnet(), "backward", "2"));
        assertThat(identifiers(json)).containsExactly(c.magnet(), c.alloy(), c.metal());
        assertThat((Boolean) JsonPath.read(json, "$.truncated")).isTrue();

        Genealogy small = new Genealogy(store, identity, audit, transactions, 3);
        Trace bounded = small.trace(c.ore(), Direction.FORWARD, 50, Scope.ALL);
        assertThat(bounded).isNotNull();
        assertThat(bounded.nodes()).hasSize(3);
        assertThat(bounded.truncated()).isTrue();

        assertThat(trace("reviewer", c.magnet(), "sideways", "").getResponse().getStatus())
                .isEqualTo(422);
        assertThat(trace("reviewer", c.magnet(), "backward", "0").getResponse().getStatus())
                .isEqualTo(422);
        assertThat(trace("reviewer", "urn:epc:class:lgtin:none." + TraceEvents.tag(), "backward", "")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aReporterSeesOnlyLinksFromItsOwnEvents() {
        Chain c = chain();
        String own = body(trace("producer", c.ore(), "forward", ""));
        assertThat(identifiers(own)).contains(c.oxide(), c.magnet(), c.export());
        assertThat(identifiers(own))
                .as("the mine's shipment is the competitor's")
                .doesNotContain(c.mineShipment());
        String authority = body(trace("enforcement", c.ore(), "forward", ""));
        assertThat(identifiers(authority)).contains(c.mineShipment());

        // the competitor's own lot, only in the competitor's links: nothing for the producer
        String t = TraceEvents.tag();
        String theirs = lot(t, "9009"), theirOutput = lot(t, "9010");
        String site = "urn:epc:id:sgln:6901234.00009." + t;
        events.capture(
                competitor,
                commission(site, "METAL", kg(theirs, "5")),
                transform(site, "ALLOY", List.of(kg(theirs, "5")), List.of(kg(theirOutput, "5"))));
        assertThat(trace("producer", theirOutput, "backward", "").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(trace("reviewer", theirOutput, "backward", "").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(trace("applicant", theirOutput, "backward", "").getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void anInputThatWasNeverCreatedHasNoTraceableOrigin() {
        String t = TraceEvents.tag();
        String ghost = lot(t, "6666"), out = lot(t, "6667");
        String site = "urn:epc:id:sgln:6901234.00003." + t;
        var e = transform(site, "METAL", List.of(kg(ghost, "100")), List.of(kg(out, "90")));
        events.capture(producer, e);
        Signal s = signal(SignalKind.NO_TRACEABLE_ORIGIN, "node|" + ghost);
        assertThat(s.evidence()).anyMatch(ev -> e.eventId().equals(ev.eventId()));
        assertThat(s.region()).isEqualTo("CN-JX");
        assertThat(find(SignalKind.NO_TRACEABLE_ORIGIN, "node|" + out)).isNull();
    }

    @Test
    void anInstanceShippedAgainWithoutReceiptIsShippedTwice() {
        String t = TraceEvents.tag();
        String epc = "urn:epc:id:sgtin:6901234.012345." + t, fine = "urn:epc:id:sgtin:6901234.012346." + t;
        String site = "urn:epc:id:sgln:6901234.00004." + t;
        events.capture(producer, commissionInstances(site, epc, fine));
        var first = ship(site, null, null, null, List.of(epc, fine));
        events.capture(producer, first);
        events.capture(producer, receive(site, List.of(fine)));
        var second = ship(site, null, null, null, List.of(epc, fine));
        events.capture(producer, second);
        Signal s = signal(SignalKind.SHIPPED_TWICE, "instance|" + epc);
        assertThat(s.evidence()).extracting(ev -> ev.eventId()).contains(first.eventId(), second.eventId());
        assertThat(find(SignalKind.SHIPPED_TWICE, "instance|" + fine))
                .as("received back in between")
                .isNull();
    }

    @Test
    void aLotShippedFromASiteBeyondWhatCameInIsShippedTwice() {
        String t = TraceEvents.tag();
        String ore = lot(t, "7007");
        String site = "urn:epc:id:sgln:6901234.00005." + t;
        events.capture(producer, commission(site, "ORE_CONCENTRATE", kg(ore, "100")));
        events.capture(producer, ship(site, null, null, null, List.of(), kg(ore, "60")));
        assertThat(find(SignalKind.SHIPPED_TWICE, "lot|" + ore + "|" + site)).isNull();
        var again = ship(site, null, null, null, List.of(), kg(ore, "0.06"), kg(lot(t, "7008"), "0"));
        events.capture(producer, again);
        assertThat(find(SignalKind.SHIPPED_TWICE, "lot|" + ore + "|" + site)).isNull();
        var over = ship(
                site,
                null,
                null,
                null,
                List.of(),
                new org.lodestone.traceability.epcis.QuantityElement(ore, new java.math.BigDecimal("0.05"), "TNE"));
        events.capture(producer, over);
        Signal s = signal(SignalKind.SHIPPED_TWICE, "lot|" + ore + "|" + site);
        assertThat(s.summary()).contains("110.06 kg").contains("100 kg");
        assertThat(s.evidence()).anyMatch(ev -> over.eventId().equals(ev.eventId()));
    }

    @Test
    void aLotThatBecomesItsOwnAncestorIsACycle() {
        String t = TraceEvents.tag();
        String a = lot(t, "8001"), b = lot(t, "8002"), c = lot(t, "8003");
        String site = "urn:epc:id:sgln:6901234.00006." + t;
        events.capture(producer, commission(site, "METAL", kg(a, "10")));
        events.capture(producer, transform(site, "ALLOY", List.of(kg(a, "10")), List.of(kg(b, "10"))));
        events.capture(producer, transform(site, "MAGNET", List.of(kg(b, "10")), List.of(kg(c, "10"))));
        assertThat(find(SignalKind.CYCLE, "cycle|" + a + "|" + c)).isNull();
        var closing = transform(site, "METAL", List.of(kg(c, "10")), List.of(kg(a, "10")));
        events.capture(producer, closing);
        Signal s = signal(SignalKind.CYCLE, "cycle|" + a + "|" + c);
        assertThat(s.evidence()).anyMatch(ev -> closing.eventId().equals(ev.eventId()));
        // the trace still ends: every node once
        Trace trace = genealogy.trace(a, Direction.BACKWARD, 50, Scope.ALL);
        assertThat(trace).isNotNull();
        assertThat(trace.nodes()).extracting(Trace.TraceNode::identifier).containsExactlyInAnyOrder(a, c, b);
    }

    Signal signal(SignalKind kind, String key) {
        Signal s = find(kind, key);
        assertThat(s).as(kind + " " + key).isNotNull();
        return s;
    }

    @org.jspecify.annotations.Nullable
    Signal find(SignalKind kind, String key) {
        return signals.list(kind, null, null, 1000).stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElse(null);
    }
}
