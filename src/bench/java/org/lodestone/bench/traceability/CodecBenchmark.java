package org.lodestone.bench.traceability;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.lodestone.traceability.epcis.codec.EpcisReader;
import org.lodestone.traceability.epcis.codec.ReadLimits;
import org.lodestone.traceability.epcis.codec.ReadOutcome;
import org.lodestone.traceability.epcis.codec.ReadSummary;
import org.lodestone.traceability.epcis.codec.Syntax;

/**
 * Read throughput of the EPCIS codec: a generated 1,000-event capture document (object, transformation and
 * transaction events with quantities, business transactions, sources/destinations, ILMD; half without an eventID so
 * the content hash is computed), read repeatedly, in JSON and in XML.
 *
 * <pre>./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.lodestone.bench.traceability.CodecBenchmark</pre>
 */
public final class CodecBenchmark {

    private static final int EVENTS = 1_000;

    public static void main(String[] args) {
        EpcisReader reader = new EpcisReader();
        ReadLimits limits = new ReadLimits(10_000, Duration.ofMinutes(5), Clock.systemUTC());
        byte[] json = jsonDocument().getBytes(StandardCharsets.UTF_8);
        byte[] xml = xmlDocument().getBytes(StandardCharsets.UTF_8);
        System.out.printf(
                Locale.ROOT, "document: %d events, JSON %,d bytes, XML %,d bytes%n", EVENTS, json.length, xml.length);
        run("JSON", reader, json, Syntax.JSON, limits, 5, 10);
        run("XML", reader, xml, Syntax.XML, limits, 3, 5);
    }

    /** Reads the document for {@code warmupSeconds}, then counts the events read in {@code seconds}. */
    private static void run(
            String name,
            EpcisReader reader,
            byte[] doc,
            Syntax syntax,
            ReadLimits limits,
            int warmupSeconds,
            int seconds) {
        int[] rejected = {0};
        java.util.function.Consumer<ReadOutcome> sink = o -> {
            if (o instanceof ReadOutcome.Rejected r) {
                if (rejected[0]++ == 0) {
                    System.out.println("rejected: " + r);
                }
            }
        };
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            reader.read(new ByteArrayInputStream(doc), syntax, limits, sink);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long events = 0;
        while (System.nanoTime() < end) {
            ReadSummary s = reader.read(new ByteArrayInputStream(doc), syntax, limits, sink);
            events += s.accepted();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // CPU time of the reading thread too: on a shared machine wall-clock throughput mostly measures the neighbours
        System.out.printf(
                Locale.ROOT,
                "%s: %,d events in %.2f s wall = %,.0f events/s; %.2f s CPU = %,.0f events per CPU-second"
                        + " (single thread, %d rejected)%n",
                name,
                events,
                elapsed,
                events / elapsed,
                cpu,
                events / cpu,
                rejected[0]);
    }

    private static String jsonDocument() {
        StringBuilder b = new StringBuilder(1 << 20);
        b.append("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\",")
                .append("{\"lds\":\"https://lodestone.example/epcis/\"}],")
                .append(
                        "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-01-01T00:00:00Z\",")
                .append("\"epcisBody\":{\"eventList\":[");
        for (int i = 0; i < EVENTS; i++) {
            if (i > 0) {
                b.append(',');
            }
            String id = i % 2 == 0
                    ? "\"eventID\":\"urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i) + "\","
                    : "";
            String time =
                    "2025-0" + (1 + i % 9) + "-1" + (i % 10) + "T08:" + String.format("%02d", i % 60) + ":00.000+08:00";
            String lot = "urn:epc:class:lgtin:6901234.012345.LOT" + i;
            switch (i % 3) {
                case 0 ->
                    b.append("{\"type\":\"ObjectEvent\",")
                            .append(id)
                            .append("\"eventTime\":\"")
                            .append(time)
                            .append("\",\"eventTimeZoneOffset\":\"+08:00\",")
                            .append(
                                    "\"epcList\":[],\"action\":\"OBSERVE\",\"bizStep\":\"shipping\",\"disposition\":\"in_transit\",")
                            .append("\"readPoint\":{\"id\":\"urn:epc:id:sgln:6901234.00001.0\"},")
                            .append("\"bizLocation\":{\"id\":\"urn:epc:id:sgln:6901234.00001.0\"},")
                            .append(
                                    "\"bizTransactionList\":[{\"type\":\"desadv\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:6901234000001:D")
                            .append(i)
                            .append(
                                    "\"},{\"type\":\"urn:lodestone:btt:licence\",\"bizTransaction\":\"urn:lodestone:licence:EL-2025-")
                            .append(i)
                            .append("\"}],")
                            .append("\"quantityList\":[{\"epcClass\":\"")
                            .append(lot)
                            .append("\",\"quantity\":1200.5,\"uom\":\"KGM\"}],")
                            .append(
                                    "\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"urn:epc:id:pgln:6901234.00001\"}],")
                            .append(
                                    "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"urn:epc:id:pgln:4012345.00001\"}]}");
                case 1 ->
                    b.append("{\"type\":\"TransformationEvent\",")
                            .append(id)
                            .append("\"eventTime\":\"")
                            .append(time)
                            .append("\",\"eventTimeZoneOffset\":\"+08:00\",")
                            .append("\"inputQuantityList\":[{\"epcClass\":\"urn:epc:class:lgtin:6901234.011111.IN")
                            .append(i)
                            .append(
                                    "\",\"quantity\":2000,\"uom\":\"KGM\"},{\"epcClass\":\"urn:epc:class:lgtin:6901234.011112.IN")
                            .append(i)
                            .append("\",\"quantity\":150.25,\"uom\":\"KGM\"}],")
                            .append("\"outputQuantityList\":[{\"epcClass\":\"")
                            .append(lot)
                            .append("\",\"quantity\":1800,\"uom\":\"KGM\"}],")
                            .append("\"bizStep\":\"commissioning\",\"disposition\":\"active\",")
                            .append("\"readPoint\":{\"id\":\"urn:epc:id:sgln:6901234.00002.0\"},")
                            .append(
                                    "\"ilmd\":{\"lds:productType\":\"NdFeB magnet\",\"lds:dy\":0.045,\"lds:tb\":0.01}}");
                default ->
                    b.append("{\"type\":\"TransactionEvent\",")
                            .append(id)
                            .append("\"eventTime\":\"")
                            .append(time)
                            .append("\",\"eventTimeZoneOffset\":\"+08:00\",")
                            .append(
                                    "\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:6901234000001:P")
                            .append(i)
                            .append("\"}],\"epcList\":[\"urn:epc:id:sscc:6901234.00000")
                            .append(i)
                            .append("\"],")
                            .append("\"action\":\"ADD\",\"bizStep\":\"urn:epcglobal:cbv:bizstep:accepting\",")
                            .append("\"readPoint\":{\"id\":\"urn:epc:id:sgln:6901234.00003.0\"}}");
            }
        }
        return b.append("]}}").toString();
    }

    private static String xmlDocument() {
        StringBuilder b = new StringBuilder(1 << 20);
        b.append(
                        "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" xmlns:lds=\"https://lodestone.example/epcis/\"")
                .append(" schemaVersion=\"2.0\" creationDate=\"2026-01-01T00:00:00Z\"><EPCISBody><EventList>");
        for (int i = 0; i < EVENTS; i++) {
            String time =
                    "2025-0" + (1 + i % 9) + "-1" + (i % 10) + "T08:" + String.format("%02d", i % 60) + ":00.000+08:00";
            b.append("<ObjectEvent><eventTime>")
                    .append(time)
                    .append("</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>");
            if (i % 2 == 0) {
                b.append("<eventID>urn:uuid:00000000-0000-4000-8000-")
                        .append(String.format("%012d", i))
                        .append("</eventID>");
            }
            b.append("<epcList/><action>OBSERVE</action><bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>")
                    .append("<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>")
                    .append("<readPoint><id>urn:epc:id:sgln:6901234.00001.0</id></readPoint>")
                    .append(
                            "<bizTransactionList><bizTransaction type=\"urn:lodestone:btt:licence\">urn:lodestone:licence:EL-2025-")
                    .append(i)
                    .append("</bizTransaction></bizTransactionList>")
                    .append("<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:6901234.012345.LOT")
                    .append(i)
                    .append("</epcClass><quantity>1200.5</quantity><uom>KGM</uom></quantityElement></quantityList>")
                    .append(
                            "<sourceList><source type=\"urn:epcglobal:cbv:sdt:owning_party\">urn:epc:id:pgln:6901234.00001</source></sourceList>")
                    .append("<lds:productType>NdFeB magnet</lds:productType></ObjectEvent>");
        }
        return b.append("</EventList></EPCISBody></epcis:EPCISDocument>").toString();
    }
}
