package org.lodestone.screening.lists.formats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.lists.ListEntry;
import org.lodestone.screening.matching.EntryIdentifier;

/**
 * Builds a {@link ListEntry} with the rules every format shares: an id of at most {@value #MAX_ID} characters, at
 * least one non-blank name, no name longer than {@value #MAX_NAME} characters, whitespace collapsed, names without
 * duplicates, countries as ISO alpha-2 upper case (anything else is dropped, not rejected: sources carry
 * "Soviet Union" and the like).
 */
final class Entries {

    static final int MAX_ID = 200;
    static final int MAX_NAME = 1000;
    static final int MAX_NAMES = 500;
    static final int MAX_TEXT = 1000;
    static final int MAX_REMARKS = 10_000;
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cc}]+");
    private static final Pattern ALPHA2 = Pattern.compile("[A-Za-z]{2}");
    private static final Set<String> SCHEMAS =
            Set.of("Person", "Company", "Organization", "LegalEntity", "Vessel", "Airplane", "PublicBody");

    private final String entryId;
    private final String schema;
    private final LinkedHashSet<String> names = new LinkedHashSet<>();
    private final TreeSet<String> countries = new TreeSet<>();
    private final LinkedHashSet<EntryIdentifier> identifiers = new LinkedHashSet<>();
    private @Nullable String programme;
    private @Nullable String legalBasis;
    private @Nullable LocalDate listedOn;
    private @Nullable String remarks;
    private @Nullable String sourceUrl;

    private Entries(String entryId, String schema) {
        this.entryId = entryId;
        this.schema = schema;
    }

    static Entries of(@Nullable String entryId, String schema) {
        String id = clean(entryId);
        if (id == null) {
            throw new Rejected("the entry has no id");
        }
        if (id.length() > MAX_ID) {
            throw new Rejected("the id is longer than " + MAX_ID + " characters");
        }
        if (!SCHEMAS.contains(schema)) {
            throw new Rejected(
                    "unknown schema '" + excerpt(schema) + "' (expected one of " + new TreeSet<>(SCHEMAS) + ")");
        }
        return new Entries(id, schema);
    }

    static boolean isThing(String schema) {
        return SCHEMAS.contains(schema);
    }

    Entries name(@Nullable String name) {
        String n = clean(name);
        if (n == null) {
            return this;
        }
        if (n.codePointCount(0, n.length()) > MAX_NAME) {
            throw new Rejected("a name is longer than " + MAX_NAME + " characters");
        }
        names.add(n);
        if (names.size() > MAX_NAMES) {
            throw new Rejected("more than " + MAX_NAMES + " names");
        }
        return this;
    }

    Entries names(Iterable<String> more) {
        more.forEach(this::name);
        return this;
    }

    Entries country(@Nullable String code) {
        String c = clean(code);
        if (c != null && ALPHA2.matcher(c).matches()) {
            countries.add(c.toUpperCase(Locale.ROOT));
        }
        return this;
    }

    Entries countries(Iterable<String> codes) {
        codes.forEach(this::country);
        return this;
    }

    Entries identifier(@Nullable String type, @Nullable String value) {
        String v = clean(value);
        if (v != null) {
            String t = clean(type);
            identifiers.add(new EntryIdentifier(t == null ? "" : cut(t, 100), cut(v, 200)));
        }
        return this;
    }

    Entries programme(@Nullable String value) {
        programme = cut(clean(value), MAX_TEXT);
        return this;
    }

    Entries legalBasis(@Nullable String value) {
        legalBasis = cut(clean(value), MAX_TEXT);
        return this;
    }

    /** ISO dates; also the leading date of a timestamp. Anything else is left out rather than rejected. */
    Entries listedOn(@Nullable String value) {
        String v = clean(value);
        if (v != null && v.length() >= 10) {
            try {
                listedOn = LocalDate.parse(v.substring(0, 10));
            } catch (DateTimeParseException e) {
                // not a date the reviewer could rely on
            }
        }
        return this;
    }

    /** For the Lodestone format, where a date that is not ISO is the author's mistake and worth reporting. */
    Entries listedOnStrict(@Nullable String value) {
        String v = clean(value);
        if (v != null) {
            try {
                listedOn = LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new Rejected("listed_on '" + excerpt(v) + "' is not an ISO date (YYYY-MM-DD)");
            }
        }
        return this;
    }

    Entries remarks(@Nullable String value) {
        String v = value == null ? null : value.strip();
        remarks = v == null || v.isEmpty() ? null : cut(v, MAX_REMARKS);
        return this;
    }

    Entries sourceUrl(@Nullable String value) {
        sourceUrl = cut(clean(value), MAX_TEXT);
        return this;
    }

    ListEntry build() {
        if (names.isEmpty()) {
            throw new Rejected("the entry has no name");
        }
        return new ListEntry(
                entryId,
                schema,
                new ArrayList<>(names),
                countries,
                List.copyOf(identifiers),
                programme,
                legalBasis,
                listedOn,
                remarks,
                sourceUrl);
    }

    /** Trimmed, inner whitespace and control characters collapsed to one space; blank is null. */
    static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = SPACE.matcher(value).replaceAll(" ").strip();
        return v.isEmpty() ? null : v;
    }

    /** Splits a multi-value cell at {@code separator}; blank parts are dropped. */
    static List<String> split(@Nullable String cell, char separator) {
        List<String> parts = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return parts;
        }
        int start = 0;
        for (int i = 0; i <= cell.length(); i++) {
            if (i == cell.length() || cell.charAt(i) == separator) {
                String p = cell.substring(start, i).strip();
                if (!p.isEmpty()) {
                    parts.add(p);
                }
                start = i + 1;
            }
        }
        return parts;
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }

    static String excerpt(String value) {
        return value.length() <= 40 ? value : value.substring(0, 39) + "…";
    }
}
