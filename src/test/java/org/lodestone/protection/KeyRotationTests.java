package org.lodestone.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.protection.keystore.LocalKeystore;
import org.lodestone.support.TestDatabases;
import org.springframework.web.ErrorResponseException;

/**
 * Rotation re-wraps every data key under a new KEK without touching content, is audited, resumes after a failure, and
 * lets the old KEK be retired (#6).
 */
class KeyRotationTests {

    @TempDir
    Path dir;

    @Test
    void rewrapsEveryDataKeyAndLeavesContentReadableAfterTheOldKekIsRetired() throws Exception {
        DataSource db = TestDatabases.h2();
        var setup = ProtectionFixtures.setup(db, dir);
        Protection protection = setup.protection();
        List<Scope> scopes = new ArrayList<>();
        List<String> sealed = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Scope s = Scope.application(UUID.randomUUID());
            scopes.add(s);
            sealed.add(protection.seal(s, "party " + i, "la_party.name_latin"));
        }
        var sink = new ByteArrayOutputStream();
        try (OutputStream out = protection.encrypting(scopes.getFirst(), sink, "evidence")) {
            out.write("document body".getBytes(StandardCharsets.UTF_8));
        }
        byte[] document = sink.toByteArray();
        String before = setup.jdbc()
                .sql("SELECT wrapped_key FROM pr_data_key WHERE scope = :s")
                .param("s", scopes.getFirst().value())
                .query(String.class)
                .single();

        KeyRotation.Run run = setup.rotation().rotateNow();

        assertThat(run.status()).isEqualTo("DONE");
        assertThat(run.targetKek()).isEqualTo("kek-2");
        assertThat(run.rewrapped()).isEqualTo(250);
        assertThat(run.total()).isEqualTo(250);
        assertThat(setup.store().liveKeysByKek()).containsExactly(java.util.Map.entry("kek-2", 250L));
        assertThat(setup.jdbc()
                        .sql("SELECT wrapped_key FROM pr_data_key WHERE scope = :s")
                        .param("s", scopes.getFirst().value())
                        .query(String.class)
                        .single())
                .isNotEqualTo(before);
        assertThat(setup.jdbc()
                        .sql("SELECT action FROM audit_entry WHERE object_type = 'KEY_ROTATION' ORDER BY sequence")
                        .query(String.class)
                        .list())
                .containsExactly("KEY_ROTATION_STARTED", "KEY_ROTATION_FINISHED");

        setup.rotation().retire("kek-1");
        assertThat(setup.keystore().keks()).containsExactly("kek-2");
        // a new process with the keystore as it is on disk now: content sealed before the rotation still opens
        LocalKeystore reopened = LocalKeystore.open(setup.keystore().file(), "test-password".toCharArray());
        var fresh = ProtectionFixtures.setup(db, setup.store(), reopened).protection();
        for (int i = 0; i < scopes.size(); i++) {
            assertThat(fresh.open(scopes.get(i), sealed.get(i), "la_party.name_latin"))
                    .isEqualTo("party " + i);
        }
        try (InputStream in = fresh.decrypting(scopes.getFirst(), new ByteArrayInputStream(document), "evidence")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("document body");
        }
        // new keys go under the new KEK
        protection.seal(Scope.application(UUID.randomUUID()), "x", "c");
        assertThat(setup.store().liveKeysByKek()).containsOnlyKeys("kek-2");
    }

    @Test
    void refusesToRetireTheCurrentKekOrOneThatStillWrapsDataKeys() throws Exception {
        var setup = ProtectionFixtures.setup(TestDatabases.h2(), dir);
        setup.protection().seal(Scope.application(UUID.randomUUID()), "x", "c");
        assertThatThrownBy(() -> setup.rotation().retire("kek-1"))
                .isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("409");
        setup.keystore().newKek();
        assertThatThrownBy(() -> setup.rotation().retire("kek-1"))
                .isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("409");
    }

    @Test
    void aFailedRotationResumesWhereItStopped() throws Exception {
        DataSource db = TestDatabases.h2();
        var setup = ProtectionFixtures.setup(db, dir);
        for (int i = 0; i < 30; i++) {
            setup.protection().seal(Scope.application(UUID.randomUUID()), "x", "c");
        }
        // one wrapped key is corrupt: the rotation stops there and says so
        String victim = setup.jdbc()
                .sql("SELECT scope FROM pr_data_key ORDER BY scope FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
        String good = setup.jdbc()
                .sql("SELECT wrapped_key FROM pr_data_key WHERE scope = :s")
                .param("s", victim)
                .query(String.class)
                .single();
        setup.jdbc()
                .sql("UPDATE pr_data_key SET wrapped_key = :w WHERE scope = :s")
                .param("w", java.util.Base64.getEncoder().encodeToString(new byte[60]))
                .param("s", victim)
                .update();
        KeyRotation.Run failed = setup.rotation().rotateNow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("integrity");

        setup.jdbc()
                .sql("UPDATE pr_data_key SET wrapped_key = :w WHERE scope = :s")
                .param("w", good)
                .param("s", victim)
                .update();
        KeyRotation.Run resumed = setup.rotation().rotateNow();
        assertThat(resumed.id()).isEqualTo(failed.id());
        assertThat(resumed.status()).isEqualTo("DONE");
        assertThat(resumed.targetKek()).isEqualTo("kek-2");
        assertThat(setup.store().liveKeysByKek()).containsOnlyKeys("kek-2");
        assertThat(setup.keystore().keks()).containsExactly("kek-1", "kek-2");
    }
}
