package org.lodestone.screening.lists.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.lists.ListEntry;

/**
 * A CSV format with a header line naming its columns (in any order, extra columns ignored). A file whose first line
 * lacks a required column is not of this format; a record with another number of fields than the header is
 * rejected.
 */
abstract class HeaderedCsv implements ListFileReader {

    /** One record, read by column name. */
    static final class Row {
        private final Map<String, Integer> columns;
        private final List<String> fields;

        Row(Map<String, Integer> columns, List<String> fields) {
            this.columns = columns;
            this.fields = fields;
        }

        @Nullable
        String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                return null;
            }
            String v = fields.get(i);
            return v.isBlank() ? null : v;
        }
    }

    abstract String formatName();

    abstract Set<String> requiredColumns();

    /** The entry of a row, or {@code null} to count it as skipped; throws {@link Rejected} to reject it. */
    abstract @Nullable ListEntry entry(Row row);

    @Override
    public final void read(InputStream in, ImportSink sink) throws IOException {
        var records = new CsvRecords(new Lines(in));
        CsvRecords.Record header = records.next();
        if (header == null) {
            throw new NotTheDeclaredFormat("the file is empty; a " + formatName() + " file starts with a header line");
        }
        if (header.fields() == null) {
            throw new NotTheDeclaredFormat(
                    "line " + header.line() + " is not a " + formatName() + " header: " + header.error());
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.putIfAbsent(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        Set<String> missing = new TreeSet<>(requiredColumns());
        missing.removeAll(columns.keySet());
        if (!missing.isEmpty()) {
            throw new NotTheDeclaredFormat("the header line lacks the " + formatName() + " column(s) " + missing
                    + "; found " + CsvRecords.excerpt(String.join(",", header.fields())));
        }
        int width = header.fields().size();
        CsvRecords.Record record;
        while ((record = records.next()) != null) {
            if (record.fields() == null) {
                sink.rejected(record.line(), record.error(), record.excerpt());
                continue;
            }
            if (record.fields().size() != width) {
                sink.rejected(
                        record.line(),
                        "expected " + width + " fields as in the header, found "
                                + record.fields().size(),
                        record.excerpt());
                continue;
            }
            try {
                ListEntry entry = entry(new Row(columns, record.fields()));
                if (entry == null) {
                    sink.skipped(record.line());
                } else {
                    sink.entry(record.line(), entry);
                }
            } catch (Rejected e) {
                sink.rejected(record.line(), e.getMessage(), record.excerpt());
            }
        }
    }
}
