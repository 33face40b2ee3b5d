package org.lodestone.traceability.epcis.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;

class JsonReaderUnitTests {

    static Stream<Path> validJson() {
        return Stream.concat(
                Examples.files(Syntax.JSON, "Documents").stream(), Examples.files(Syntax.JSON, "Events").stream());
    }

    static Stream<Path> invalidJson() {
        return Examples.files(Syntax.JSON, "Invalid").stream();
    }

    @ParameterizedTest
    @MethodSource("validJson")
    void everyValidGs1ExampleIsAcceptedWhole(Path file) {
        Examples.Result result = Examples.read(file, Syntax.JSON);

        assertThat(result.rejected()).as(file.getFileName().toString()).isEmpty();
        assertThat(result.summary().events())
                .isPositive()
                .isEqualTo(result.summary().accepted());
        for (EpcisEvent e : result.events()) {
            assertThat(e.eventId()).isNotBlank();
            assertThat(e.json().has("recordTime")).isFalse();
            assertThat(e.json().get("eventID").stringValue()).isEqualTo(e.eventId());
        }
    }

    @ParameterizedTest
    @MethodSource("invalidJson")
    void everyInvalidGs1ExampleIsRejected(Path file) {
        try {
            Examples.Result result = Examples.read(file, Syntax.JSON);
            assertThat(result.rejected()).as(file.getFileName().toString()).isNotEmpty();
            assertThat(result.rejected()).allSatisfy(r -> {
                assertThat(r.errorType()).isEqualTo("epcisException:ValidationException");
                assertThat(r.reason()).isNotBlank();
                assertThat(r.pointer()).startsWith("/epcisBody/eventList/" + r.index());
            });
        } catch (EpcisDocumentException e) {
            assertThat(e.errorType()).isEqualTo("epcisException:ValidationException");
        }
    }

    @Test
    void rejectionsNameTheFieldAndOnlyTheBadEventIsRejected() {
        Examples.Result second = read("ObjectEvent_with_non_standard_bizStep_in_second_event.json");
        assertThat(second.outcomes()).hasSize(2);
        assertThat(second.outcomes().get(0)).isInstanceOf(ReadOutcome.Accepted.class);
        ReadOutcome.Rejected rejected = (ReadOutcome.Rejected) second.outcomes().get(1);
        assertThat(rejected.index()).isEqualTo(1);
        assertThat(rejected.reason()).contains("bizStep").contains("transforming");
        assertThat(rejected.pointer()).isEqualTo("/epcisBody/eventList/1/bizStep");

        assertThat(onlyReason("ObjectEvent_with_non_standard_disposition.json"))
                .contains("disposition", "in_transport");
        assertThat(onlyReason("ObjectEvent_with_invalid_action.json")).contains("action", "CREATE");
        assertThat(onlyReason("ObjectEvent_with_invalid_eventTime_format.json")).contains("eventTime", "22-07-2026");
        assertThat(onlyReason("ObjectEvent_with_quantity_as_text.json")).contains("quantityList[0].quantity", "twenty");
        assertThat(onlyReason("ObjectEvent_with_unknown_field_in_quantityList.json"))
                .contains("quantityList[0]", "weight");
        assertThat(onlyReason("ObjectEvent_with_ilmd_field_without_namespace.json"))
                .contains("ilmd", "materialType");
        assertThat(onlyReason("ObjectEvent_with_invalid_certificationInfo.json"))
                .contains("certificationInfo");
        assertThat(onlyReason("ObjectEvent_without_identifier_list.json")).contains("epcList/quantityList");
        assertThat(onlyReason("ObjectEvent_without_action_and_eventTime.json"))
                .contains("eventTime: missing", "action: missing", "eventTimeZoneOffset: missing");

        Examples.Result multiple = read("Combination_of_multiple_invalid_fields.json");
        assertThat(multiple.rejected()).hasSize(5);
        assertThat(multiple.rejected().get(2).reason()).contains("sourceList[0].type", "place");

        assertThatThrownBy(() -> read("EPCISDocument_without_context.json"))
                .isInstanceOfSatisfying(
                        EpcisDocumentException.class,
                        e -> assertThat(e.detail()).contains("@context"));
    }

    @Test
    void vocabularyIsNormalisedToTheBareCbvFormAndEverythingElseIsKept() {
        String doc = document("""
                {"type":"ObjectEvent","eventTime":"2024-05-01T10:00:00.000+02:00","eventTimeZoneOffset":"+02:00",
                 "recordTime":"2024-05-01T10:00:01Z",
                 "epcList":["urn:epc:id:sgtin:0614141.107346.2017"],"action":"OBSERVE",
                 "bizStep":"urn:epcglobal:cbv:bizstep:shipping","disposition":"https://ref.gs1.org/cbv/Disp-in_transit",
                 "readPoint":{"id":"urn:epc:id:sgln:0614141.07346.1234"},
                 "bizTransactionList":[{"type":"urn:epcglobal:cbv:btt:po","bizTransaction":"urn:epc:id:gdti:0614141.00001.1"},
                                       {"type":"urn:lodestone:btt:licence","bizTransaction":"urn:lodestone:licence:EL-2024-0001"}],
                 "sourceList":[{"type":"urn:epcglobal:cbv:sdt:owning_party","source":"urn:epc:id:pgln:4012345.00225"}],
                 "destinationList":[{"type":"location","destination":"urn:epc:id:sgln:0614141.00777.0"}],
                 "quantityList":[{"epcClass":"urn:epc:class:lgtin:4012345.012345.998877","quantity":1200.5,"uom":"KGM"}],
                 "errorDeclaration":{"declarationTime":"2024-05-02T10:00:00Z","reason":"urn:epcglobal:cbv:er:incorrect_data"},
                 "persistentDisposition":{"set":["urn:epcglobal:cbv:disp:completeness_verified"]},
                 "sensorElementList":[{"sensorReport":[{"type":"gs1:Temperature","value":26.5,"uom":"CEL"}]}],
                 "ilmd":{"ext1:lot":"A1","cbvmda:countryOfOrigin":"CN"},
                 "ext1:note":{"ext1:inner":"x"}}
                """);

        EpcisEvent e = single(doc);

        assertThat(e.type()).isEqualTo(EventType.OBJECT);
        assertThat(e.action()).isEqualTo(Action.OBSERVE);
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(e.eventTimeZoneOffset()).isEqualTo("+02:00");
        assertThat(e.bizStep()).isEqualTo("shipping");
        assertThat(e.disposition()).isEqualTo("in_transit");
        assertThat(e.readPoint()).isEqualTo("urn:epc:id:sgln:0614141.07346.1234");
        assertThat(e.bizTransactionList()).extracting(t -> t.type()).containsExactly("po", "urn:lodestone:btt:licence");
        assertThat(e.licenceNumber()).isEqualTo("EL-2024-0001");
        assertThat(e.sourceList().getFirst().type()).isEqualTo("owning_party");
        assertThat(e.quantityList().getFirst().quantity()).isEqualByComparingTo(new BigDecimal("1200.5"));
        assertThat(e.quantityList().getFirst().uom()).isEqualTo("KGM");
        assertThat(e.json().at("/errorDeclaration/reason").stringValue()).isEqualTo("incorrect_data");
        assertThat(e.json().at("/persistentDisposition/set/0").stringValue()).isEqualTo("completeness_verified");
        assertThat(e.json().at("/sensorElementList/0/sensorReport/0/type").stringValue())
                .isEqualTo("Temperature");
        assertThat(e.json().at("/ilmd/ext1:lot").stringValue()).isEqualTo("A1");
        assertThat(e.json().at("/ext1:note/ext1:inner").stringValue()).isEqualTo("x");
        assertThat(e.json().at("/@context/ext1").stringValue()).isEqualTo("http://example.com/ext1/");
        assertThat(e.json().has("recordTime")).isFalse();
        assertThat(e.eventId()).startsWith("ni:///sha-256;").endsWith("?ver=CBV2.0");
    }

    @Test
    void theAssignedEventIdIsAContentHash() {
        String event = """
                {"type":"ObjectEvent","eventTime":"2024-05-01T10:00:00+02:00","eventTimeZoneOffset":"+02:00",
                 "epcList":["urn:epc:id:sgtin:0614141.107346.2017"],"action":"OBSERVE","bizStep":"%s"%s}
                """;
        String a = single(document(event.formatted("shipping", ""))).eventId();
        String sameContentOtherSpellingAndRecordTime = single(document(event.formatted(
                        "urn:epcglobal:cbv:bizstep:shipping", ",\"recordTime\":\"2025-01-01T00:00:00Z\"")))
                .eventId();
        String other = single(document(event.formatted("receiving", ""))).eventId();

        assertThat(a).matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0");
        assertThat(sameContentOtherSpellingAndRecordTime).isEqualTo(a);
        assertThat(other).isNotEqualTo(a);
        String given = single(document(event.formatted("shipping", ",\"eventID\":\"urn:uuid:1\"")))
                .eventId();
        assertThat(given).isEqualTo("urn:uuid:1");
    }

    @Test
    void eventsTooFarInTheFutureAreRejected() {
        String event = """
                {"type":"ObjectEvent","eventTime":"%s","eventTimeZoneOffset":"+00:00",
                 "epcList":["urn:epc:id:sgtin:0614141.107346.2017"],"action":"OBSERVE"}
                """;
        Instant now = Examples.NOW;
        Examples.Result result = Examples.read(
                document(event.formatted(now.plusSeconds(240)) + "," + event.formatted(now.plusSeconds(360)))
                        .getBytes(UTF_8),
                Syntax.JSON);
        assertThat(result.outcomes().get(0)).isInstanceOf(ReadOutcome.Accepted.class);
        assertThat(((ReadOutcome.Rejected) result.outcomes().get(1)).reason()).contains("eventTime", "future");
    }

    @Test
    void transformationOutputsWithoutInputsAreAllowedButAnEmptyTransformationIsNot() {
        String outputs = """
                {"type":"TransformationEvent","eventTime":"2024-05-01T10:00:00Z","eventTimeZoneOffset":"+00:00",
                 "outputQuantityList":[{"epcClass":"urn:epc:class:lgtin:4012345.012345.1","quantity":10,"uom":"KGM"}]}
                """;
        String nothing = """
                {"type":"TransformationEvent","eventTime":"2024-05-01T10:00:00Z","eventTimeZoneOffset":"+00:00"}
                """;
        String withAction = """
                {"type":"TransformationEvent","eventTime":"2024-05-01T10:00:00Z","eventTimeZoneOffset":"+00:00",
                 "action":"ADD","outputEPCList":["urn:epc:id:sgtin:0614141.107346.2017"]}
                """;
        Examples.Result result = Examples.read(
                document(outputs + "," + nothing + "," + withAction).getBytes(UTF_8), Syntax.JSON);
        assertThat(result.outcomes().get(0)).isInstanceOf(ReadOutcome.Accepted.class);
        assertThat(((ReadOutcome.Rejected) result.outcomes().get(1)).reason()).contains("at least one input or output");
        assertThat(((ReadOutcome.Rejected) result.outcomes().get(2)).reason()).contains("unknown field 'action'");
    }

    @Test
    void extensionsNeedADeclaredPrefix() {
        String event = """
                {"type":"ObjectEvent","eventTime":"2024-05-01T10:00:00Z","eventTimeZoneOffset":"+00:00",
                 "epcList":["urn:epc:id:sgtin:0614141.107346.2017"],"action":"OBSERVE",%s}
                """;
        Examples.Result result = Examples.read(
                document(event.formatted("\"undeclared:x\":1") + "," + event.formatted("\"comment\":\"x\"") + ","
                                + event.formatted("\"ext1:x\":{\"nested\":1}"))
                        .getBytes(UTF_8),
                Syntax.JSON);
        assertThat(result.rejected())
                .extracting(ReadOutcome.Rejected::reason)
                .satisfiesExactly(
                        r -> assertThat(r).contains("undeclared:x", "not declared in @context"),
                        r -> assertThat(r).contains("unknown field 'comment'"),
                        r -> assertThat(r).contains("unknown field 'nested'"));
    }

    @Test
    void documentLevelFailures() {
        assertInvalid("[]", "JSON object");
        assertInvalid(
                "{\"@context\":[],\"type\":\"EPCISQueryDocument\",\"schemaVersion\":\"2.0\","
                        + "\"creationDate\":\"2024-01-01T00:00:00Z\",\"epcisBody\":{\"eventList\":[]}}",
                "EPCISDocument");
        assertInvalid(
                "{\"@context\":[],\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
                        + "\"creationDate\":\"2024-01-01T00:00:00Z\",\"epcisBody\":{}}",
                "eventList");
        assertInvalid(
                "{\"@context\":[],\"type\":\"EPCISDocument\",\"creationDate\":\"2024-01-01T00:00:00Z\","
                        + "\"epcisBody\":{\"eventList\":[]}}",
                "schemaVersion");
        assertInvalid(
                "{\"@context\":[],\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
                        + "\"creationDate\":\"2024-01-01T00:00:00Z\",\"epcisBody\":{\"eventList\":[1]}}",
                "JSON object");
        assertInvalid("{\"a\":1,\"a\":2}", "malformed JSON");
        assertInvalid("{\"type\":\"ObjectEvent\"} {}", "after the document");
    }

    @Test
    void moreEventsThanTheLimitFailTheDocument() {
        String event = """
                {"type":"ObjectEvent","eventTime":"2024-05-01T10:00:00Z","eventTimeZoneOffset":"+00:00",
                 "epcList":["urn:epc:id:sgtin:0614141.107346.2017"],"action":"OBSERVE"}
                """;
        String doc = document(event + "," + event + "," + event);
        ReadLimits two = new ReadLimits(2, Duration.ZERO, Clock.fixed(Examples.NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> Examples.read(doc.getBytes(UTF_8), Syntax.JSON, two))
                .isInstanceOfSatisfying(
                        EpcisDocumentException.class,
                        e -> assertThat(e.errorType()).isEqualTo("epcisException:CaptureLimitExceededException"));
        assertThat(Examples.read(doc.getBytes(UTF_8), Syntax.JSON).summary().accepted())
                .isEqualTo(3);
    }

    @Test
    void aContextAfterTheBodyIsHonoured() {
        String doc = """
                {"type":"EPCISDocument","epcisBody":{"eventList":[
                 {"type":"ObjectEvent","eventTime":"2024-05-01T10:00:00Z","eventTimeZoneOffset":"+00:00",
                  "epcList":["urn:epc:id:sgtin:0614141.107346.2017"],"action":"OBSERVE","ext9:x":"y"}]},
                 "schemaVersion":"2.0","creationDate":"2024-05-01T10:00:00Z",
                 "@context":["https://ref.gs1.org/standards/epcis/epcis-context.jsonld",{"ext9":"urn:ext9:"}]}
                """;
        EpcisEvent e = single(doc);
        assertThat(e.json().at("/@context/ext9").stringValue()).isEqualTo("urn:ext9:");
    }

    @Test
    void truncatedDocumentsAndRandomBytesOnlyEverFailAsDocumentExceptions() {
        byte[] doc =
                Examples.bytes(Examples.ROOT.resolve("JSON/Capture/Documents/ObjectEvent_all_possible_fields.json"));
        Random random = new Random(42);
        for (int length = 0; length < doc.length; length += 1 + random.nextInt(40)) {
            byte[] truncated = java.util.Arrays.copyOf(doc, length);
            assertOnlyDocumentException(truncated);
        }
        for (int i = 0; i < 300; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            assertOnlyDocumentException(noise);
            byte[] mutated = doc.clone();
            for (int k = 0; k < 5; k++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            assertOnlyDocumentException(mutated);
        }
    }

    private static void assertOnlyDocumentException(byte[] input) {
        try {
            Examples.read(input, Syntax.JSON);
        } catch (EpcisDocumentException expected) {
            assertThat(expected.errorType()).isEqualTo("epcisException:ValidationException");
        } catch (RuntimeException e) {
            fail("unexpected " + e + " for input " + new String(input, UTF_8), e);
        }
    }

    private static void assertInvalid(String json, String detail) {
        assertThatThrownBy(() -> Examples.read(json.getBytes(UTF_8), Syntax.JSON))
                .isInstanceOfSatisfying(EpcisDocumentException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("epcisException:ValidationException");
                    assertThat(e.detail()).contains(detail);
                });
    }

    static String document(String events) {
        return """
                {"@context":["https://ref.gs1.org/standards/epcis/epcis-context.jsonld",{"ext1":"http://example.com/ext1/"}],
                 "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T10:00:00Z",
                 "epcisBody":{"eventList":[%s]}}
                """.formatted(events);
    }

    private static EpcisEvent single(String document) {
        Examples.Result result = Examples.read(document.getBytes(UTF_8), Syntax.JSON);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.events()).hasSize(1);
        return result.events().getFirst();
    }

    private static Examples.Result read(String invalidFile) {
        return Examples.read(Examples.ROOT.resolve("JSON/Capture/Invalid").resolve(invalidFile), Syntax.JSON);
    }

    private static String onlyReason(String invalidFile) {
        List<ReadOutcome.Rejected> rejected = read(invalidFile).rejected();
        assertThat(rejected).as(invalidFile).hasSize(1);
        return rejected.getFirst().reason();
    }
}
