package org.lodestone.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical encoding behind every row's hash (#2): no field boundary can shift, every field counts. */
class HashChainUnitTests {

    static final Instant AT = Instant.parse("2026-03-01T09:00:00.123456Z");

    static StoredRow row(String actor, String action, String objectType, String objectId, String detail) {
        return new StoredRow(
                7, AT, actor, "org-1", action, objectType, objectId, "SUCCESS", detail, "req-1", HashChain.GENESIS, "");
    }

    /** Pairs whose plain concatenation is equal; a naive "join the fields" hash would collide. */
    @ParameterizedTest(name = "{0}|{1}|{2}|{3}|{4} vs {5}|{6}|{7}|{8}|{9}")
    @CsvSource({
        // actor, action, objectType, objectId, detail  |  the same text split differently
        "ab, c,  T,  1,  d,      a,  bc, T,  1,  d",
        "a,  b,  TX, 1,  d,      a,  bT, X,  1,  d",
        "a,  b,  T,  12, d,      a,  b,  T1, 2,  d",
        "a,  b,  T,  1,  '',     a,  b,  T,  1,  ",
        "a,  b,  T,  '', d,      a,  b,  T,  ,   d",
    })
    void fieldBoundariesChangeTheHash(
            String actor1,
            String action1,
            String type1,
            String id1,
            String detail1,
            String actor2,
            String action2,
            String type2,
            String id2,
            String detail2) {
        assertThat((actor1 + action1 + type1 + nullToEmpty(id1) + nullToEmpty(detail1)))
                .isEqualTo(actor2 + action2 + type2 + nullToEmpty(id2) + nullToEmpty(detail2));

        assertThat(HashChain.hash(row(actor1, action1, type1, id1, detail1)))
                .isNotEqualTo(HashChain.hash(row(actor2, action2, type2, id2, detail2)));
    }

    @Test
    void hashIsStableLowerCaseHexSha256() {
        String hash = HashChain.hash(row("clerk", "DETERMINED", "DETERMINATION", "D-1", "ok"));

        assertThat(hash)
                .matches("[0-9a-f]{64}")
                .isEqualTo(HashChain.hash(row("clerk", "DETERMINED", "DETERMINATION", "D-1", "ok")));
        // pinned so an accidental change of the encoding, which would break every stored chain, fails here
        assertThat(hash).isEqualTo("4c2553f8c7a1406772ee8d4afef4b09edfc9756f06d389298fc80ebe154fbeba");
    }

    /** The documented format, written out independently: versioned, fixed order, 4-byte lengths, -1 for null. */
    @Test
    void encodingIsTheDocumentedFormat() throws Exception {
        var expected = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(expected);
        for (Object field : new Object[] {
            "lodestone-audit-v1",
            7L,
            1772355600123456L,
            "clerk",
            "org-1",
            "DETERMINED",
            "DETERMINATION",
            null,
            "SUCCESS",
            "é",
            null,
            HashChain.GENESIS
        }) {
            if (field instanceof Long l) {
                out.writeLong(l);
            } else if (field == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = ((String) field).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));

        var row = new StoredRow(
                7,
                AT,
                "clerk",
                "org-1",
                "DETERMINED",
                "DETERMINATION",
                null,
                "SUCCESS",
                "é",
                null,
                HashChain.GENESIS,
                "");
        assertThat(HashChain.hash(row)).isEqualTo(sha);
    }

    @Test
    void everyStoredFieldCounts() {
        StoredRow base = row("clerk", "DETERMINED", "DETERMINATION", "D-1", "ok");
        String h = HashChain.hash(base);

        assertThat(HashChain.hash(new StoredRow(
                        8,
                        AT,
                        "clerk",
                        "org-1",
                        "DETERMINED",
                        "DETERMINATION",
                        "D-1",
                        "SUCCESS",
                        "ok",
                        "req-1",
                        HashChain.GENESIS,
                        "")))
                .isNotEqualTo(h);
        assertThat(HashChain.hash(new StoredRow(
                        7,
                        AT.plusNanos(1000),
                        "clerk",
                        "org-1",
                        "DETERMINED",
                        "DETERMINATION",
                        "D-1",
                        "SUCCESS",
                        "ok",
                        "req-1",
                        HashChain.GENESIS,
                        "")))
                .isNotEqualTo(h);
        assertThat(HashChain.hash(new StoredRow(
                        7,
                        AT,
                        "clerk",
                        "org-2",
                        "DETERMINED",
                        "DETERMINATION",
                        "D-1",
                        "SUCCESS",
                        "ok",
                        "req-1",
                        HashChain.GENESIS,
                        "")))
                .isNotEqualTo(h);
        assertThat(HashChain.hash(new StoredRow(
                        7,
                        AT,
                        "clerk",
                        null,
                        "DETERMINED",
                        "DETERMINATION",
                        "D-1",
                        "SUCCESS",
                        "ok",
                        "req-1",
                        HashChain.GENESIS,
                        "")))
                .isNotEqualTo(h);
        assertThat(HashChain.hash(new StoredRow(
                        7,
                        AT,
                        "clerk",
                        "org-1",
                        "DETERMINED",
                        "DETERMINATION",
                        "D-1",
                        "DENIED",
                        "ok",
                        "req-1",
                        HashChain.GENESIS,
                        "")))
                .isNotEqualTo(h);
        assertThat(HashChain.hash(new StoredRow(
                        7,
                        AT,
                        "clerk",
                        "org-1",
                        "DETERMINED",
                        "DETERMINATION",
                        "D-1",
                        "SUCCESS",
                        "ok",
                        "req-2",
                        HashChain.GENESIS,
                        "")))
                .isNotEqualTo(h);
        assertThat(HashChain.hash(new StoredRow(
                        7,
                        AT,
                        "clerk",
                        "org-1",
                        "DETERMINED",
                        "DETERMINATION",
                        "D-1",
                        "SUCCESS",
                        "ok",
                        "req-1",
                        "1".repeat(64),
                        "")))
                .isNotEqualTo(h);
        // the stored hash itself is not part of what is hashed
        assertThat(HashChain.hash(new StoredRow(
                        7,
                        AT,
                        "clerk",
                        "org-1",
                        "DETERMINED",
                        "DETERMINATION",
                        "D-1",
                        "SUCCESS",
                        "ok",
                        "req-1",
                        HashChain.GENESIS,
                        "anything")))
                .isEqualTo(h);
    }

    @Test
    void timeCountsToTheMicrosecond() {
        assertThat(HashChain.epochMicros(Instant.parse("1970-01-01T00:00:01.000002999Z")))
                .isEqualTo(1_000_002L);
        assertThat(HashChain.epochMicros(Instant.parse("1969-12-31T23:59:59.5Z")))
                .isEqualTo(-500_000L);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
