package org.lodestone.screening.search;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, small and strict: quoted fields may hold commas, quotes ({@code ""}) and line breaks. */
final class Csv {

    private Csv() {}

    /** A record with the line it starts on (1-based). */
    record Row(int line, List<String> fields) {}

    static final class Malformed extends Exception {
        final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static List<Row> parse(String text, int maxRows) throws Malformed {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new Malformed(line, "a quote inside an unquoted field");
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (!(fields.size() == 1 && fields.getFirst().isEmpty())) {
                    rows.add(new Row(rowStart, List.copyOf(fields)));
                    if (rows.size() > maxRows) {
                        throw new Malformed(line, "more than " + (maxRows - 1) + " rows");
                    }
                }
                fields.clear();
                line++;
                rowStart = line;
            } else {
                if (wasQuoted) {
                    throw new Malformed(line, "text after a closing quote");
                }
                field.append(c);
            }
        }
        if (quoted) {
            throw new Malformed(rowStart, "a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        if (rows.size() > maxRows) {
            throw new Malformed(line, "more than " + (maxRows - 1) + " rows");
        }
        return rows;
    }

    /** One field for output; cells that a spreadsheet would run as a formula are prefixed with a quote. */
    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
