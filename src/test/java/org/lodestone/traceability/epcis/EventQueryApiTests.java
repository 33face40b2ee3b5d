package org.lodestone.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.traceability.epcis.EpcisFixtures.body;
import static org.lodestone.traceability.epcis.EpcisFixtures.read;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.Identity;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.epcis.EpcisFixtures.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code GET /epcis/events} and {@code GET /epcis/events/{eventID}} (#5): every standard parameter selects what it
 * names and nothing else (each with a positive and a negative case, anchored on this test's own events with
 * EQ_eventID since the database is shared); paging follows the {@code Link: rel="next"} token, which is refused with
 * other parameters; unknown parameters are named; enterprises never see each other's events; authorities see their
 * jurisdiction; reads are audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventQueryApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Identity identity;

    @Autowired
    Capturing capturing;

    @Autowired
    AuditTrail audit;

    EpcisFixtures fixtures;
    String tag;
    EpcisEvent ship;
    EpcisEvent pack;
    EpcisEvent make;
    String anchor;

    @BeforeAll
    void capture() {
        fixtures = new EpcisFixtures(mvc, identity, capturing);
        tag = UUID.randomUUID().toString().substring(0, 8);
        ship = TestEvents.object()
                .at(Instant.parse("2026-03-01T10:00:00Z"))
                .action(Action.ADD)
                .readPoint("urn:epc:id:sgln:6901234." + tag + ".0")
                .bizLocation("urn:epc:id:sgln:6901234." + tag + ".1")
                .epc("urn:epc:id:sgtin:6901234." + tag + ".1001")
                .quantity("urn:epc:class:lgtin:6901234." + tag + ".L1", "120")
                .tx("po", "PO-" + tag)
                .build();
        pack = TestEvents.object()
                .type(EventType.AGGREGATION)
                .at(Instant.parse("2026-03-02T10:00:00Z"))
                .bizStep("packing")
                .disposition("in_progress")
                .parent("urn:epc:id:sscc:6901234." + tag)
                .epc("urn:epc:id:sgtin:6901234." + tag + ".1002")
                .build();
        make = TestEvents.object()
                .type(EventType.TRANSFORMATION)
                .bizStep("commissioning")
                .disposition("active")
                .at(Instant.parse("2026-03-03T10:00:00Z"))
                .input("urn:epc:class:lgtin:6901234." + tag + ".OX", "100")
                .output("urn:epc:class:lgtin:6901234." + tag + ".MG", "95")
                .inputEpc("urn:epc:id:sgtin:6901234." + tag + ".9")
                .outputEpc("urn:epc:id:sgtin:6901234." + tag + ".8")
                .tx("urn:lodestone:btt:licence", "LIC-" + tag)
                .build();
        assertThat(fixtures.capture(fixtures.producer(), ship, pack, make).stored())
                .isEqualTo(3);
        anchor = "EQ_eventID=" + enc(ship.eventId() + "," + pack.eventId() + "," + make.eventId());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    List<String> eventIds(MvcTestResult r) {
        assertThat(r).as(body(r)).hasStatusOk();
        List<String> ids = read(r, "$.epcisBody.queryResults.resultsBody.eventList[*].eventID");
        return ids;
    }

    List<String> query(String user, String parameters) {
        return eventIds(fixtures.get(user, "/epcis/events?" + anchor + "&" + parameters));
    }

    Stream<Arguments> parameters() {
        String t = "6901234." + tag;
        return Stream.of(
                Arguments.of("eventType=AggregationEvent", "PACK", "eventType=AssociationEvent"),
                Arguments.of(
                        "eventType=ObjectEvent&eventType=TransformationEvent",
                        "SHIP,MAKE",
                        "eventType=TransactionEvent"),
                Arguments.of("GE_eventTime=2026-03-02T10:00:00Z", "PACK,MAKE", "GE_eventTime=2026-03-04T00:00:00Z"),
                Arguments.of("LT_eventTime=2026-03-02T10:00:00Z", "SHIP", "LT_eventTime=2026-03-01T10:00:00Z"),
                Arguments.of(
                        "GE_recordTime=2026-01-01T00:00:00Z", "SHIP,PACK,MAKE", "GE_recordTime=2999-01-01T00:00:00Z"),
                Arguments.of(
                        "LT_recordTime=2999-01-01T00:00:00Z", "SHIP,PACK,MAKE", "LT_recordTime=2026-01-01T00:00:00Z"),
                Arguments.of("EQ_action=ADD", "SHIP", "EQ_action=DELETE"),
                Arguments.of("EQ_bizStep=urn:epcglobal:cbv:bizstep:packing", "PACK", "EQ_bizStep=receiving"),
                Arguments.of(
                        "EQ_bizStep=https://ref.gs1.org/cbv/BizStep-commissioning", "MAKE", "EQ_bizStep=shipping_x"),
                Arguments.of("EQ_disposition=in_progress,active", "PACK,MAKE", "EQ_disposition=destroyed"),
                Arguments.of(
                        "EQ_readPoint=urn:epc:id:sgln:" + t + ".0", "SHIP", "EQ_readPoint=urn:epc:id:sgln:" + t + ".1"),
                Arguments.of(
                        "EQ_bizLocation=urn:epc:id:sgln:" + t + ".1",
                        "SHIP",
                        "EQ_bizLocation=urn:epc:id:sgln:" + t + ".0"),
                Arguments.of(
                        "MATCH_epc=urn:epc:id:sgtin:" + t + ".1002", "PACK", "MATCH_epc=urn:epc:id:sgtin:" + t + ".9"),
                Arguments.of(
                        "MATCH_epc=urn:epc:idpat:sgtin:" + t + ".*",
                        "SHIP,PACK",
                        "MATCH_epc=urn:epc:idpat:sgtin:6901234.nothing.*"),
                Arguments.of(
                        "MATCH_parentID=urn:epc:id:sscc:" + t,
                        "PACK",
                        "MATCH_parentID=urn:epc:id:sgtin:" + t + ".1002"),
                Arguments.of(
                        "MATCH_inputEPC=urn:epc:id:sgtin:" + t + ".9",
                        "MAKE",
                        "MATCH_inputEPC=urn:epc:id:sgtin:" + t + ".8"),
                Arguments.of(
                        "MATCH_outputEPC=urn:epc:id:sgtin:" + t + ".8",
                        "MAKE",
                        "MATCH_outputEPC=urn:epc:id:sgtin:" + t + ".9"),
                Arguments.of(
                        "MATCH_anyEPC=urn:epc:id:sscc:" + t + ",urn:epc:id:sgtin:" + t + ".8",
                        "PACK,MAKE",
                        "MATCH_anyEPC=urn:epc:id:sgtin:" + t + ".7"),
                Arguments.of(
                        "MATCH_epcClass=urn:epc:class:lgtin:" + t + ".L1",
                        "SHIP",
                        "MATCH_epcClass=urn:epc:class:lgtin:" + t + ".OX"),
                Arguments.of(
                        "MATCH_inputEPCClass=urn:epc:class:lgtin:" + t + ".OX",
                        "MAKE",
                        "MATCH_inputEPCClass=urn:epc:class:lgtin:" + t + ".MG"),
                Arguments.of(
                        "MATCH_outputEPCClass=urn:epc:class:lgtin:" + t + ".MG",
                        "MAKE",
                        "MATCH_outputEPCClass=urn:epc:class:lgtin:" + t + ".OX"),
                Arguments.of(
                        "MATCH_anyEPCClass=urn:epc:class:lgtin:" + t + ".L1,urn:epc:class:lgtin:" + t + ".MG",
                        "SHIP,MAKE",
                        "MATCH_anyEPCClass=urn:epc:class:lgtin:" + t + ".XX"),
                Arguments.of("EQ_bizTransaction_po=PO-" + tag, "SHIP", "EQ_bizTransaction_inv=PO-" + tag),
                Arguments.of(
                        "EQ_bizTransaction_urn:epcglobal:cbv:btt:po=PO-" + tag,
                        "SHIP",
                        "EQ_bizTransaction_po=LIC-" + tag),
                Arguments.of(
                        "EQ_bizTransaction_urn:lodestone:btt:licence=LIC-" + tag,
                        "MAKE",
                        "EQ_bizTransaction_urn:lodestone:btt:licence=PO-" + tag),
                Arguments.of("EQ_eventID=" + "PLACEHOLDER", "PACK", "EQ_eventID=urn:uuid:" + UUID.randomUUID()),
                Arguments.of(
                        "EQ_bizStep=packing&EQ_disposition=in_progress",
                        "PACK",
                        "EQ_bizStep=packing&EQ_disposition=active"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    void eachParameterSelectsWhatItNames(String positive, String expected, String negative) {
        positive = positive.replace("PLACEHOLDER", enc(pack.eventId()));
        List<String> want = new ArrayList<>();
        for (String name : expected.split(",")) {
            want.add(
                    switch (name) {
                        case "SHIP" -> ship.eventId();
                        case "PACK" -> pack.eventId();
                        default -> make.eventId();
                    });
        }
        if (positive.startsWith("EQ_eventID")) {
            // the anchor is itself EQ_eventID: values of a repeated parameter are alternatives
            assertThat(eventIds(fixtures.get("producer", "/epcis/events?" + positive)))
                    .containsExactlyElementsOf(want);
            assertThat(eventIds(fixtures.get("producer", "/epcis/events?" + negative)))
                    .isEmpty();
            return;
        }
        assertThat(query("producer", positive)).containsExactlyElementsOf(want);
        assertThat(query("producer", negative)).isEmpty();
    }

    @Test
    void eventsReadBackAsCapturedWithARecordTime() {
        MvcTestResult r = fixtures.get("producer", "/epcis/events?EQ_eventID=" + enc(make.eventId()));
        assertThat(r).hasStatusOk();
        assertThat(read(r, "$.type").toString()).isEqualTo("EPCISQueryDocument");
        assertThat(read(r, "$.schemaVersion").toString()).isEqualTo("2.0");
        String event = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(body(r))
                .at("/epcisBody/queryResults/resultsBody/eventList/0")
                .toString();
        assertThat(event).contains("\"recordTime\"");
        assertThat(event.replaceAll(",\"recordTime\":\"[^\"]+\"", ""))
                .isEqualTo(make.json().toString());

        MvcTestResult single = fixtures.get("producer", "/epcis/events/" + enc(make.eventId()));
        assertThat(single).as(body(single)).hasStatusOk();
        assertThat(read(single, "$.eventID").toString()).isEqualTo(make.eventId());
        assertThat(read(single, "$['@context'][0]").toString()).contains("epcis-context.jsonld");
    }

    @Test
    void pagesFollowTheNextLinkAndTheTokenIsBoundToTheParameters() {
        String rp = "urn:epc:id:sgln:6901234." + tag + ".page";
        var ids = new ArrayList<String>();
        var events = new ArrayList<EpcisEvent>();
        for (int i = 0; i < 5; i++) {
            EpcisEvent e = TestEvents.object().readPoint(rp).build();
            events.add(e);
            ids.add(e.eventId());
        }
        fixtures.capture(fixtures.producer(), events.toArray(EpcisEvent[]::new));
        String uri = "/epcis/events?EQ_readPoint=" + enc(rp) + "&perPage=2";
        var seen = new ArrayList<String>();
        String token = null;
        int pages = 0;
        while (uri != null) {
            MvcTestResult r = fixtures.get("producer", uri);
            seen.addAll(eventIds(r));
            pages++;
            String link = r.getResponse().getHeader(HttpHeaders.LINK);
            if (link == null) {
                uri = null;
            } else {
                assertThat(link).endsWith(">; rel=\"next\"").contains("perPage=2");
                uri = link.substring(1, link.indexOf('>'));
                token = r.getResponse().getHeader("GS1-Next-Page-Token");
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids);

        MvcTestResult misuse = fixtures.get("producer", "/epcis/events?EQ_bizStep=shipping&nextPageToken=" + token);
        assertThat(misuse).hasStatus(400);
        assertThat(body(misuse))
                .contains("epcisException:QueryParameterException")
                .contains("nextPageToken")
                .contains("other parameters");
        MvcTestResult garbage = fixtures.get("producer", "/epcis/events?nextPageToken=notatoken");
        assertThat(garbage).hasStatus(400);
        assertThat(body(garbage)).contains("QueryParameterException");
    }

    @Test
    void unknownParametersAndBadValuesAreNamed() {
        MvcTestResult unknown = fixtures.get("producer", "/epcis/events?EQ_colour=red");
        assertThat(unknown).hasStatus(400);
        assertThat(unknown.getResponse().getContentType()).contains("application/problem+json");
        assertThat(read(unknown, "$.type").toString()).isEqualTo("epcisException:QueryParameterException");
        assertThat(read(unknown, "$.detail").toString()).startsWith("EQ_colour: unknown query parameter");
        for (String bad : List.of(
                "GE_eventTime=yesterday",
                "eventType=BoxEvent",
                "EQ_action=MOVE",
                "perPage=0",
                "perPage=100000",
                "perPage=ten")) {
            MvcTestResult r = fixtures.get("producer", "/epcis/events?" + bad);
            assertThat(r).as(bad).hasStatus(400);
            assertThat(read(r, "$.parameter").toString()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void competitorsNeverSeeEachOthersEventsAuthoritiesSeeTheirJurisdiction() {
        User rival = fixtures.reporter("CN-NM");
        EpcisEvent theirs = TestEvents.object().build();
        EpcisEvent ours = TestEvents.object().build();
        fixtures.capture(fixtures.reporterOf(rival), theirs);
        fixtures.capture(fixtures.producer(), ours);
        String both = "/epcis/events?EQ_eventID=" + enc(theirs.eventId() + "," + ours.eventId());
        assertThat(eventIds(fixtures.get("producer", both))).containsExactly(ours.eventId());
        assertThat(eventIds(fixtures.get(rival.username(), both))).containsExactly(theirs.eventId());
        assertThat(fixtures.get("producer", "/epcis/events/" + enc(theirs.eventId())))
                .hasStatus(404);
        assertThat(fixtures.get(rival.username(), "/epcis/events/" + enc(ours.eventId())))
                .hasStatus(404);
        assertThat(fixtures.get(rival.username(), "/epcis/events/" + enc(theirs.eventId())))
                .hasStatusOk();

        assertThat(eventIds(fixtures.get("reviewer", both)))
                .as("Jiangxi reviewer")
                .containsExactly(ours.eventId());
        User mongolia = fixtures.authority("CN-NM", "REVIEWER");
        assertThat(eventIds(fixtures.get(mongolia.username(), both))).containsExactly(theirs.eventId());
        assertThat(eventIds(fixtures.get("enforcement", both)))
                .as("national enforcement")
                .containsExactly(theirs.eventId(), ours.eventId());
        User provincialEnforcement = fixtures.authority("CN-GD", "ENFORCEMENT");
        assertThat(eventIds(fixtures.get(provincialEnforcement.username(), both)))
                .isEmpty();
        assertThat(fixtures.get("reviewer", "/epcis/events/" + enc(theirs.eventId())))
                .hasStatus(404);
        assertThat(fixtures.get("applicant", both)).hasStatus(403);
    }

    @Test
    void readsAreAudited() {
        String rp = "urn:epc:id:sgln:6901234." + tag + ".audit";
        fixtures.capture(fixtures.producer(), TestEvents.object().readPoint(rp).build());
        Instant before = Instant.now().minusSeconds(1);
        assertThat(eventIds(fixtures.get("reviewer", "/epcis/events?EQ_readPoint=" + enc(rp))))
                .hasSize(1);
        assertThat(fixtures.get("reviewer", "/epcis/events/" + enc(ship.eventId())))
                .hasStatusOk();
        var entries = audit.find(new AuditQuery(null, null, "reviewer", before, null, 20));
        assertThat(entries)
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("epcis.query");
                    assertThat(e.detail()).contains(rp).contains("1 event(s) returned");
                })
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("epcis.read");
                    assertThat(e.objectId()).isEqualTo(ship.eventId());
                });
    }
}
