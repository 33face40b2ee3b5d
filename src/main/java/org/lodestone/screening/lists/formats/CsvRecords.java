package org.lodestone.screening.lists.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 records over {@link Lines}: fields separated by commas, optionally quoted with {@code "}, a doubled
 * {@code ""} inside quotes standing for one quote; a quoted field may span lines. Written here rather than taken from
 * a CSV library because the import needs what libraries do not give together: strict UTF-8 per physical line (a bad
 * byte rejects one record, not the file), the line number where each record starts, a bounded record size (an
 * unbalanced quote must not swallow the rest of a 1 GB file into memory), and recovery at the next line after a
 * broken record. Blank lines are skipped.
 */
final class CsvRecords {

    /** At most this many characters in one record (all its lines); more is a broken quote, not data. */
    static final int MAX_RECORD_CHARS = Lines.MAX_LINE_BYTES;

    /** A record that starts on {@code line}: its fields, or why it was refused. */
    record Record(
            long line,
            @Nullable List<String> fields,
            @Nullable String error,
            String excerpt) {}

    private final Lines lines;

    CsvRecords(Lines lines) {
        this.lines = lines;
    }

    @Nullable
    Record next() throws IOException {
        Lines.Line first;
        do {
            first = lines.next();
            if (first == null) {
                return null;
            }
        } while (first.text() != null && first.text().isEmpty());
        if (first.error() != null) {
            return new Record(first.number(), null, first.error(), "");
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = first.text();
        int chars = text.length();
        boolean quoted = false;
        boolean afterQuote = false; // just closed a quoted field: only a comma or the end may follow
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return new Record(first.number(), fields, null, excerpt(first.text()));
                }
                Lines.Line more = lines.next();
                if (more == null) {
                    return new Record(first.number(), null, "a quoted field is not closed", excerpt(first.text()));
                }
                if (more.error() != null) {
                    return new Record(
                            first.number(),
                            null,
                            "line " + more.number() + " of the record: " + more.error(),
                            excerpt(first.text()));
                }
                chars += more.text().length() + 1;
                if (chars > MAX_RECORD_CHARS) {
                    return new Record(
                            first.number(),
                            null,
                            "the record is longer than " + MAX_RECORD_CHARS
                                    + " characters (a quoted field is probably not closed)",
                            excerpt(first.text()));
                }
                field.append('\n');
                text = more.text();
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (afterQuote) {
                return new Record(
                        first.number(),
                        null,
                        "unexpected character '" + c + "' after a closing quote in field " + (fields.size() + 1),
                        excerpt(first.text()));
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
    }

    static String excerpt(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
