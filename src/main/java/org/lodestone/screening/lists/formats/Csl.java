package org.lodestone.screening.lists.formats;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the CSV and JSON editions of the US Consolidated Screening List share. */
final class Csl {

    private Csl() {}

    /** CSL {@code type} to a FollowTheMoney schema; entities without a type (Entity List, DPL) are legal entities. */
    static String schema(@Nullable String type) {
        String t = Entries.clean(type);
        if (t == null) {
            return "LegalEntity";
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "individual" -> "Person";
            case "vessel" -> "Vessel";
            case "aircraft" -> "Airplane";
            case "entity" -> "LegalEntity";
            default -> throw new Rejected("unknown type '" + Entries.excerpt(t) + "'");
        };
    }

    /** The programme as the reviewer needs it: the source list and its programmes. */
    static @Nullable String programme(@Nullable String source, @Nullable String programs) {
        String s = Entries.clean(source);
        String p = Entries.clean(programs);
        if (s == null) {
            return p;
        }
        return p == null ? s : s + " · " + p;
    }
}
