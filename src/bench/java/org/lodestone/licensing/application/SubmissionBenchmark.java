package org.lodestone.licensing.application;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.lodestone.Lodestone;
import org.lodestone.bench.BenchClient;
import org.lodestone.bench.BenchDatabases;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.support.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Figure for #3: submissions per second and their latency (p50/p90/p99/max) when each application carries 10 evidence
 * documents of 1 MiB. Starts Lodestone on a random port with a temporary data directory and talks real HTTP as the demo
 * applicant (bearer token).
 *
 * <p>Preparation (not timed): {@code N + W} complete drafts built through the API, each with two END_USER parties and
 * a CONSIGNEE without registration identifiers, two magnet items, and details that leave out the end-use statement,
 * the production description and the yearly volumes, so that every one of the 10 documents (2 end-user certificates, a
 * company registration, 2 product photos, 2 production-line videos, an end-use statement, a customer order, a business
 * history) is what satisfies a completeness rule: submission really evaluates them. Each document is unique content
 * padded to exactly 1 MiB (PDF and PNG with trailing bytes, MP4 with a sized {@code mdat} box) and passes the
 * content-type detection for its type. The first application is checked to lack exactly 10 pieces before its uploads.
 *
 * <p>Timed, from {@code C} client threads, first {@code W} warm-up requests excluded from the figures: the baseline
 * {@code GET /api/v1/applications/{id}/completeness} (the read-only part of submit) on every draft, then
 * {@code POST /api/v1/applications/{id}/submit} with an Idempotency-Key on every draft. Every completeness answer must
 * be complete, every submission 200, and every application SUBMITTED afterwards, or the run aborts.
 *
 * <p>{@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.lodestone.licensing.application.SubmissionBenchmark
 * -Dbench.args="200 4 20"} (arguments: N submissions measured, default 200; C client threads, default 4; W warm-up
 * submissions, default 20; optionally a PostgreSQL JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/postgres},
 * on whose server a fresh database is created for the run and dropped afterwards, user and password from
 * {@code LODESTONE_TEST_POSTGRES_USER}/{@code _PASSWORD} as for the tests; without it the default file H2 is used).
 */
public final class SubmissionBenchmark {

    private static final int DOCUMENT_BYTES = 1024 * 1024;
    private static final int DOCUMENTS_PER_APPLICATION = 10;

    private static final String CONSIGNEE = """
            {"role": "CONSIGNEE", "nameOriginal": "Motorenwerk GmbH", "nameLatin": "Motorenwerk GmbH",
             "country": "DE", "address": "Industriestr. 1, 80331 München",
             "contact": {"name": "Anna Weber", "email": "anna@example.de", "phone": "+49 89 1234"}}""";

    private static final String END_USER = """
            {"role": "END_USER", "nameLatin": "%s", "country": "DE", "address": "Werkstr. 5, Stuttgart"}""";

    private static final String MAGNET_ITEM = """
            {"controlEntry": "1C905.a", "form": "magnet", "description": "%s",
             "quantity": "1200", "unit": "kg", "unitValue": "85.5", "currency": "EUR",
             "elements": {"Nd": "29.5", "Dy": "4.5", "Fe": "64", "B": "1"}, "hsCode": "8505111000"}""";

    /** No end-use statement, production description or volumes: documents have to stand in for them. */
    private static final String DETAILS = """
            {"endUse": {"sector": "EV_TRACTION_MOTORS", "finalProduct": "Traction motor TM-400"},
             "production": {"process": "Strip casting, hydrogen decrepitation, jet milling, pressing, sintering",
                            "site": "Ganzhou, Jiangxi"},
             "relationship": {"since": "2019-03-01", "notes": "Long-standing customer"},
             "declarations": {"accuracy": true, "endUseUndertaking": true, "noReExportWithoutConsent": true,
                              "signatoryName": "Li Na", "signedOn": "2026-01-15"},
             "version": %d}""";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        @Nullable String postgres = args.length > 3 ? args[3] : null;

        Path dataDir = Files.createTempDirectory("lodestone-submission-bench");
        var properties = new HashMap<String, Object>(Map.of(
                "server.port", "0",
                "lodestone.data-dir", dataDir.toString(),
                "logging.level.root", "WARN",
                // The test PDFs name Helvetica; PDFBox warns about its font fallback on every one of them.
                "logging.level.org.apache.pdfbox", "ERROR"));
        String database = "H2 (file, default)";
        @Nullable String createdDatabase = null;
        if (postgres != null) {
            createdDatabase = "lodestone_bench_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String url = BenchDatabases.create(postgres, createdDatabase);
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", TestDatabases.postgresUser());
            properties.put("spring.datasource.password", TestDatabases.postgresPassword());
            database = "PostgreSQL " + url;
        }
        var app = new SpringApplication(Lodestone.class);
        app.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = app.run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var client = new Client(
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build(),
                    "http://127.0.0.1:" + port);
            client.login("applicant", "demo");

            // ---- preparation, not timed
            long prepStart = System.nanoTime();
            List<String> ids = prepare(client, n + warmup, clients);
            double prepSeconds = (System.nanoTime() - prepStart) / 1e9;

            // ---- baseline: the completeness check alone, on the same drafts
            Run completeness = run(ids, warmup, clients, id -> {
                HttpResponse<String> r = client.get("/api/v1/applications/" + id + "/completeness");
                if (r.statusCode() != 200 || !r.body().contains("\"complete\":true")) {
                    return "completeness of " + id + ": " + r.statusCode() + " " + r.body();
                }
                return null;
            });
            completeness.abortOnFailures("completeness");

            // ---- submissions
            Run submit = run(ids, warmup, clients, id -> {
                HttpResponse<String> r =
                        client.send(HttpRequest.newBuilder(client.uri("/api/v1/applications/" + id + "/submit"))
                                .header("Idempotency-Key", "bench-" + id)
                                .POST(HttpRequest.BodyPublishers.noBody()));
                if (r.statusCode() != 200 || !r.body().contains("\"state\":\"SUBMITTED\"")) {
                    return "submit of " + id + ": " + r.statusCode() + " " + r.body();
                }
                return null;
            });
            submit.abortOnFailures("submit");

            // ---- every application is SUBMITTED now, read back separately
            int submitted = 0;
            for (String id : ids) {
                String state = JsonPath.read(client.expect(client.get("/api/v1/applications/" + id), 200), "$.state");
                if (!state.equals("SUBMITTED")) {
                    throw new IllegalStateException("application " + id + " is " + state + " after its submission");
                }
                submitted++;
            }

            System.out.printf(
                    Locale.ROOT,
                    """

                    SubmissionBenchmark (#3): %d submissions measured (+%d warm-up), %d client threads, over HTTP
                      machine      %d cores (load average %.1f), JDK %s (%s), max heap %d MiB; database %s
                      preparation  %d applications x %d documents of 1 MiB (%.1f GiB) in %.1f s, not timed
                      completeness GET  %s
                      submit POST       %s
                      submit cost  %.1fx completeness at p50, %.1fx at p99; completeness serves %.1fx as many per second
                      verified     the 10 documents were all the first draft lacked; %d/%d completeness answers complete,
                                   %d/%d submissions 200, %d applications SUBMITTED
                    """,
                    n,
                    warmup,
                    clients,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.version(),
                    System.getProperty("java.vm.name"),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    database,
                    ids.size(),
                    DOCUMENTS_PER_APPLICATION,
                    ids.size() * (double) DOCUMENTS_PER_APPLICATION * DOCUMENT_BYTES / (1L << 30),
                    prepSeconds,
                    completeness.summary(),
                    submit.summary(),
                    submit.millis(50) / completeness.millis(50),
                    submit.millis(99) / completeness.millis(99),
                    completeness.perSecond() / submit.perSecond(),
                    completeness.ok(),
                    ids.size(),
                    submit.ok(),
                    ids.size(),
                    submitted);
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            if (createdDatabase != null) {
                BenchDatabases.drop(postgres, createdDatabase);
            }
        }
    }

    // ---- preparation

    private static List<String> prepare(Client client, int count, int clients) throws Exception {
        var ids = new String[count];
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            var next = new AtomicInteger();
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        ids[i] = completeApplication(client, i == 0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return List.of(ids);
    }

    /** A draft whose completeness rests on its 10 documents; returns its id. */
    private static String completeApplication(Client client, boolean checkMissing) throws Exception {
        String id = JsonPath.read(client.expect(client.postJson("/api/v1/applications", "{}"), 201), "$.id");
        String base = "/api/v1/applications/" + id;
        String consignee = client.id(client.postJson(base + "/parties", CONSIGNEE));
        String endUser1 = client.id(client.postJson(base + "/parties", END_USER.formatted("Antrieb AG")));
        String endUser2 = client.id(client.postJson(base + "/parties", END_USER.formatted("Fahrwerk KG")));
        String item1 = client.id(client.postJson(base + "/items", MAGNET_ITEM.formatted("Sintered NdFeB magnet, Dy")));
        String item2 = client.id(client.postJson(base + "/items", MAGNET_ITEM.formatted("Bonded NdFeB magnet, Dy")));
        long version = ((Number) JsonPath.read(client.expect(client.get(base), 200), "$.version")).longValue();
        client.expect(
                client.send(HttpRequest.newBuilder(client.uri(base))
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"" + version + "\"")
                        .PUT(HttpRequest.BodyPublishers.ofString(DETAILS.formatted(version)))),
                200);
        if (checkMissing) {
            List<String> missing =
                    JsonPath.read(client.expect(client.get(base + "/completeness"), 200), "$.missing[*].code");
            if (missing.size() != DOCUMENTS_PER_APPLICATION) {
                throw new IllegalStateException("expected the " + DOCUMENTS_PER_APPLICATION
                        + " documents to be all that is missing, but completeness lists " + missing);
            }
        }
        client.upload(id, "END_USER_CERTIFICATE", "partyId", endUser1, Kind.PDF);
        client.upload(id, "END_USER_CERTIFICATE", "partyId", endUser2, Kind.PDF);
        client.upload(id, "COMPANY_REGISTRATION", "partyId", consignee, Kind.PDF);
        client.upload(id, "PRODUCT_PHOTO", "itemId", item1, Kind.PNG);
        client.upload(id, "PRODUCT_PHOTO", "itemId", item2, Kind.PNG);
        client.upload(id, "PRODUCTION_LINE_VIDEO", "itemId", item1, Kind.MP4);
        client.upload(id, "PRODUCTION_LINE_VIDEO", "itemId", item2, Kind.MP4);
        client.upload(id, "END_USE_STATEMENT", null, null, Kind.PDF);
        client.upload(id, "CUSTOMER_ORDER", null, null, Kind.PDF);
        client.upload(id, "BUSINESS_HISTORY", null, null, Kind.PDF);
        return id;
    }

    enum Kind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        MP4("video/mp4", "mp4");

        final String mediaType;
        final String extension;

        Kind(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** A real file of this kind, made unique and padded to exactly {@link #DOCUMENT_BYTES}. */
        byte[] content() {
            byte[] head = switch (this) {
                case PDF -> EvidenceFixtures.pdf("Evidence " + UUID.randomUUID());
                case PNG -> EvidenceFixtures.image("png");
                case MP4 -> mp4Head();
            };
            byte[] content = new byte[DOCUMENT_BYTES];
            System.arraycopy(head, 0, content, 0, head.length);
            byte[] filler = new byte[DOCUMENT_BYTES - head.length];
            ThreadLocalRandom.current().nextBytes(filler);
            System.arraycopy(filler, 0, content, head.length, filler.length);
            return content;
        }

        /** An {@code ftyp} box, then the header of an {@code mdat} box that spans the rest of the 1 MiB. */
        private static byte[] mp4Head() {
            var out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {0, 0, 0, 0x20});
            out.writeBytes("ftypisom".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {0, 0, 2, 0});
            out.writeBytes("isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII));
            int mdat = DOCUMENT_BYTES - 0x20;
            out.writeBytes(new byte[] {(byte) (mdat >>> 24), (byte) (mdat >>> 16), (byte) (mdat >>> 8), (byte) mdat});
            out.writeBytes("mdat".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }

    // ---- timed runs

    @FunctionalInterface
    interface Call {
        /** Performs one request; returns null when it succeeded, else what went wrong. */
        @Nullable
        String call(String id) throws Exception;
    }

    /** Calls {@code call} once per id from {@code clients} threads; the first {@code warmup} ids are not measured. */
    private static Run run(List<String> ids, int warmup, int clients, Call call) throws Exception {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        pass(ids.subList(0, warmup), clients, call, failures, new ArrayList<>());
        // Preparation leaves gigabytes of upload garbage: collect it now rather than inside the measured pass.
        System.gc();
        Thread.sleep(200);
        var histograms = new ArrayList<Histogram>();
        long[] gcBefore = gc();
        long start = System.nanoTime();
        pass(ids.subList(warmup, ids.size()), clients, call, failures, histograms);
        long wall = System.nanoTime() - start;
        long[] gcAfter = gc();
        var all = new Histogram(3);
        histograms.forEach(all::add);
        return new Run(
                all,
                wall,
                gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1],
                ids.size() - failures.size(),
                List.copyOf(failures));
    }

    /** Collections and milliseconds spent collecting so far, over all collectors (client and server share the JVM). */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static void pass(
            List<String> ids, int clients, Call call, Queue<String> failures, List<Histogram> histograms)
            throws Exception {
        var next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            var futures = new ArrayList<Future<Histogram>>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    var histogram = new Histogram(3);
                    for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        String failure = call.call(ids.get(i));
                        histogram.recordValue(System.nanoTime() - begin);
                        if (failure != null) {
                            failures.add(failure);
                        }
                    }
                    return histogram;
                }));
            }
            for (Future<Histogram> f : futures) {
                histograms.add(f.get());
            }
        }
    }

    record Run(Histogram latency, long wallNanos, long gcCount, long gcMillis, int ok, List<String> failures) {

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        double perSecond() {
            return latency.getTotalCount() / (wallNanos / 1e9);
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "%7.1f/s; ms p50 %6.2f  p90 %6.2f  p99 %6.2f  max %6.2f  (mean %.2f, %d requests in %.2f s, %d GCs"
                            + " %d ms)",
                    perSecond(),
                    millis(50),
                    millis(90),
                    millis(99),
                    latency.getMaxValue() / 1e6,
                    latency.getMean() / 1e6,
                    latency.getTotalCount(),
                    wallNanos / 1e9,
                    gcCount,
                    gcMillis);
        }

        void abortOnFailures(String what) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " " + what + " requests failed; the figures are void."
                        + " First: " + failures.stream().limit(3).toList());
            }
        }
    }

    // ---- HTTP as the applicant

    static final class Client extends BenchClient {
        private static final String BOUNDARY = "----lodestone-bench-" + UUID.randomUUID();

        Client(HttpClient http, String base) {
            super(http, base);
        }

        void upload(String application, String type, @Nullable String aboutField, @Nullable String about, Kind kind)
                throws IOException, InterruptedException {
            var body = new ByteArrayOutputStream(DOCUMENT_BYTES + 1024);
            field(body, "type", type);
            if (aboutField != null && about != null) {
                field(body, aboutField, about);
            }
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + type.toLowerCase(Locale.ROOT) + "." + kind.extension + "\"\r\nContent-Type: "
                            + kind.mediaType + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(kind.content());
            body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            expect(
                    send(HttpRequest.newBuilder(uri("/api/v1/applications/" + application + "/documents"))
                            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))),
                    201);
        }

        private static void field(ByteArrayOutputStream body, String name, String value) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                            + value + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    private SubmissionBenchmark() {}
}
