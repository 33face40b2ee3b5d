package org.lodestone.protection.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.protection.KeyRotation;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * An administrator rotates the key-encryption key through the API: every live data key ends up under the new KEK, the
 * rotation is audited, and content written before it still reads back (#6).
 */
@IntegrationTest
class KeyManagementApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KeyRotation rotation;

    @Autowired
    AuditTrail audit;

    @Test
    void rotationRewrapsEveryDataKeyAndContentStillReads() throws Exception {
        var fx = new ApplicationFixtures(mvc);
        String app = fx.complete("applicant");
        String before = mvc.get()
                .uri("/api/v1/applications/" + app)
                .with(DemoLogins.as(mvc, "applicant"))
                .exchange()
                .getResponse()
                .getContentAsString();
        // another test class may have started a rotation in this shared context: let it finish first
        Instant settle = Instant.now().plus(Duration.ofMinutes(2));
        while (rotation.status().rotation() != null
                && rotation.status().rotation().status().equals("RUNNING")
                && Instant.now().isBefore(settle)) {
            Thread.sleep(100);
        }
        String kekBefore = rotation.status().currentKek();

        var started = mvc.post()
                .uri("/api/v1/protection/keys/rotation")
                .with(DemoLogins.as(mvc, "admin"))
                .exchange();
        assertThat(started).hasStatus(202);
        assertThat(started).bodyJson().extractingPath("$.status").isEqualTo("RUNNING");

        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        KeyRotation.Run run = rotation.status().rotation();
        while (run != null && run.status().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            run = rotation.status().rotation();
        }
        assertThat(run).isNotNull();
        assertThat(run.status()).isEqualTo("DONE");
        assertThat(run.startedBy()).isEqualTo("admin");
        assertThat(run.targetKek()).isNotEqualTo(kekBefore);

        var status = mvc.get()
                .uri("/api/v1/protection/keys")
                .with(DemoLogins.as(mvc, "admin"))
                .exchange();
        assertThat(status).hasStatusOk();
        assertThat(status).bodyJson().extractingPath("$.currentKek").isEqualTo(run.targetKek());
        assertThat(rotation.status().dataKeysByKek()).containsOnlyKeys(run.targetKek());
        assertThat(mvc.get()
                        .uri("/api/v1/protection/keys/rotation")
                        .with(DemoLogins.as(mvc, "admin"))
                        .exchange())
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("DONE");

        String after = mvc.get()
                .uri("/api/v1/applications/" + app)
                .with(DemoLogins.as(mvc, "applicant"))
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(after).isEqualTo(before);
        assertThat(audit.find(new AuditQuery("KEY_ROTATION", run.id().toString(), null, null, null, 10)))
                .extracting(e -> e.action())
                .contains("KEY_ROTATION_STARTED", "KEY_ROTATION_FINISHED");

        var retire = mvc.delete()
                .uri("/api/v1/protection/keys/" + run.targetKek())
                .with(DemoLogins.as(mvc, "admin"))
                .exchange();
        assertThat(retire).hasStatus(409);
    }
}
