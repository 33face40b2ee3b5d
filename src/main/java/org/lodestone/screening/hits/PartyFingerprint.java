package org.lodestone.screening.hits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import org.lodestone.licensing.ScreeningSubject.PartyToScreen;
import org.lodestone.screening.matching.EntryIdentifier;

/**
 * What a false-positive decision is remembered against: a hash of the party's names (NFKC, case and spacing folded, so
 * a retyped identical name is the same party), country and identifier keys (sorted). Any other change of the party
 * reopens the question.
 */
final class PartyFingerprint {

    private PartyFingerprint() {}

    static String of(PartyToScreen p) {
        StringBuilder b = new StringBuilder();
        b.append(fold(p.name())).append('\u0001');
        b.append(p.nameOriginal() == null ? "" : fold(p.nameOriginal())).append('\u0001');
        b.append(p.country() == null ? "" : p.country().toUpperCase(Locale.ROOT))
                .append('\u0001');
        p.identifiers().stream()
                .map(i -> new EntryIdentifier(i.type(), i.value()).key())
                .sorted()
                .forEach(k -> b.append(k).append(','));
        return sha256(b.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .strip()
                .replaceAll("\\s+", " ");
    }
}
