package org.lodestone.bench.traceability;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.bench.BenchDatabases;
import org.lodestone.identity.OrganisationId;
import org.lodestone.support.TestDatabases;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.epcis.Capturing;
import org.lodestone.traceability.epcis.Capturing.CaptureResult;
import org.lodestone.traceability.epcis.Capturing.ErrorBehaviour;
import org.lodestone.traceability.epcis.Capturing.Reporter;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EpcisProperties;
import org.lodestone.traceability.epcis.codec.EpcisReader;
import org.lodestone.traceability.epcis.codec.ReadLimits;
import org.lodestone.traceability.epcis.codec.ReadOutcome;
import org.lodestone.traceability.epcis.codec.Syntax;
import org.lodestone.traceability.epcis.store.EventStore;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * EPCIS capture throughput (#5): seeded JSON EPCISDocuments of 1,000 events each (object, aggregation and
 * transformation events with EPCs, quantities, business transactions, sources/destinations), captured end to end —
 * parse and validate with the codec's {@link EpcisReader}, dedup lookup, content hash, batch insert of event, index and
 * reader rows, one transaction per document — next to the ceiling: a raw JDBC batch insert of the same rows (already
 * built, one transaction per 1,000 events) into a second database, alternating document by document with the capture.
 * Embedded H2 (file, the demo mode's options) and PostgreSQL. Wall-clock and process-CPU rates are both printed, with
 * the load average: on a loaded machine the CPU figure is the honest one (for PostgreSQL it leaves out the server).
 *
 * <pre>
 * ./mvnw -q -B -Pbench test-compile exec:exec \
 *     -Dbench.main=org.lodestone.bench.traceability.CaptureBenchmark -Dbench.args="200000 both"
 * </pre>
 *
 * Args: number of events (default 200,000, rounded to documents of 1,000), then {@code h2}, {@code pg} or
 * {@code both}. The audit trail is a no-op here (one entry per document in the application).
 */
public final class CaptureBenchmark {

    static final int PER_DOCUMENT = 1_000;
    static final String H2_EXTRA = System.getProperty("h2.extra", ";WRITE_DELAY=0");

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String which = args.length > 1 ? args[1] : "both";
        int documents = Math.max(1, events / PER_DOCUMENT);
        List<byte[]> docs = new ArrayList<>();
        long bytes = 0;
        var random = new Random(42);
        for (int d = 0; d < documents; d++) {
            byte[] doc = document(d, random);
            docs.add(doc);
            bytes += doc.length;
        }
        System.out.printf(
                "generated %,d documents of %,d events (%,d bytes, %.1f MB)%n",
                documents, PER_DOCUMENT, bytes, bytes / 1e6);
        if (!which.equals("pg")) {
            Path dir = Files.createTempDirectory("capture-bench");
            try {
                String url = "jdbc:h2:file:" + dir.resolve("capture") + TestDatabases.H2_OPTIONS + H2_EXTRA;
                String ceilingUrl = "jdbc:h2:file:" + dir.resolve("ceiling") + TestDatabases.H2_OPTIONS + H2_EXTRA;
                run("H2 (embedded file)", docs, url, ceilingUrl, "sa", "");
            } finally {
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            }
        }
        if (!which.equals("h2")) {
            // reWriteBatchedInserts: the driver sends a batch as multi-row INSERTs (docs/operations.md); both sides.
            String base = System.getenv()
                            .getOrDefault("LODESTONE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test")
                    + (System.getenv("LODESTONE_TEST_POSTGRES_URL") == null ? "?reWriteBatchedInserts=true" : "");
            String a = "capture_bench_" + System.nanoTime();
            String b = "capture_ceiling_" + System.nanoTime();
            try {
                run(
                        "PostgreSQL",
                        docs,
                        BenchDatabases.create(base, a),
                        BenchDatabases.create(base, b),
                        TestDatabases.postgresUser(),
                        TestDatabases.postgresPassword());
            } finally {
                BenchDatabases.drop(base, a);
                BenchDatabases.drop(base, b);
            }
        }
    }

    static void run(String name, List<byte[]> docs, String url, String ceilingUrl, String user, String password)
            throws Exception {
        var ds = new SingleConnectionDataSource(url, user, password, true);
        ds.setAutoCommit(true);
        TestDatabases.migrate(ds);
        JsonMapper json = JsonMapper.builder().build();
        var store = new EventStore(new JdbcTemplate(ds));
        var capturing = new Capturing(
                store,
                new NoAudit(),
                event -> {},
                new StaticListableBeanFactory().getBeanProvider(Chain.class),
                new DataSourceTransactionManager(ds),
                EpcisProperties.defaults(),
                Clock.systemUTC(),
                json);
        var reader = new EpcisReader();
        var limits = new ReadLimits(100_000, Duration.ofMinutes(10), Clock.systemUTC());
        var reporter = new Reporter(new OrganisationId(UUID.randomUUID()), "bench", "CN-JX");

        // The ceiling's rows, read once outside any timing.
        var parsed = new ArrayList<EpcisEvent>();
        for (byte[] doc : docs) {
            reader.read(new ByteArrayInputStream(doc), Syntax.JSON, limits, o -> {
                if (o instanceof ReadOutcome.Accepted a) {
                    parsed.add(a.event());
                }
            });
        }
        var bodies = new ArrayList<String>(parsed.size());
        for (EpcisEvent e : parsed) {
            bodies.add(json.writeValueAsString(e.json()));
        }
        var cds = new SingleConnectionDataSource(ceilingUrl, user, password, true);
        TestDatabases.migrate(cds);

        // Capture and ceiling alternate document by document, each into its own database: both databases grow alike,
        // the JIT has seen both paths, and load from other processes falls on both. The first tenth warms up (kept:
        // the databases grow over the run as in practice).
        int warm = Math.max(1, docs.size() / 10);
        long captureNanos = 0, captureCpu = 0, ceilingNanos = 0, ceilingCpu = 0, timed = 0, ceilingTimed = 0;
        try (Connection c = cds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < docs.size(); i++) {
                long t0 = System.nanoTime(), c0 = cpu();
                CaptureResult r = capture(capturing, reader, limits, reporter, docs.get(i));
                if (!r.success()) {
                    throw new IllegalStateException("capture failed: " + r.documentError() + " "
                            + r.errors().stream().limit(3).toList());
                }
                long t1 = System.nanoTime(), c1 = cpu();
                int from = i * PER_DOCUMENT, to = Math.min(parsed.size(), from + PER_DOCUMENT);
                ceiling(c, parsed.subList(from, to), bodies.subList(from, to), from + 1L, reporter);
                long t2 = System.nanoTime(), c2 = cpu();
                if (i >= warm) {
                    captureNanos += t1 - t0;
                    captureCpu += c1 - c0;
                    ceilingNanos += t2 - t1;
                    ceilingCpu += c2 - c1;
                    timed += r.stored();
                    ceilingTimed += to - from;
                }
            }
        }
        double captureRate = timed / (captureNanos / 1e9);
        double ceilingRate = ceilingTimed / (ceilingNanos / 1e9);
        System.out.printf(
                "%s capture: %,d events in %.2f s = %,.0f events/s; %,.0f events per process CPU-second"
                        + " (load average %s; total stored %,d)%n",
                name, timed, captureNanos / 1e9, captureRate, timed / (captureCpu / 1e9), load(), store.count());
        System.out.printf(
                "%s raw JDBC batch ceiling: %,d events in %.2f s = %,.0f events/s; %,.0f events per process"
                        + " CPU-second (load average %s)%n",
                name, ceilingTimed, ceilingNanos / 1e9, ceilingRate, ceilingTimed / (ceilingCpu / 1e9), load());
        System.out.printf(
                "%s capture / ceiling = %.2f (wall), %.2f (process CPU)%n",
                name, captureRate / ceilingRate, (double) ceilingCpu / ceilingTimed / ((double) captureCpu / timed));
        ds.destroy();
        cds.destroy();
    }

    /**
     * CPU time of this process (embedded H2 works in it; for PostgreSQL the server's share is not counted), the honest
     * figure when other work loads the machine.
     */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String load() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        return String.format("%.1f on %d cores", l, Runtime.getRuntime().availableProcessors());
    }

    static CaptureResult capture(
            Capturing capturing, EpcisReader reader, ReadLimits limits, Reporter reporter, byte[] doc) {
        return capturing.capture(
                UUID.randomUUID(),
                reporter,
                ErrorBehaviour.ROLLBACK,
                sink -> reader.read(new ByteArrayInputStream(doc), Syntax.JSON, limits, o -> {
                    switch (o) {
                        case ReadOutcome.Accepted a -> sink.accepted(a.index(), a.event());
                        case ReadOutcome.Rejected r -> sink.rejected(r.index(), r.eventId(), r.reason(), r.pointer());
                    }
                }),
                r -> {});
    }

    /** One transaction: the event rows, their EPC/class rows, business transactions and reader rows. */
    static void ceiling(Connection c, List<EpcisEvent> events, List<String> bodies, long firstSeq, Reporter reporter)
            throws Exception {
        UUID capture = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ev = c.prepareStatement("""
                        INSERT INTO ep_event (seq, event_id, content_hash, event_type, event_time, time_zone_offset,
                            record_time, action, biz_step, disposition, read_point, biz_location, capture_id,
                            reporter_org, reporter_region, body, error_declared)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement epc =
                        c.prepareStatement("INSERT INTO ep_event_epc (seq, role, epc) VALUES (?, ?, ?)");
                PreparedStatement tx =
                        c.prepareStatement("INSERT INTO ep_event_biz_tx (seq, tx_type, tx_value) VALUES (?, ?, ?)");
                PreparedStatement rd =
                        c.prepareStatement("INSERT INTO ep_event_reader (organisation, seq) VALUES (?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                EpcisEvent e = events.get(i);
                long seq = firstSeq + i;
                ev.setLong(1, seq);
                ev.setString(2, e.eventId());
                ev.setString(3, "0".repeat(64));
                ev.setString(4, e.type().name());
                ev.setTimestamp(5, Timestamp.from(e.eventTime()));
                ev.setString(6, e.eventTimeZoneOffset());
                ev.setTimestamp(7, now);
                ev.setString(8, e.action() == null ? null : e.action().name());
                ev.setString(9, e.bizStep());
                ev.setString(10, e.disposition());
                ev.setString(11, e.readPoint());
                ev.setString(12, e.bizLocation());
                ev.setObject(13, capture);
                ev.setObject(14, reporter.organisation().value());
                ev.setString(15, reporter.region());
                ev.setString(16, bodies.get(i));
                ev.setBoolean(17, false);
                ev.addBatch();
                for (String s : e.epcList()) {
                    add(epc, seq, "E", s);
                }
                if (e.parentId() != null) {
                    add(epc, seq, "P", e.parentId());
                }
                for (String s : e.inputEpcList()) {
                    add(epc, seq, "I", s);
                }
                for (String s : e.outputEpcList()) {
                    add(epc, seq, "O", s);
                }
                e.quantityList().forEach(q -> add(epc, seq, "Q", q.epcClass()));
                e.inputQuantityList().forEach(q -> add(epc, seq, "J", q.epcClass()));
                e.outputQuantityList().forEach(q -> add(epc, seq, "K", q.epcClass()));
                for (var t : e.bizTransactionList()) {
                    tx.setLong(1, seq);
                    tx.setString(2, t.type() == null ? "" : t.type());
                    tx.setString(3, t.value());
                    tx.addBatch();
                }
                rd.setObject(1, reporter.organisation().value());
                rd.setLong(2, seq);
                rd.addBatch();
            }
            ev.executeBatch();
            epc.executeBatch();
            tx.executeBatch();
            rd.executeBatch();
        }
        c.commit();
    }

    private static void add(PreparedStatement ps, long seq, String role, String value) {
        try {
            ps.setLong(1, seq);
            ps.setString(2, role);
            ps.setString(3, value);
            ps.addBatch();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A seeded document of 1,000 events along a magnet maker's day: receipts, transformations, packing, shipping. */
    static byte[] document(int d, Random random) {
        var sb = new StringBuilder(1_200 * PER_DOCUMENT);
        sb.append("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],"
                + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-03-01T00:00:00Z\","
                + "\"epcisBody\":{\"eventList\":[");
        Instant base = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(d * 3_600L);
        for (int i = 0; i < PER_DOCUMENT; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String time = base.plusSeconds(i * 3L).toString();
            int company = 6900000 + random.nextInt(500);
            String site = "urn:epc:id:sgln:" + company + ".00001.0";
            String lot = "urn:epc:class:lgtin:" + company + ".012345.L" + d + "-" + i;
            String id = "urn:uuid:" + new UUID(d, i);
            switch (i % 4) {
                case 0 ->
                    sb.append("""
                        {"type":"ObjectEvent","eventID":"%s","eventTime":"%s","eventTimeZoneOffset":"+08:00",\
                        "action":"OBSERVE","bizStep":"receiving","disposition":"in_progress",\
                        "readPoint":{"id":"%s"},"bizLocation":{"id":"%s"},\
                        "quantityList":[{"epcClass":"%s","quantity":%d.5,"uom":"KGM"}],\
                        "bizTransactionList":[{"type":"po","bizTransaction":"urn:epcglobal:cbv:bt:%d:PO-%d"}],\
                        "sourceList":[{"type":"owning_party","source":"urn:epc:id:pgln:%d.00000"}],\
                        "destinationList":[{"type":"owning_party","destination":"urn:epc:id:pgln:%d.00000"}]}""".formatted(
                            id, time, site, site, lot, 100 + random.nextInt(900), company, i, company + 1, company));
                case 1 ->
                    sb.append("""
                        {"type":"TransformationEvent","eventID":"%s","eventTime":"%s","eventTimeZoneOffset":"+08:00",\
                        "bizStep":"commissioning","disposition":"active","readPoint":{"id":"%s"},\
                        "inputQuantityList":[{"epcClass":"%s","quantity":%d,"uom":"KGM"}],\
                        "outputQuantityList":[{"epcClass":"%sM","quantity":%d,"uom":"KGM"}]}""".formatted(
                                    id, time, site, lot, 500 + random.nextInt(100), lot, 400 + random.nextInt(90)));
                case 2 ->
                    sb.append("""
                        {"type":"AggregationEvent","eventID":"%s","eventTime":"%s","eventTimeZoneOffset":"+08:00",\
                        "parentID":"urn:epc:id:sscc:%d.%010d","childEPCs":["urn:epc:id:sgtin:%d.012345.%d",\
                        "urn:epc:id:sgtin:%d.012345.%d"],"action":"ADD","bizStep":"packing",\
                        "disposition":"in_progress","readPoint":{"id":"%s"}}""".formatted(
                                    id, time, company, d * 1000L + i, company, 2L * i, company, 2L * i + 1, site));
                default -> sb.append("""
                        {"type":"ObjectEvent","eventID":"%s","eventTime":"%s","eventTimeZoneOffset":"+08:00",\
                        "action":"OBSERVE","bizStep":"shipping","disposition":"in_transit",\
                        "epcList":["urn:epc:id:sscc:%d.%010d"],"readPoint":{"id":"%s"},\
                        "bizTransactionList":[{"type":"urn:lodestone:btt:licence","bizTransaction":"urn:lodestone:licence:CN-JX-2026-%05d"}]}""".formatted(id, time, company, d * 1000L + i - 1, site, random.nextInt(99999)));
            }
        }
        sb.append("]}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The audit trail is one entry per document in the application; left out of this measurement. */
    static final class NoAudit implements AuditTrail {
        @Override
        public AuditEntry record(AuditRecord record) {
            return null;
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> find(AuditQuery query) {
            return List.of();
        }
    }
}
