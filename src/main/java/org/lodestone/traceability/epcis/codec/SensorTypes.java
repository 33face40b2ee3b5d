package org.lodestone.traceability.epcis.codec;

import org.jspecify.annotations.Nullable;

/**
 * Sensor measurement types: the GS1 Web Vocabulary terms (gs1:MeasurementType: {@code Temperature},
 * {@code AbsoluteHumidity}, …) are kept bare, the form the EPCIS JSON-LD context gives them; {@code gs1:Temperature}
 * and {@code https://gs1.org/voc/Temperature} are the same term. Anything else must be a URI or compact IRI.
 *
 * <p>The bare form is accepted for any word of letters and underscores: the standard's list of measurement types
 * grows with the GS1 Web Vocabulary, and the GS1 examples use terms beyond the EPCIS 2.0 list
 * ({@code Molar_concentration}).
 */
final class SensorTypes {

    private static final String GS1_CURIE = "gs1:";
    private static final String GS1_WEB = "https://gs1.org/voc/";

    private SensorTypes() {}

    static boolean isValid(String type) {
        return isBareTerm(type) || Uris.isUri(type);
    }

    /** The bare term for the gs1 spellings, the value itself otherwise. */
    static String canonical(String type) {
        @Nullable String local = null;
        if (type.startsWith(GS1_CURIE)) {
            local = type.substring(GS1_CURIE.length());
        } else if (type.startsWith(GS1_WEB)) {
            local = type.substring(GS1_WEB.length());
        }
        return local != null && isBareTerm(local) ? local : type;
    }

    private static boolean isBareTerm(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
