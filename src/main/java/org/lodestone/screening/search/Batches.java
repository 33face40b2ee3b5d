package org.lodestone.screening.search;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.screening.ScreeningProblem;
import org.lodestone.screening.ScreeningProblem.FieldError;
import org.lodestone.screening.matching.MatchHit;
import org.lodestone.screening.matching.NameQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens a CSV of names: header {@code name,country,identifiers,schema} (any order, {@code name} required, optional
 * {@code ref} echoed back), identifiers as {@code type:value} separated by {@code ;}. Answers one CSV line per input
 * row and hit (its best {@value #HITS_PER_ROW}), or one line with the {@code error} column naming the field when a row
 * is invalid; a file that is not CSV of this shape is refused as a whole (422 naming {@code file}).
 */
@Component
public class Batches {

    public static final int MAX_ROWS = 10_000;
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int HITS_PER_ROW = 3;
    static final Set<String> COLUMNS = Set.of("ref", "name", "country", "identifiers", "schema");
    static final String HEADER = "row,ref,name,listCode,entryId,matchedName,score,match,error";

    private final Searches searches;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    Batches(Searches searches, AuditTrail audit, PlatformTransactionManager transactions) {
        this.searches = searches;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    public String screen(@Nullable String filename, byte @Nullable [] content) {
        if (content == null || content.length == 0) {
            throw ScreeningProblem.invalid("file", "is required: a CSV file with a header row");
        }
        if (content.length > MAX_BYTES) {
            throw ScreeningProblem.invalid("file", "must be at most " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ScreeningProblem.invalid("file", "is not UTF-8 text");
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text, MAX_ROWS + 1);
        } catch (Csv.Malformed e) {
            throw ScreeningProblem.invalid("file", "line " + e.line + ": " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw ScreeningProblem.invalid("file", "is empty: a header row is required");
        }
        Map<String, Integer> columns = header(rows.getFirst());
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        int matches = 0;
        int invalid = 0;
        for (int r = 1; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            String ref = cell(row, columns, "ref");
            String name = cell(row, columns, "name");
            if (row.fields().size() != columns.size()) {
                line(
                        out,
                        r,
                        ref,
                        name,
                        null,
                        "row: has " + row.fields().size() + " fields, the header " + columns.size() + " (line "
                                + row.line() + ")");
                invalid++;
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            NameQuery q = Searches.validate(
                    new SearchRequest(
                            name,
                            cell(row, columns, "country"),
                            identifiers(cell(row, columns, "identifiers")),
                            cell(row, columns, "schema")),
                    "",
                    errors);
            if (q == null) {
                line(
                        out,
                        r,
                        ref,
                        name,
                        null,
                        String.join(
                                "; ",
                                errors.stream()
                                        .map(e -> e.field() + ": " + e.reason())
                                        .toList()));
                invalid++;
                continue;
            }
            List<MatchHit> hits = searches.run(q);
            if (hits.isEmpty()) {
                line(out, r, ref, name, null, "");
            }
            for (MatchHit h : hits.subList(0, Math.min(HITS_PER_ROW, hits.size()))) {
                line(out, r, ref, name, h, "");
                if (h.match()) {
                    matches++;
                }
            }
        }
        int screened = rows.size() - 1;
        int refused = invalid;
        int matched = matches;
        tx.executeWithoutResult(s -> audit.record(AuditRecord.success("SCREENING_BATCH", "SCREENING", null)
                .withDetail((filename == null ? "upload" : Searches.cut(filename, 100)) + ": " + screened + " rows, "
                        + refused + " invalid, " + matched + " matches")));
        return out.toString();
    }

    private static Map<String, Integer> header(Csv.Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String c = row.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(c)) {
                throw ScreeningProblem.invalid(
                        "file",
                        "header: unknown column '"
                                + Searches.printable(row.fields().get(i))
                                + "' (known: ref, name, country, identifiers, schema)");
            }
            if (columns.put(c, i) != null) {
                throw ScreeningProblem.invalid("file", "header: column '" + c + "' appears twice");
            }
        }
        if (!columns.containsKey("name")) {
            throw ScreeningProblem.invalid("file", "header: the column 'name' is required");
        }
        return columns;
    }

    private static @Nullable String cell(Csv.Row row, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= row.fields().size() ? null : row.fields().get(i);
    }

    private static @Nullable List<SearchRequest.@Nullable Identifier> identifiers(@Nullable String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        List<SearchRequest.@Nullable Identifier> ids = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            ids.add(
                    colon < 0
                            ? new SearchRequest.Identifier("", part.strip())
                            : new SearchRequest.Identifier(
                                    part.substring(0, colon).strip(),
                                    part.substring(colon + 1).strip()));
        }
        return ids;
    }

    private static void line(
            StringBuilder out,
            int row,
            @Nullable String ref,
            @Nullable String name,
            @Nullable MatchHit h,
            String error) {
        List<String> f = List.of(
                Integer.toString(row),
                ref == null ? "" : Searches.cut(ref, 200),
                name == null ? "" : Searches.cut(name, 300),
                h == null ? "" : h.entry().listCode(),
                h == null ? "" : h.entry().entryId(),
                h == null ? "" : h.comparison().matchedName(),
                h == null ? "" : String.format(Locale.ROOT, "%.4f", h.score()),
                h == null ? "" : Boolean.toString(h.match()),
                error);
        out.append(String.join(",", f.stream().map(Csv::field).toList())).append("\r\n");
    }
}
