package org.lodestone.controllist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.shared.ChemicalElements;

/**
 * Turns administrators' drafts into domain records, collecting every field problem so one 422 names them all.
 * Amendments fill omitted descriptive fields from the latest version; effective dates are never copied.
 */
final class Drafts {

    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{2,79}$");
    private static final Pattern CONTROL_NUMBER = Pattern.compile("^[0-9][A-E][0-9]{3}(\\.[a-z](\\.[0-9]+)?)?$");
    private static final Pattern HS = Pattern.compile("^[0-9]{6,10}$");

    private final List<FieldProblem> errors = new ArrayList<>();

    static ControlEntry entry(
            EntryDraft d,
            @Nullable ControlEntry base,
            String key,
            int versionNo,
            Predicate<String> legalActExists,
            String by) {
        var v = new Drafts();
        if (base == null) {
            v.key(key);
        }
        String cn =
                d.controlNumber() != null ? blankToNull(d.controlNumber()) : base == null ? null : base.controlNumber();
        if (cn != null) {
            String norm = cn.contains(".")
                    ? cn.substring(0, cn.indexOf('.')).toUpperCase(Locale.ROOT)
                            + cn.substring(cn.indexOf('.')).toLowerCase(Locale.ROOT)
                    : cn.toUpperCase(Locale.ROOT);
            if (!CONTROL_NUMBER.matcher(norm).matches()) {
                v.error("controlNumber", "'" + cn + "' is not a control number of the form 1C902 or 1C902.a");
            }
            cn = norm;
        }
        Confidence cnc = d.controlNumberConfidence() != null
                ? v.confidence("controlNumberConfidence", d.controlNumberConfidence())
                : base != null && cn != null && cn.equals(base.controlNumber())
                        ? base.controlNumberConfidence()
                        : cn == null ? Confidence.UNVERIFIED : null;
        if (cnc == null && cn != null && d.controlNumberConfidence() == null) {
            v.error("controlNumberConfidence", "is required with a control number (text, secondary, inferred)");
        }
        if (cn == null && cnc != null && cnc != Confidence.UNVERIFIED) {
            v.error("controlNumberConfidence", "must be 'unverified' when there is no control number");
        }
        List<String> elements = new ArrayList<>();
        for (String raw : d.elements() != null ? d.elements() : base != null ? base.elements() : List.<String>of()) {
            String s = ChemicalElements.symbol(raw);
            if (s == null) {
                v.error("elements", "'" + raw + "' is not a chemical element symbol");
            } else if (!elements.contains(s)) {
                elements.add(s);
            }
        }
        List<ItemForm> forms = new ArrayList<>();
        if (d.forms() != null) {
            for (String raw : d.forms()) {
                try {
                    forms.add(ItemForm.parse(raw));
                } catch (IllegalArgumentException e) {
                    v.error("forms", "'" + raw + "' is not an item form (" + List.of(ItemForm.values()) + ")");
                }
            }
        } else if (base != null) {
            forms.addAll(base.forms());
        }
        if (forms.isEmpty() && d.forms() != null || forms.isEmpty() && base == null) {
            v.error("forms", "at least one item form is required");
        }
        List<String> keywords = d.keywords() != null
                ? d.keywords().stream().map(String::strip).toList()
                : base != null ? base.keywords() : List.of();
        if (keywords.stream().anyMatch(k -> k.isEmpty() || k.contains(","))) {
            v.error("keywords", "keywords must be non-empty and must not contain commas");
        }
        String description = d.description() != null ? d.description().strip() : base != null ? base.description() : "";
        if (description.isEmpty()) {
            v.error("description", "is required");
        } else if (description.length() > 2000) {
            v.error("description", "must not exceed 2000 characters");
        }
        List<HsReference> hs = new ArrayList<>();
        if (d.hsCodes() != null) {
            int i = 0;
            for (EntryDraft.HsCodeDraft h : d.hsCodes()) {
                String field = "hsCodes[" + i++ + "]";
                String code = h.code() == null ? "" : h.code().strip().replace(".", "");
                if (!HS.matcher(code).matches()) {
                    v.error(field + ".code", "must be 6 to 10 digits");
                    continue;
                }
                Confidence c = h.confidence() == null ? null : v.confidence(field + ".confidence", h.confidence());
                if (h.confidence() == null) {
                    v.error(field + ".confidence", "is required");
                } else if (c != null) {
                    hs.add(new HsReference(code, c));
                }
            }
        } else if (base != null) {
            hs.addAll(base.hsCodes());
        }
        String act = d.legalAct() != null ? d.legalAct().strip() : base != null ? base.legalActKey() : "";
        if (act.isEmpty()) {
            v.error("legalAct", "is required (the key of a recorded legal act)");
        } else if (!legalActExists.test(act)) {
            v.error("legalAct", "'" + act + "' is not a recorded legal act");
        }
        LocalDate from = v.date("effectiveFrom", d.effectiveFrom(), true);
        LocalDate to = v.date("effectiveTo", d.effectiveTo(), false);
        if (from != null && to != null && to.isBefore(from)) {
            v.error("effectiveTo", "must not be before effectiveFrom (" + from + ")");
        }
        Confidence confidence = d.confidence() != null
                ? v.confidence("confidence", d.confidence())
                : base != null ? base.confidence() : null;
        if (confidence == null && d.confidence() == null) {
            v.error("confidence", "is required (text, secondary, inferred, unverified)");
        }
        String note = d.note() != null ? blankToNull(d.note()) : base != null ? base.note() : null;
        if (note != null && note.length() > 2000) {
            v.error("note", "must not exceed 2000 characters");
        }
        v.throwIfAny();
        return new ControlEntry(
                key,
                versionNo,
                cn,
                cnc,
                elements,
                forms,
                keywords,
                description,
                hs,
                act,
                from,
                to,
                confidence,
                note,
                by,
                null);
    }

    static LegalAct legalAct(LegalActDraft d) {
        var v = new Drafts();
        String key = v.key(d.key());
        String number = v.required("number", d.number(), 200);
        String title = v.required("title", d.title(), 500);
        List<String> bodies = d.issuingBodies() == null
                ? List.of()
                : d.issuingBodies().stream().map(String::strip).toList();
        if (bodies.isEmpty() || bodies.stream().anyMatch(b -> b.isEmpty() || b.contains(","))) {
            v.error("issuingBodies", "at least one issuing body is required, without commas");
        }
        LocalDate issued = v.date("issuedOn", d.issuedOn(), false);
        LocalDate from = v.date("effectiveFrom", d.effectiveFrom(), false);
        Confidence c = d.confidence() == null ? null : v.confidence("confidence", d.confidence());
        if (d.confidence() == null) {
            v.error("confidence", "is required (text, secondary, inferred, unverified)");
        }
        v.throwIfAny();
        return new LegalAct(
                key,
                number,
                title,
                bodies,
                issued,
                null,
                from,
                null,
                c,
                blankToNull(d.source()),
                blankToNull(d.note()));
    }

    static Suspension suspension(
            SuspensionDraft d,
            Predicate<String> actExists,
            Predicate<String> ruleExists,
            Predicate<String> suspensionExists,
            String by) {
        var v = new Drafts();
        String key = v.key(d.key());
        String act = d.legalAct() == null ? "" : d.legalAct().strip();
        if (act.isEmpty()) {
            v.error("legalAct", "is required (the key of the suspending legal act)");
        } else if (!actExists.test(act)) {
            v.error("legalAct", "'" + act + "' is not a recorded legal act");
        }
        List<String> acts = d.suspendsActs() == null ? List.of() : d.suspendsActs();
        List<String> rules = d.suspendsRules() == null ? List.of() : d.suspendsRules();
        if (acts.isEmpty() && rules.isEmpty()) {
            v.error("suspendsActs", "name at least one suspended legal act or rule");
        }
        acts.stream()
                .filter(a -> !actExists.test(a))
                .forEach(a -> v.error("suspendsActs", "'" + a + "' is not a recorded legal act"));
        rules.stream()
                .filter(r -> !ruleExists.test(r))
                .forEach(r -> v.error("suspendsRules", "'" + r + "' is not a recorded rule"));
        LocalDate starts = v.date("startsOn", d.startsOn(), true);
        LocalDate ends = v.date("endsOn", d.endsOn(), false);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            v.error("endsOn", "must not be before startsOn (" + starts + ")");
        }
        String supersedes = blankToNull(d.supersedes());
        if (supersedes != null && !suspensionExists.test(supersedes)) {
            v.error("supersedes", "'" + supersedes + "' is not a recorded suspension");
        }
        Confidence c = d.confidence() == null ? null : v.confidence("confidence", d.confidence());
        if (d.confidence() == null) {
            v.error("confidence", "is required (text, secondary, inferred, unverified)");
        }
        v.throwIfAny();
        return new Suspension(
                key,
                act,
                acts,
                rules,
                starts,
                ends,
                Boolean.TRUE.equals(d.extensionVerified()),
                supersedes,
                c,
                blankToNull(d.note()),
                by,
                null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void error(String field, String reason) {
        errors.add(new FieldProblem(field, reason));
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ControlListProblem.invalid(errors);
        }
    }

    private String key(@Nullable String raw) {
        String k = raw == null ? "" : raw.strip();
        if (!KEY.matcher(k).matches()) {
            error("key", "must be 3 to 80 characters: lower-case letters, digits and hyphens");
        }
        return k;
    }

    private String required(String field, @Nullable String raw, int max) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            error(field, "is required");
        } else if (s.length() > max) {
            error(field, "must not exceed " + max + " characters");
        }
        return s;
    }

    private @Nullable Confidence confidence(String field, String raw) {
        try {
            return Confidence.parse(raw);
        } catch (IllegalArgumentException e) {
            error(field, "'" + raw + "' is not a confidence tag (text, secondary, inferred, unverified)");
            return null;
        }
    }

    private @Nullable LocalDate date(String field, @Nullable String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                error(field, "is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(raw.strip());
            if (d.isBefore(DeterminationEngine.EARLIEST_DATE) || d.isAfter(DeterminationEngine.LATEST_DATE)) {
                error(
                        field,
                        "must be between " + DeterminationEngine.EARLIEST_DATE + " and "
                                + DeterminationEngine.LATEST_DATE);
            }
            return d;
        } catch (DateTimeParseException e) {
            error(field, "'" + raw + "' is not an ISO date (YYYY-MM-DD)");
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
