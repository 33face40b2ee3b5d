package org.lodestone.traceability.epcis.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The eventID assigned to an event captured without one: {@code ni:///sha-256;<hex>?ver=CBV2.0}, the SHA-256 of a
 * canonical serialisation of the event's JSON-LD form without {@code eventID}, {@code recordTime} and
 * {@code @context}: object keys sorted, no whitespace, numbers in plain decimal without trailing zeros, date-times as
 * UTC instants, other strings as JSON strings.
 *
 * <p>This is deliberately NOT the CBV 2.0 §8.9 event-hash algorithm, which hashes a pre-hash string built from the
 * fully expanded event (every CBV term and identifier turned into its canonical URI, GS1 Digital Link normalisation,
 * times normalised to UTC milliseconds, user extensions ordered by namespace). That needs the full vocabulary and
 * identifier translation tables; what Lodestone needs is a stable identity for identical content, so that a
 * re-submitted event without an eventID gets the same ID and is recognised as a duplicate. The same content read from
 * JSON or from XML gets the same hash because both are converted to the same JSON-LD form first. The {@code ni:} URI
 * with {@code ver=CBV2.0} is kept because the standard names it as the form of hash-based event IDs; the digest values
 * will not match those of a CBV-conformant hash implementation.
 */
final class EventHash {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private EventHash() {}

    static String of(ObjectNode event) {
        StringBuilder canonical = new StringBuilder(512);
        write(event, canonical, true);
        MessageDigest sha256 = SHA256.get();
        byte[] digest = sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return "ni:///sha-256;" + HexFormat.of().formatHex(digest) + "?ver=CBV2.0";
    }

    private static void write(JsonNode node, StringBuilder out, boolean top) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>(node.propertyNames());
            keys.sort(null);
            out.append('{');
            boolean first = true;
            for (String key : keys) {
                if (top && (key.equals("eventID") || key.equals("recordTime") || key.equals("@context"))) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(key, out);
                out.append(':');
                write(node.get(key), out, false);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out, false);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            out.append(d.signum() == 0 ? "0" : d.toPlainString());
        } else if (node.isString()) {
            string(instantOrSelf(node.stringValue()), out);
        } else {
            out.append(node.toString()); // true, false, null
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Date-times as UTC instants: 14:00:00.000+01:00 and 13:00:00Z are the same time, in JSON as in XML. */
    private static String instantOrSelf(String s) {
        if (s.length() >= 20 && s.length() <= 40 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
            java.time.Instant instant = DateTimes.parse(s);
            return instant == null ? s : instant.toString();
        }
        return s;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        if (plain(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
