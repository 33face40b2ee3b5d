package org.lodestone.traceability.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The GS1 company prefix an identifier is under, read from an EPC URI ({@code urn:epc:id:sgtin:6901234.012345.1},
 * {@code urn:epc:class:lgtin:6901234.012345.L1}, {@code urn:epc:id:sgln:6901234.00001.0}, {@code urn:epc:idpat:…})
 * or, since a GS1 Digital Link does not delimit the prefix, the candidate digit strings of its primary key
 * ({@code https://id.gs1.org/01/06901234000017}: the leading 4 to 12 digits of 6901234000017). Guarded by
 * {@code Gs1UnitTests}.
 */
final class Gs1 {

    private Gs1() {}

    /** The exact company prefix of an EPC URI, or null when the identifier is not one with a prefix. */
    static @Nullable String epcPrefix(String identifier) {
        String s = identifier.toLowerCase(Locale.ROOT);
        if (!(s.startsWith("urn:epc:id:") || s.startsWith("urn:epc:class:") || s.startsWith("urn:epc:idpat:"))) {
            return null;
        }
        int colon = identifier.lastIndexOf(':');
        String body = identifier.substring(colon + 1);
        int dot = body.indexOf('.');
        String prefix = dot < 0 ? body : body.substring(0, dot);
        return prefix.length() >= 4 && prefix.length() <= 12 && prefix.chars().allMatch(Character::isDigit)
                ? prefix
                : null;
    }

    /**
     * Candidate company prefixes (6 to 12 leading digits of the key without indicator or extension digit) of a GS1
     * Digital Link URI; empty when it is none.
     */
    static List<String> digitalLinkCandidates(String identifier) {
        int scheme = identifier.indexOf("://");
        if (scheme < 0) {
            return List.of();
        }
        String[] parts = identifier.substring(scheme + 3).split("/");
        for (int i = 1; i + 1 < parts.length; i++) {
            String ai = parts[i];
            String value = parts[i + 1];
            String digits = switch (ai) {
                // GTIN-14 and SSCC-18 start with an indicator or extension digit before the prefix.
                case "01", "00" -> value.length() > 1 ? value.substring(1) : "";
                case "414", "417", "253", "254", "255", "8003", "8004", "8006", "8010", "8017", "8018" -> value;
                default -> null;
            };
            if (digits == null) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            int digitCount = 0;
            while (digitCount < digits.length() && Character.isDigit(digits.charAt(digitCount))) {
                digitCount++;
            }
            for (int len = 4; len <= Math.min(12, digitCount); len++) {
                candidates.add(digits.substring(0, len));
            }
            return candidates;
        }
        return List.of();
    }
}
