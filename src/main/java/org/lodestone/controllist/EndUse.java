package org.lodestone.controllist;

import java.util.Locale;

/** The small end-use vocabulary determination understands; free text is mapped onto it (see {@code EndUseReading}). */
public enum EndUse {
    MILITARY,
    EV_TRACTION_MOTORS,
    WIND_TURBINES,
    CONSUMER_ELECTRONICS,
    INDUSTRIAL_MOTORS,
    MEDICAL,
    RESEARCH,
    OTHER;

    public static EndUse parse(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }

    public String label() {
        String s = name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return s.replace("ev ", "EV ");
    }
}
