package org.lodestone.licensing.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.lodestone.Lodestone;
import org.lodestone.licensing.ApplicationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Figure for #3: heap used while uploading a 2 GB file over HTTP (must stay flat). Starts Lodestone on a random port
 * with a temporary data directory, uploads a generated multipart stream (never held in memory) as the demo applicant,
 * samples used heap every 100 ms with the MemoryMXBean, and prints min/max heap during the upload and the throughput.
 * Client and server share this JVM, so the heap figure covers both.
 *
 * <p>{@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.lodestone.licensing.evidence.UploadHeapBenchmark
 * -Dbench.args="2048"} (argument: size in MiB, default 2048).
 */
public final class UploadHeapBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UploadHeapBenchmark.class);
    private static final String BOUNDARY = "----lodestone-bench-" + UUID.randomUUID();

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 2048;
        long size = mib * 1024 * 1024;
        Path dataDir = Files.createTempDirectory("lodestone-upload-bench");
        var app = new SpringApplication(Lodestone.class);
        app.setDefaultProperties(Map.of(
                "server.port",
                "0",
                "lodestone.data-dir",
                dataDir.toString(),
                "lodestone.evidence.max-size",
                (mib + 16) + "MB",
                "logging.level.root",
                "WARN"));
        try (ConfigurableApplicationContext context = app.run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String token = token(http, port);
            ApplicationId application = EvidenceFixtures.application(http, "http://127.0.0.1:" + port, token);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            Thread.sleep(500);
            long baseline = memory.getHeapMemoryUsage().getUsed();
            long maxHeap = memory.getHeapMemoryUsage().getMax();

            var digest = MessageDigest.getInstance("SHA-256");
            var file = new Generated(size, digest);
            byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nOTHER\r\n--"
                            + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"line.pdf\"\r\n"
                            + "Content-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            long length = head.length + size + tail.length;

            var min = new AtomicLong(Long.MAX_VALUE);
            var max = new AtomicLong();
            var samples = new AtomicLong();
            var sampling = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long used = memory.getHeapMemoryUsage().getUsed();
                    min.accumulateAndGet(used, Math::min);
                    max.accumulateAndGet(used, Math::max);
                    samples.incrementAndGet();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + port + "/api/v1/applications/" + application + "/documents"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                            .POST(HttpRequest.BodyPublishers.fromPublisher(
                                    HttpRequest.BodyPublishers.ofInputStream(
                                            () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                                                    new ByteArrayInputStream(head),
                                                    file,
                                                    new ByteArrayInputStream(tail))))),
                                    length))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            sampling.interrupt();
            sampling.join();

            String expected = HexFormat.of().formatHex(digest.digest());
            boolean hashMatches = response.body().contains("\"sha256\":\"" + expected + "\"");
            log.warn(
                    """

                    UploadHeapBenchmark: {} MiB uploaded over HTTP in {} s = {} MB/s; status {}, SHA-256 matches: {}
                      heap max (-Xmx)        {} MiB
                      heap used before       {} MiB (after GC)
                      heap used during upload min {} MiB, max {} MiB ({} samples every 100 ms)
                      heap growth (max - before) {} MiB for a {} MiB file""",
                    mib,
                    String.format("%.1f", seconds),
                    String.format("%.1f", size / 1e6 / seconds),
                    response.statusCode(),
                    hashMatches,
                    maxHeap / (1024 * 1024),
                    baseline / (1024 * 1024),
                    min.get() / (1024 * 1024),
                    max.get() / (1024 * 1024),
                    samples.get(),
                    (max.get() - baseline) / (1024 * 1024),
                    mib);
            if (response.statusCode() != 201 || !hashMatches) {
                log.warn("Unexpected response: {}", response.body());
            }
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String token(HttpClient http, int port) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/tokens"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("applicant:demo".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var m = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + response.body());
        }
        return m.group(1);
    }

    /** A PDF header and deterministic filler of the given size, hashed as it is served, never held in memory. */
    static final class Generated extends InputStream {
        private static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        private final long size;
        private final MessageDigest digest;
        private long served;

        Generated(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            for (int i = 0; i < n; i++) {
                long at = served + i;
                b[off + i] = at < PDF.length ? PDF[(int) at] : (byte) ('a' + (at % 26));
            }
            digest.update(b, off, n);
            served += n;
            return n;
        }
    }

    private UploadHeapBenchmark() {}
}
