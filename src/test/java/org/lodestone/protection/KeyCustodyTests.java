package org.lodestone.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.protection.keystore.LocalKeystore;
import org.lodestone.protection.store.DataKeyStore;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Start-up: a keystore is created only over an empty database; a missing, unreadable or incomplete keystore with data
 * keys in the database stops the start with a message naming the path, and never gets replaced (#6).
 */
class KeyCustodyTests {

    @TempDir
    Path dir;

    @Test
    void createsAKeystoreAndDemoPasswordFileOnFirstStartAndReopensIt() throws Exception {
        Path file = dir.resolve("keys").resolve(ProtectionConfiguration.KEYSTORE_FILE);
        LocalKeystore created = ProtectionConfiguration.openOrCreate(file, null, 0);
        assertThat(created.currentKek()).isEqualTo("kek-1");
        assertThat(file).exists();
        Path password = file.resolveSibling(ProtectionConfiguration.PASSWORD_FILE);
        assertThat(password).exists();
        assertThat(Files.getPosixFilePermissions(password).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        LocalKeystore reopened = ProtectionConfiguration.openOrCreate(file, null, 5);
        assertThat(reopened.keks()).containsExactly("kek-1");
        byte[] wrapped = created.wrap("kek-1", new byte[32], new byte[] {1});
        assertThat(reopened.unwrap("kek-1", wrapped, new byte[] {1})).hasSize(32);
    }

    @Test
    void refusesToStartWhenTheKeystoreIsMissingButDataKeysExist() {
        Path file = dir.resolve("keys").resolve(ProtectionConfiguration.KEYSTORE_FILE);
        assertThatThrownBy(() -> ProtectionConfiguration.openOrCreate(file, "pw", 3))
                .isInstanceOf(KeyCustodyFailure.class)
                .hasMessageContaining("refuses to start")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is missing")
                .hasMessageContaining("3 data key(s)")
                .hasMessageContaining("docs/operations.md");
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void refusesAWrongPasswordOrACorruptKeystore() throws Exception {
        Path file = dir.resolve(ProtectionConfiguration.KEYSTORE_FILE);
        ProtectionConfiguration.openOrCreate(file, "right password", 0);
        assertThatThrownBy(() -> ProtectionConfiguration.openOrCreate(file, "wrong password", 1))
                .isInstanceOf(KeyCustodyFailure.class)
                .hasMessageContaining("cannot be read")
                .hasMessageContaining(file.toString());
        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ProtectionConfiguration.openOrCreate(file, "right password", 1))
                .isInstanceOf(KeyCustodyFailure.class);
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void refusesAKeystoreThatLacksAKeyEncryptionKeyDataKeysReference() throws Exception {
        DataSource db = TestDatabases.h2();
        Path first = dir.resolve("a").resolve(ProtectionConfiguration.KEYSTORE_FILE);
        var setup = ProtectionFixtures.setup(db, first.getParent());
        setup.protection().seal(Scope.application(UUID.randomUUID()), "x", "c");

        // Someone replaced the keystore by a new one: its kek-1 is another key, and kek-2 is unknown.
        setup.keystore().newKek();
        setup.rotation().rotateNow();
        Path other = dir.resolve("b").resolve(ProtectionConfiguration.KEYSTORE_FILE);
        LocalKeystore replacement = ProtectionConfiguration.openOrCreate(other, "test-password", 0);
        assertThatThrownBy(() -> ProtectionFixtures.setup(db, new DataKeyStore(JdbcClient.create(db)), replacement))
                .isInstanceOf(KeyCustodyFailure.class)
                .hasMessageContaining("kek-")
                .hasMessageContaining(other.toString())
                .hasMessageContaining("does not hold");
    }
}
