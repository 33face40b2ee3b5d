package org.lodestone.licensing.licence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Per-licence check codes: 12 Crockford base32 characters (60 bits) from a CSPRNG, printed on the certificate and in
 * its QR code. Verification normalises what a person typed (case, dashes, blanks, I/L→1, O→0), hashes it and compares
 * hashes in constant time. Guarded by {@code CheckCodesUnitTests}.
 */
public final class CheckCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private CheckCodes() {}

    public static String generate() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** For display: {@code ABCD-EFGH-JKMN}. */
    public static String grouped(String code) {
        var out = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(code.charAt(i));
        }
        return out.toString();
    }

    /** Crockford decoding rules for human input; what is left may still be wrong, which the hash comparison decides. */
    public static String normalise(String raw) {
        var out = new StringBuilder(raw.length());
        for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ', '\t' -> {}
                case 'I', 'L' -> out.append('1');
                case 'O' -> out.append('0');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String sha256(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code raw} (as typed) is the code whose hash is {@code expectedSha256}; constant time in the hash. */
    public static boolean matches(String raw, String expectedSha256) {
        byte[] actual = sha256(normalise(raw)).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = expectedSha256.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expected);
    }
}
