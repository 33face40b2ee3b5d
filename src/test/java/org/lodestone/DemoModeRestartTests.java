package org.lodestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * #2, as a newcomer meets it: the run command's configuration (demo mode, embedded H2 file under the data directory)
 * announces the demo users at start, and stopping and starting again keeps everything — an API token made in the
 * first run still works in the second, demo data and the control list are not seeded twice, and the audit chain
 * spans both runs intact.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeRestartTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dataSurvivesARestartAndDemoSeedingHappensOnce(@TempDir Path dataDir, CapturedOutput output) throws Exception {
        String token;
        try (var app = start(dataDir)) {
            assertThat(output.getAll())
                    .contains("DEMO MODE")
                    .contains("applicant")
                    .contains("reviewer");
            token = createToken(port(app), "applicant", "demo");
            assertThat(determination(port(app), token).statusCode()).isEqualTo(200);
        }
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("lodestone"));

        try (var app = start(dataDir)) {
            HttpResponse<String> answer = determination(port(app), token);
            assertThat(answer.statusCode()).as("token from the first run").isEqualTo(200);
            assertThat(answer.body()).contains("LICENCE_REQUIRED");

            AuditTrail trail = app.getBean(AuditTrail.class);
            assertThat(trail.verify().intact()).isTrue();
            assertThat(trail.find(new AuditQuery("API_TOKEN", null, "applicant", null, null, 100)))
                    .as("the token's creation, recorded in the first run")
                    .hasSize(1);
            var allRows = trail.find(new AuditQuery(null, null, null, null, null, AuditQuery.MAX_LIMIT));
            assertThat(allRows.stream().filter(e -> e.action().equals("CONTROL_LIST_SEEDED")))
                    .as("control list loaded on first start only")
                    .hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Exactly the run command's configuration, but on a free port and the test's data directory.
        return SpringApplication.run(
                Lodestone.class,
                "--server.port=0",
                "--lodestone.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir
                        + "/lodestone;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private String createToken(int port, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/tokens"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"restart test\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> determination(int port, String token) throws Exception {
        String body = """
                {"item": {"hsCode": "2846901993", "description": "dysprosium oxide", "elements": {"Dy": 87.1}},
                 "destination": "DE", "endUse": "EV_TRACTION_MOTORS", "date": "2025-05-01"}""";
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/determinations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
