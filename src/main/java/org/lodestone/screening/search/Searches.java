package org.lodestone.screening.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.screening.ScreeningProblem;
import org.lodestone.screening.ScreeningProblem.FieldError;
import org.lodestone.screening.index.LiveIndex;
import org.lodestone.screening.matching.EntryIdentifier;
import org.lodestone.screening.matching.MatchHit;
import org.lodestone.screening.matching.NameQuery;
import org.lodestone.shared.CountryCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validates and runs ad-hoc searches against the live index. Input is refused naming the field: a name is required
 * (not blank, at most {@value #MAX_NAME} characters, no control characters; any script or mix of scripts is fine), a
 * country must be an ISO alpha-2 code, identifiers need a value, and the schema must be one the lists use.
 */
@Component
public class Searches {

    public static final int MAX_NAME = 1000;
    public static final int MAX_IDENTIFIERS = 20;
    public static final int MAX_HITS = 10;
    public static final Set<String> SCHEMAS =
            Set.of("Person", "Company", "Organization", "LegalEntity", "PublicBody", "Vessel", "Airplane");

    private final LiveIndex index;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    Searches(LiveIndex index, AuditTrail audit, PlatformTransactionManager transactions) {
        this.index = index;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    public double threshold() {
        return index.threshold();
    }

    /** One search, audited. */
    public List<MatchHit> search(SearchRequest request) {
        NameQuery query = query(request, "");
        List<MatchHit> hits = run(query);
        long matches = hits.stream().filter(MatchHit::match).count();
        tx.executeWithoutResult(s -> audit.record(AuditRecord.success("SCREENING_SEARCH", "SCREENING", null)
                .withDetail("'" + cut(query.name(), 200) + "'"
                        + (query.country() == null ? "" : " (" + query.country() + ")") + ": " + matches
                        + " matches of " + hits.size() + " candidates")));
        return hits;
    }

    /** Runs a validated query; best first. */
    public List<MatchHit> run(NameQuery query) {
        return index.search(query, MAX_HITS);
    }

    /** The validated query, or a 422 naming each bad field ({@code prefix} + field, e.g. in a batch row). */
    public static NameQuery query(SearchRequest r, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        NameQuery q = validate(r, prefix, errors);
        if (q == null) {
            throw ScreeningProblem.invalid(errors);
        }
        return q;
    }

    /** The validated query, or null with the reasons added to {@code errors}. */
    public static @Nullable NameQuery validate(SearchRequest r, String prefix, List<FieldError> errors) {
        int before = errors.size();
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError(prefix + "name", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError(
                    prefix + "name", "must be at most " + MAX_NAME + " characters (was " + name.length() + ")"));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(prefix + "name", "must not contain control characters"));
        } else if (name.codePoints().noneMatch(Character::isLetterOrDigit)) {
            errors.add(new FieldError(prefix + "name", "must contain a letter or digit"));
        }
        String country = null;
        if (r.country() != null && !r.country().isBlank()) {
            if (CountryCode.isValid(r.country())) {
                country = CountryCode.of(r.country()).value();
            } else {
                errors.add(new FieldError(
                        prefix + "country",
                        "'" + printable(r.country()) + "' is no ISO 3166-1" + " alpha-2 country code"));
            }
        }
        List<EntryIdentifier> ids = new ArrayList<>();
        if (r.identifiers() != null) {
            if (r.identifiers().size() > MAX_IDENTIFIERS) {
                errors.add(new FieldError(prefix + "identifiers", "at most " + MAX_IDENTIFIERS));
            } else {
                for (int i = 0; i < r.identifiers().size(); i++) {
                    SearchRequest.Identifier id = r.identifiers().get(i);
                    String at = prefix + "identifiers[" + i + "]";
                    if (id == null || id.value() == null || id.value().isBlank()) {
                        errors.add(new FieldError(at + ".value", "is required"));
                    } else if (id.value().length() > 100
                            || (id.type() != null && id.type().length() > 60)) {
                        errors.add(new FieldError(at, "type at most 60 and value at most 100 characters"));
                    } else {
                        ids.add(new EntryIdentifier(
                                id.type() == null ? "" : id.type().strip(),
                                id.value().strip()));
                    }
                }
            }
        }
        String schema = null;
        if (r.schema() != null && !r.schema().isBlank()) {
            schema = SCHEMAS.stream()
                    .filter(s -> s.equalsIgnoreCase(r.schema().strip()))
                    .findFirst()
                    .orElse(null);
            if (schema == null) {
                errors.add(
                        new FieldError(prefix + "schema", "'" + printable(r.schema()) + "' is none of " + schemas()));
            }
        }
        return errors.size() > before ? null : new NameQuery(name, country, ids, schema);
    }

    /** A hit as the API shows it. */
    public static Map<String, Object> json(MatchHit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listCode", h.entry().listCode());
        m.put("entryId", h.entry().entryId());
        m.put("name", h.entry().caption());
        m.put("score", h.score());
        m.put("match", h.match());
        Map<String, Object> features = new LinkedHashMap<>(h.comparison().features());
        features.putIfAbsent("matchedName", h.comparison().matchedName());
        m.put("features", features);
        return m;
    }

    private static String schemas() {
        return String.join(", ", SCHEMAS.stream().sorted().toList());
    }

    static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
