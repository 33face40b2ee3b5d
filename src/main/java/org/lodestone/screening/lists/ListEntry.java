package org.lodestone.screening.lists;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.matching.EntryIdentifier;
import org.lodestone.screening.matching.ListedEntry;

/**
 * One entry of a list file as imported, whatever its format: what the matcher needs ({@link #listed}) and what a
 * reviewer reads.
 *
 * @param names the primary name first, then the other names (aliases, names in other scripts), without duplicates
 * @param countries ISO 3166-1 alpha-2 codes, upper case, sorted
 */
public record ListEntry(
        String entryId,
        String schema,
        List<String> names,
        SortedSet<String> countries,
        List<EntryIdentifier> identifiers,
        @Nullable String programme,
        @Nullable String legalBasis,
        @Nullable LocalDate listedOn,
        @Nullable String remarks,
        @Nullable String sourceUrl) {

    public ListEntry {
        names = List.copyOf(names);
        countries = new TreeSet<>(countries);
        identifiers = List.copyOf(identifiers);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a list entry needs a name");
        }
    }

    public String caption() {
        return names.getFirst();
    }

    public ListedEntry listed(String listCode) {
        return new ListedEntry(listCode, entryId, schema, names, countries, identifiers);
    }

    /**
     * SHA-256 over a canonical rendering of every field, each field and value length-prefixed so that no two different
     * entries render alike. A reviewer's false-positive decision holds until this changes.
     */
    public String fingerprint() {
        StringBuilder b = new StringBuilder(256);
        field(b, entryId);
        field(b, schema);
        b.append(names.size()).append('#');
        names.forEach(n -> field(b, n));
        b.append(countries.size()).append('#');
        countries.forEach(c -> field(b, c));
        b.append(identifiers.size()).append('#');
        identifiers.forEach(i -> {
            field(b, i.type());
            field(b, i.value());
        });
        field(b, programme);
        field(b, legalBasis);
        field(b, listedOn == null ? null : listedOn.toString());
        field(b, remarks);
        field(b, sourceUrl);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder b, @Nullable String value) {
        if (value == null) {
            b.append("-;");
        } else {
            b.append(value.length()).append(':').append(value).append(';');
        }
    }
}
