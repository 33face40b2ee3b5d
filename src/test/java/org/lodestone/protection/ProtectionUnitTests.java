package org.lodestone.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.support.TestDatabases;
import org.springframework.http.HttpStatus;

/** Sealing, streaming, tamper detection and crypto-shredding on a real keystore and H2 (#6). */
class ProtectionUnitTests {

    @TempDir
    Path dir;

    DataSource db;
    ProtectionFixtures.Setup setup;
    Protection protection;
    Scope scope = Scope.application(UUID.randomUUID());

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2();
        setup = ProtectionFixtures.setup(db, dir);
        protection = setup.protection();
    }

    @Test
    void sealsAndOpensFieldsIncludingChineseText() {
        String plain = "稀土磁材有限公司 Rare Earth Magnets Co.";
        String sealed = protection.seal(scope, plain, "la_party.name_original");
        assertThat(sealed).startsWith("lse1:1:").doesNotContain("Rare").doesNotContain("稀土");
        assertThat(protection.open(scope, sealed, "la_party.name_original")).isEqualTo(plain);
        // a random nonce: the same text seals differently every time (no equality leak)
        assertThat(protection.seal(scope, plain, "la_party.name_original")).isNotEqualTo(sealed);
        assertThat(protection.seal(scope, null, "x")).isNull();
        assertThat(protection.open(scope, null, "x")).isNull();
        assertThat(protection.open(scope, protection.seal(scope, "", "x"), "x")).isEmpty();
    }

    @Test
    void onlyTheWrappedDataKeyIsStored() {
        protection.seal(scope, "x", "c");
        var row = setup.store().find(scope.value()).orElseThrow();
        assertThat(row.kekId()).isEqualTo("kek-1");
        assertThat(row.wrapped()).hasSize(12 + 32 + 16);
    }

    @Test
    void aTamperedCiphertextNonceOrTagIsAnIntegrityProblem() {
        String sealed = protection.seal(scope, "confidential process description", "la_application.production_process");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring("lse1:1:".length()));
        for (int position : new int[] {0, 11, 12, raw.length / 2, raw.length - 1}) {
            byte[] bad = raw.clone();
            bad[position] ^= 0x01;
            String tampered =
                    "lse1:1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bad);
            assertThatThrownBy(() -> protection.open(scope, tampered, "la_application.production_process"))
                    .isInstanceOfSatisfying(ProtectionProblem.class, p -> {
                        assertThat(p.kind()).isEqualTo(ProtectionProblem.Kind.INTEGRITY);
                        assertThat(p.getStatusCode().value()).isEqualTo(500);
                        assertThat(p.getMessage())
                                .contains("la_application.production_process")
                                .contains("failed its integrity check")
                                .doesNotContain("confidential");
                    });
        }
        String truncated = sealed.substring(0, sealed.length() - 4);
        assertThatThrownBy(() -> protection.open(scope, truncated, "la_application.production_process"))
                .isInstanceOf(ProtectionProblem.class);
        assertThatThrownBy(() -> protection.open(scope, "plain text", "la_application.production_process"))
                .isInstanceOf(ProtectionProblem.class)
                .hasMessageContaining("stored unencrypted");
    }

    @Test
    void aValueMovedToAnotherColumnOrScopeDoesNotOpen() {
        String sealed = protection.seal(scope, "ACME Ltd", "la_party.name_latin");
        assertThatThrownBy(() -> protection.open(scope, sealed, "la_party.address"))
                .isInstanceOf(ProtectionProblem.class);
        Scope other = Scope.application(UUID.randomUUID());
        protection.seal(other, "something", "la_party.name_latin");
        assertThatThrownBy(() -> protection.open(other, sealed, "la_party.name_latin"))
                .isInstanceOf(ProtectionProblem.class);
    }

    @Test
    void aTamperedWrappedKeyIsAnIntegrityProblem() {
        String sealed = protection.seal(scope, "ACME Ltd", "c");
        String wrapped = setup.jdbc()
                .sql("SELECT wrapped_key FROM pr_data_key WHERE scope = :s")
                .param("s", scope.value())
                .query(String.class)
                .single();
        byte[] bytes = Base64.getDecoder().decode(wrapped);
        bytes[20] ^= 0x40;
        setup.jdbc()
                .sql("UPDATE pr_data_key SET wrapped_key = :w WHERE scope = :s")
                .param("w", Base64.getEncoder().encodeToString(bytes))
                .param("s", scope.value())
                .update();
        // a fresh process: nothing cached
        var fresh =
                ProtectionFixtures.setup(db, setup.store(), setup.keystore()).protection();
        assertThatThrownBy(() -> fresh.open(scope, sealed, "c"))
                .isInstanceOfSatisfying(
                        ProtectionProblem.class, p -> assertThat(p.kind()).isEqualTo(ProtectionProblem.Kind.INTEGRITY))
                .hasMessageContaining("wrapped data key");
    }

    @Test
    void streamsALargeDocumentThroughSeveralSegments() throws Exception {
        byte[] document = new byte[Protection.SEGMENT * 5 + 12345];
        new Random(7).nextBytes(document);
        byte[] cipher = encrypt(document);
        assertThat(cipher.length).isGreaterThan(document.length);
        assertThat(indexOf(cipher, Arrays.copyOfRange(document, 1000, 1032))).isEqualTo(-1);
        try (InputStream in = protection.decrypting(scope, new ByteArrayInputStream(cipher), "evidence")) {
            assertThat(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(document));
        }
    }

    @Test
    void aTruncatedOrTamperedDocumentStreamIsDetected() throws Exception {
        byte[] document = new byte[Protection.SEGMENT * 3];
        new Random(8).nextBytes(document);
        byte[] cipher = encrypt(document);

        byte[] truncated = Arrays.copyOf(cipher, cipher.length - Protection.SEGMENT);
        assertThatThrownBy(() -> readAll(truncated))
                .isInstanceOfSatisfying(
                        ProtectionProblem.class, p -> assertThat(p.kind()).isEqualTo(ProtectionProblem.Kind.INTEGRITY));

        byte[] flipped = cipher.clone();
        flipped[flipped.length / 2] ^= 0x01;
        assertThatThrownBy(() -> readAll(flipped)).isInstanceOf(ProtectionProblem.class);

        byte[] header = cipher.clone();
        header[10] ^= 0x01;
        assertThatThrownBy(() -> readAll(header)).isInstanceOf(ProtectionProblem.class);

        assertThatThrownBy(() -> protection.decrypting(
                        Scope.application(UUID.randomUUID()), new ByteArrayInputStream(cipher), "evidence"))
                .isInstanceOf(ProtectionProblem.class);
        assertThatThrownBy(() -> readAll(Arrays.copyOf(cipher, 5))).isInstanceOf(ProtectionProblem.class);
    }

    @Test
    void aSmallTamperedDocumentReleasesNoPlaintext() throws Exception {
        byte[] document = "SECRET-PROCESS-PARAMETERS".getBytes(StandardCharsets.UTF_8);
        byte[] cipher = encrypt(document);
        cipher[cipher.length - 3] ^= 0x01;
        var out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
                    try (InputStream in = protection.decrypting(scope, new ByteArrayInputStream(cipher), "evidence")) {
                        in.transferTo(out);
                    }
                })
                .isInstanceOf(ProtectionProblem.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void destroyingTheDataKeyMakesEverythingOfTheScopeUnrecoverable() throws Exception {
        String sealed = protection.seal(scope, "end user name", "c");
        byte[] cipher = encrypt("document".getBytes(StandardCharsets.UTF_8));
        assertThat(setup.jdbc()
                        .sql("SELECT COUNT(*) FROM pr_data_key WHERE wrapped_key IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        setup.jdbc().sql("SELECT 1").query(Integer.class).single();
        assertThat(protection.destroy(scope, "retention period over")).isTrue();
        assertThat(protection.destroy(scope, "again")).isFalse();

        assertThat(protection.isDestroyed(scope)).isTrue();
        assertThatThrownBy(() -> protection.open(scope, sealed, "c"))
                .isInstanceOfSatisfying(ProtectionProblem.class, p -> {
                    assertThat(p.kind()).isEqualTo(ProtectionProblem.Kind.DESTROYED);
                    assertThat(p.getStatusCode()).isEqualTo(HttpStatus.GONE);
                });
        assertThatThrownBy(() -> readAll(cipher)).isInstanceOf(ProtectionProblem.class);
        // no new key is created behind the destroyed one
        assertThatThrownBy(() -> protection.seal(scope, "new", "c")).isInstanceOf(ProtectionProblem.class);
        assertThat(setup.jdbc()
                        .sql("SELECT COUNT(*) FROM pr_data_key WHERE wrapped_key IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(setup.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'DATA_KEY_DESTROYED' AND object_id = :s")
                        .param("s", scope.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // a fresh process cannot open it either
        var fresh =
                ProtectionFixtures.setup(db, setup.store(), setup.keystore()).protection();
        assertThatThrownBy(() -> fresh.open(scope, sealed, "c")).isInstanceOf(ProtectionProblem.class);
    }

    @Test
    void aScopeDestroyedBeforeItHadAKeyNeverGetsOne() {
        Scope unused = Scope.application(UUID.randomUUID());
        assertThat(protection.destroy(unused, "withdrawn")).isTrue();
        assertThatThrownBy(() -> protection.seal(unused, "x", "c")).isInstanceOf(ProtectionProblem.class);
    }

    private byte[] encrypt(byte[] document) throws IOException {
        var sink = new ByteArrayOutputStream();
        try (OutputStream out = protection.encrypting(scope, sink, "evidence")) {
            out.write(document);
        }
        return sink.toByteArray();
    }

    private byte[] readAll(byte[] cipher) throws IOException {
        try (InputStream in = protection.decrypting(scope, new ByteArrayInputStream(cipher), "evidence")) {
            return in.readAllBytes();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
