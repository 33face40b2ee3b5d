package org.lodestone.traceability.epcis.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;

class XmlReaderUnitTests {

    static Stream<Path> validXml() {
        return Stream.concat(
                Examples.files(Syntax.XML, "Documents").stream(), Examples.files(Syntax.XML, "Events").stream());
    }

    static Stream<Path> invalidXml() {
        return Examples.files(Syntax.XML, "Invalid").stream();
    }

    @ParameterizedTest
    @MethodSource("validXml")
    void everyValidGs1ExampleIsAcceptedWhole(Path file) {
        Examples.Result result = Examples.read(file, Syntax.XML);

        assertThat(result.rejected()).as(file.getFileName().toString()).isEmpty();
        assertThat(result.summary().events())
                .isPositive()
                .isEqualTo(result.summary().accepted());
        for (EpcisEvent e : result.events()) {
            assertThat(e.json().get("eventID").stringValue()).isEqualTo(e.eventId());
            assertThat(e.json().has("recordTime")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("invalidXml")
    void everyInvalidGs1ExampleIsRejected(Path file) {
        try {
            Examples.Result result = Examples.read(file, Syntax.XML);
            assertThat(result.rejected()).as(file.getFileName().toString()).isNotEmpty();
            assertThat(result.rejected()).allSatisfy(r -> {
                assertThat(r.errorType()).isEqualTo("epcisException:ValidationException");
                assertThat(r.reason()).isNotBlank();
                assertThat(r.pointer()).isNotBlank();
            });
        } catch (EpcisDocumentException e) {
            assertThat(e.errorType()).isEqualTo("epcisException:ValidationException");
        }
    }

    @Test
    void schemaViolationsAreRejectionsOfTheEventNamingTheElement() {
        String doc =
                document(event("ADD", "<madeUpField>x</madeUpField>") + event("CREATE", "") + event("OBSERVE", ""));

        Examples.Result result = Examples.read(doc.getBytes(UTF_8), Syntax.XML);

        assertThat(result.outcomes()).hasSize(3);
        ReadOutcome.Rejected unknown = (ReadOutcome.Rejected) result.outcomes().get(0);
        assertThat(unknown.reason()).startsWith("XML schema:").contains("madeUpField");
        assertThat(unknown.pointer()).startsWith("/EPCISDocument/EPCISBody/EventList/ObjectEvent[1]");
        assertThat(((ReadOutcome.Rejected) result.outcomes().get(1)).reason()).contains("CREATE");
        assertThat(result.outcomes().get(2)).isInstanceOf(ReadOutcome.Accepted.class);
    }

    @Test
    void xmlIsConvertedToTheJsonLdForm() {
        String doc = document("""
                <ObjectEvent xmlns:ext1="http://example.com/ext1/" xmlns:cbvmda="urn:epcglobal:cbv:mda">
                  <eventTime>2024-05-01T10:00:00+02:00</eventTime>
                  <recordTime>2024-05-01T10:00:01Z</recordTime>
                  <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:0614141.107346.2017</epc></epcList>
                  <action>OBSERVE</action>
                  <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                  <disposition>urn:epcglobal:cbv:disp:in_transit</disposition>
                  <readPoint><id>urn:epc:id:sgln:0614141.07346.1234</id></readPoint>
                  <bizTransactionList>
                    <bizTransaction type="urn:epcglobal:cbv:btt:po">urn:epc:id:gdti:0614141.00001.1</bizTransaction>
                  </bizTransactionList>
                  <quantityList><quantityElement>
                    <epcClass>urn:epc:class:lgtin:4012345.012345.998877</epcClass><quantity>1200.50</quantity><uom>KGM</uom>
                  </quantityElement></quantityList>
                  <sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:4012345.00225</source></sourceList>
                  <ilmd><cbvmda:countryOfOrigin>CN</cbvmda:countryOfOrigin><ext1:lot>A1</ext1:lot></ilmd>
                  <ext1:a>1</ext1:a><ext1:a>2</ext1:a>
                  <ext1:b><ext1:c>x</ext1:c></ext1:b>
                </ObjectEvent>
                """);

        Examples.Result result = Examples.read(doc.getBytes(UTF_8), Syntax.XML);
        assertThat(result.rejected()).isEmpty();
        EpcisEvent e = result.events().getFirst();

        assertThat(e.type()).isEqualTo(EventType.OBJECT);
        assertThat(e.action()).isEqualTo(Action.OBSERVE);
        assertThat(e.bizStep()).isEqualTo("shipping");
        assertThat(e.disposition()).isEqualTo("in_transit");
        assertThat(e.quantityList().getFirst().quantity()).isEqualByComparingTo("1200.5");
        assertThat(e.json().toString()).isEqualTo("""
                        {"type":"ObjectEvent","eventTime":"2024-05-01T10:00:00+02:00",\
                        "eventTimeZoneOffset":"+02:00","epcList":["urn:epc:id:sgtin:0614141.107346.2017"],\
                        "action":"OBSERVE","bizStep":"shipping","disposition":"in_transit",\
                        "readPoint":{"id":"urn:epc:id:sgln:0614141.07346.1234"},\
                        "bizTransactionList":[{"type":"po","bizTransaction":"urn:epc:id:gdti:0614141.00001.1"}],\
                        "quantityList":[{"epcClass":"urn:epc:class:lgtin:4012345.012345.998877","quantity":1200.50,"uom":"KGM"}],\
                        "sourceList":[{"type":"owning_party","source":"urn:epc:id:pgln:4012345.00225"}],\
                        "ilmd":{"cbvmda:countryOfOrigin":"CN","ext1:lot":"A1"},"ext1:a":["1","2"],"ext1:b":{"ext1:c":"x"},\
                        "eventID":"%s","@context":{"ext1":"http://example.com/ext1/"}}""".formatted(e.eventId()));
    }

    @Test
    void aDtdWithAnExternalEntityIsNotResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + document(event("OBSERVE", "").replace("<bizStep>", "<bizStep>&xxe;"))
                        .replace("<bizStep>", "<bizStep>&xxe;");
        String lol =
                "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n"
                        + document(event("OBSERVE", "<bizStep>&lol2;</bizStep>"));
        String externalDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo SYSTEM \"" + secret.toUri() + "\">\n"
                + document(event("OBSERVE", ""));

        for (String payload : new String[] {xxe, lol, externalDtd}) {
            StringBuilder seen = new StringBuilder();
            assertThatThrownBy(() -> Examples.READER.read(
                            new java.io.ByteArrayInputStream(payload.getBytes(UTF_8)),
                            Syntax.XML,
                            Examples.LIMITS,
                            o -> seen.append(o)))
                    .isInstanceOfSatisfying(EpcisDocumentException.class, e -> {
                        assertThat(e.errorType()).isEqualTo("epcisException:ValidationException");
                        assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
                    });
            assertThat(seen.toString()).doesNotContain("TOP-SECRET").doesNotContain("lollol");
        }
    }

    @Test
    void documentLevelFailures() {
        assertInvalid("<a/>", "root element");
        assertInvalid(
                "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:1\" schemaVersion=\"1.2\""
                        + " creationDate=\"2024-01-01T00:00:00Z\"/>",
                "EPCIS 1.x");
        assertInvalid(document("").replace("schemaVersion=\"2.0\"", ""), "schemaVersion");
        assertInvalid(document("<Foo/>"), "not an EPCIS 2.0 event");
        assertInvalid(document(event("OBSERVE", "")).replace("</EventList>", ""), "malformed XML");
        assertInvalid("", "malformed XML");
    }

    @Test
    void moreEventsThanTheLimitFailTheDocument() {
        String doc = document(event("OBSERVE", "") + event("OBSERVE", "") + event("OBSERVE", ""));
        ReadLimits two = new ReadLimits(2, java.time.Duration.ZERO, Examples.LIMITS.clock());
        assertThatThrownBy(() -> Examples.read(doc.getBytes(UTF_8), Syntax.XML, two))
                .isInstanceOfSatisfying(
                        EpcisDocumentException.class,
                        e -> assertThat(e.errorType()).isEqualTo("epcisException:CaptureLimitExceededException"));
    }

    @Test
    void truncatedDocumentsAndRandomBytesOnlyEverFailAsDocumentExceptions() {
        byte[] doc = Examples.bytes(Examples.ROOT.resolve("XML/Capture/Documents/ObjectEvent_all_possible_fields.xml"));
        Random random = new Random(7);
        for (int length = 0; length < doc.length; length += 1 + random.nextInt(60)) {
            assertOnlyDocumentException(java.util.Arrays.copyOf(doc, length));
        }
        for (int i = 0; i < 200; i++) {
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
            Examples.read(input, Syntax.XML);
        } catch (EpcisDocumentException expected) {
            assertThat(expected.errorType()).isEqualTo("epcisException:ValidationException");
        } catch (RuntimeException e) {
            fail("unexpected " + e + " for input " + new String(input, UTF_8), e);
        }
    }

    private static void assertInvalid(String xml, String detail) {
        assertThatThrownBy(() -> Examples.read(xml.getBytes(UTF_8), Syntax.XML))
                .isInstanceOfSatisfying(EpcisDocumentException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("epcisException:ValidationException");
                    assertThat(e.detail()).contains(detail);
                });
    }

    static String event(String action, String more) {
        return """
                <ObjectEvent><eventTime>2024-05-01T10:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                <epcList><epc>urn:epc:id:sgtin:0614141.107346.2017</epc></epcList><action>%s</action><bizStep>shipping</bizStep>%s</ObjectEvent>
                """.formatted(action, more);
    }

    static String document(String events) {
        return """
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2024-05-01T10:00:00Z">
                <EPCISBody><EventList>%s</EventList></EPCISBody></epcis:EPCISDocument>
                """.formatted(events);
    }
}
