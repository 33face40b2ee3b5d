package org.lodestone.controllist;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the end use from a code ({@code MILITARY}, {@code wind turbines}) or free text. Free text with a clearly
 * military term counts as MILITARY, and the explanation says which term decided, because a military end use can turn
 * a licence question into a prohibition.
 */
record EndUseReading(EndUse endUse, String explanation) {

    private static final Pattern MILITARY = Pattern.compile(
            "(?<![\\p{L}])(military|army|armies|armed forces|navy|naval|air force|defen[cs]e|weapons?|weaponry|missiles?|munitions?|ammunition|warheads?|warships?|armaments?|ordnance|combat)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);

    private static final Object[][] CIVIL = {
        {EndUse.EV_TRACTION_MOTORS, Pattern.compile("\\b(ev|evs|electric vehicles?|traction)\\b")},
        {EndUse.WIND_TURBINES, Pattern.compile("\\bwind\\b")},
        {
            EndUse.CONSUMER_ELECTRONICS,
            Pattern.compile("\\b(consumer|phones?|smartphones?|laptops?|headphones?|speakers?|earbuds?)\\b")
        },
        {EndUse.MEDICAL, Pattern.compile("\\b(medical|mri|hospitals?|clinical)\\b")},
        {EndUse.RESEARCH, Pattern.compile("\\b(research|laborator(?:y|ies)|universit(?:y|ies)|academic)\\b")},
        {EndUse.INDUSTRIAL_MOTORS, Pattern.compile("\\b(industrial|motors?|pumps?|compressors?|servo)\\b")},
    };

    static EndUseReading read(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return new EndUseReading(EndUse.OTHER, "No end use was stated; it is treated as OTHER (civil).");
        }
        String text = raw.strip();
        try {
            EndUse code = EndUse.parse(text);
            return new EndUseReading(code, "End use: " + code.name() + ".");
        } catch (IllegalArgumentException notACode) {
            // free text
        }
        Matcher m = MILITARY.matcher(text);
        if (m.find()) {
            return new EndUseReading(
                    EndUse.MILITARY,
                    "The free-text end use contains the military term '"
                            + m.group(1).toLowerCase(Locale.ROOT) + "' and is treated as MILITARY.");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Object[] c : CIVIL) {
            if (((Pattern) c[1]).matcher(lower).find()) {
                EndUse e = (EndUse) c[0];
                return new EndUseReading(e, "The free-text end use was read as " + e.name() + ".");
            }
        }
        return new EndUseReading(
                EndUse.OTHER, "The free-text end use matches no category and is treated as OTHER (civil).");
    }
}
