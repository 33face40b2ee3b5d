package org.lodestone.licensing.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * #3 "interrupted uploads leave no half documents", on a real server with a tiny size limit (this module's one extra
 * Spring context): a client that sends half a multipart body and hangs up leaves no row, no blob and no temp file; an
 * upload over the limit is refused with 413 and leaves nothing; and a process killed with SIGKILL in the middle of
 * storing leaves no row, and after the next start (its cleanup) no temp file either.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lodestone.evidence.max-size=64KB")
class InterruptedUploadTests {

    static final Path ROOT = tempRoot();
    static final String BOUNDARY = "----lodestone" + UUID.randomUUID();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("lodestone.evidence.storage-dir", ROOT::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApplicationId application;
    String token;

    @BeforeEach
    void draft() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/tokens"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "applicant:demo".getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"interrupted\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        token = JsonPath.read(response.body(), "$.token");
        application = EvidenceFixtures.application(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, token);
    }

    @Test
    void withinTheLimitIsStoredOverItIs413AndNothingIsLeft() throws Exception {
        byte[] small = padded(EvidenceFixtures.pdf("small"), 60 * 1024);
        var accepted = post(multipart(small));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(rows()).isOne();
        assertThat(blobs()).hasSize(1);

        byte[] big = padded(EvidenceFixtures.pdf("big"), 200 * 1024);
        var refused = post(multipart(big));

        assertThat(refused.statusCode()).isEqualTo(413);
        org.slf4j.LoggerFactory.getLogger(getClass())
                .warn("413 response: {} {}", refused.headers().map(), refused.body());
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].field")).isEqualTo("file");
        assertThat(rows()).isOne();
        assertThat(blobs()).hasSize(1);
        awaitTrue("temp files removed", () -> temps().isEmpty());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/applications/" + application + "/documents HTTP/1.1\r\n"
                                    + "Host: 127.0.0.1:" + port + "\r\n"
                                    + "Authorization: Bearer " + token + "\r\n"
                                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                                    + "Content-Length: " + (3L * 1024 * 1024 * 1024) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Read the answer without sending a byte of the body; the server need not close the connection.
            var received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while (!received.toString(StandardCharsets.UTF_8).contains("limitBytes")
                    && (n = socket.getInputStream().read(buffer)) != -1) {
                received.write(buffer, 0, n);
            }
            String response = received.toString(StandardCharsets.UTF_8);
            assertThat(response)
                    .startsWith("HTTP/1.1 413")
                    .contains("application/problem+json")
                    .contains("\"file\"");
        }
        assertThat(rows()).isZero();
        assertThat(temps()).isEmpty();
    }

    @Test
    void aClientThatHangsUpHalfwayLeavesNothing() throws Exception {
        byte[] body = multipart(padded(EvidenceFixtures.pdf("half"), 60 * 1024));
        long blobsBefore = blobs().size();
        try (var socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/applications/" + application + "/documents HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + port + "\r\n"
                            + "Authorization: Bearer " + token + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            // The server is spooling the part: the test looks at the right place.
            awaitTrue("server spools the half-received part", () -> !temps().isEmpty());
        }
        awaitTrue("spooled part removed after the hang-up", () -> temps().isEmpty());
        assertThat(rows()).isZero();
        assertThat(blobs()).hasSize((int) blobsBefore);
    }

    @Test
    void killMinus9WhileStoringLeavesNoRowAndNoTempFileAfterRestart(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + TestDatabases.H2_OPTIONS + ";WRITE_DELAY=0";
        Path root = dir.resolve("documents");

        // Control: the same probe, left to finish, does leave a row and its blob.
        assertThat(output(probe("complete", url, root), 120)).anyMatch(l -> l.startsWith("STORED "));
        assertThat(count(url)).isOne();
        assertThat(files(root.resolve("applications"))).hasSize(1);

        Process child = probe("endless", url, root);
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long streamed = 0;
            while (streamed < 12L * 1024 * 1024 && (line = out.readLine()) != null) {
                if (line.startsWith("STREAMED ")) {
                    streamed = Long.parseLong(line.substring(9));
                }
            }
            assertThat(streamed).as("bytes streamed before the kill").isGreaterThanOrEqualTo(12L * 1024 * 1024);
            assertThat(files(root.resolve("tmp")))
                    .as("an upload in the middle of being stored")
                    .hasSize(1);
            child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(count(url)).as("no row for the killed upload").isOne();
        assertThat(files(root.resolve("applications")))
                .as("no blob for the killed upload")
                .hasSize(1);
        assertThat(files(root.resolve("tmp")))
                .as("the half-written temp file, until the next start")
                .hasSize(1);

        assertThat(output(probe("open", url, root), 60)).contains("OPENED");
        assertThat(files(root.resolve("tmp")))
                .as("removed by the startup cleanup")
                .isEmpty();
        assertThat(files(root.resolve("applications"))).hasSize(1);
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/applications/"
                                        + application + "/documents"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(byte[] file) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nOTHER\r\n"
                        + "--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A valid PDF followed by a comment of filler up to {@code size} bytes (PDF readers ignore trailing bytes). */
    private static byte[] padded(byte[] pdf, int size) {
        byte[] out = new byte[size];
        System.arraycopy(pdf, 0, out, 0, pdf.length);
        byte[] filler = ("%" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = pdf.length; i < size; i++) {
            out[i] = filler[(i - pdf.length) % filler.length];
        }
        return out;
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_document WHERE application_id = ?")
                .param(application.value())
                .query(Long.class)
                .single();
    }

    private static List<Path> blobs() throws IOException {
        return files(ROOT.resolve("applications"));
    }

    private static List<Path> temps() {
        try {
            return files(ROOT.resolve("tmp"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static long count(String url) throws Exception {
        try (var c = DriverManager.getConnection(url, "sa", "");
                var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM evidence_document")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Process probe(String mode, String url, Path root) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        UploadProbe.class.getName(),
                        mode,
                        url,
                        root.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static List<String> output(Process process, int seconds) throws Exception {
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("lodestone-evidence-interrupted");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
