package org.lodestone.controllist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.Determination.Match;
import org.lodestone.controllist.Determination.MatchStatus;
import org.lodestone.shared.ChemicalElements;
import org.lodestone.shared.CountryCode;

/**
 * Licence determination over one catalogue snapshot: validates the question, matches entries (by control number, HS
 * reference plus content, or content alone, narrowed by the item form in the description), applies effective
 * intervals, suspensions and rules for the date, and explains every step. Pure and allocation-light: no Spring, no
 * database, so it can be benchmarked and table-tested ({@code DeterminationTableTests}) on the real data file.
 */
final class DeterminationEngine {

    static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
    /** Rounding in analyses: a composition may add up to slightly above 100 %. */
    static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.5");

    private static final BigDecimal HUNDRED = new BigDecimal(100);
    private static final Pattern CONTROL_NUMBER = Pattern.compile("^([0-9][A-E][0-9]{3})(?:\\.([A-Z])(\\.[0-9]+)?)?$");
    private static final Pattern HS_CODE = Pattern.compile("^[0-9]{6,10}$");
    private static final int MAX_DESCRIPTION = 2000;

    private final CatalogueIndex index;
    private final BigDecimal deMinimisPercent;

    DeterminationEngine(CatalogueIndex index, BigDecimal deMinimisPercent) {
        this.index = index;
        this.deMinimisPercent = deMinimisPercent;
    }

    CatalogueIndex index() {
        return index;
    }

    private record Valid(
            @Nullable String controlNumber,
            @Nullable String hsCode,
            String description,
            Map<String, BigDecimal> elements,
            String destination,
            EndUseReading endUse,
            LocalDate date,
            boolean foreignProduced,
            @Nullable BigDecimal chineseShare) {}

    private record Candidate(ControlEntry entry, String matchedBy) {}

    Determination determine(DeterminationRequest request, LocalDate today) {
        Valid v = validate(request, today);
        var explanation = new ArrayList<String>();
        var warnings = new LinkedHashSet<String>();
        Set<ItemForm> forms = ItemForms.detect(v.description());

        List<Candidate> candidates = match(v, forms, explanation);
        List<Match> matches = applyDates(v.date(), candidates, explanation, warnings);
        List<Match> applying =
                matches.stream().filter(m -> m.status() == MatchStatus.APPLIES).toList();

        Outcome outcome;
        List<Match> licensed;
        if (!v.foreignProduced()) {
            licensed = applying;
            outcome = applying.isEmpty() ? Outcome.NOT_REQUIRED : Outcome.LICENCE_REQUIRED;
            if (!applying.isEmpty()) {
                explanation.add("A licence is required: on " + v.date() + " the item is listed as " + numbers(applying)
                        + " (" + acts(applying) + ").");
            }
        } else {
            licensed = new ArrayList<>();
            outcome = foreignProduct(v, applying, licensed, explanation, warnings);
            // Listed content that no extraterritorial rule reaches on the date is reported, but does not apply.
            matches = matches.stream()
                    .map(m -> m.status() == MatchStatus.APPLIES && !licensed.contains(m)
                            ? m.withStatus(MatchStatus.NOT_TRIGGERED)
                            : m)
                    .toList();
        }
        if (v.chineseShare() != null && !v.foreignProduced()) {
            warnings.add(
                    "chineseContentValuePercent is only used for foreign-produced items (foreignProduced: true); it was ignored.");
        }
        explanation.add(v.endUse().explanation());
        outcome = applyRules(v, licensed, outcome, explanation, warnings);

        for (Match m : matches) {
            if (m.controlNumber() == null) {
                warnings.add("Entry '" + m.key() + "' (" + m.description()
                        + ") has no verified control number; it is identified by its internal key only.");
            } else if (m.controlNumberConfidence().uncertain()) {
                warnings.add("Control number " + m.controlNumber() + " is "
                        + m.controlNumberConfidence().label()
                        + " (deduced, e.g. from the numbering sequence), not read in a published text.");
            }
            if (m.matchedBy().contains("[inferred reference]")) {
                warnings.add("The HS code is an inferred reference for " + m.displayNumber() + ": deduced from the "
                        + "tariff-line description, not read in the announcement.");
            }
            if (m.confidence().uncertain()) {
                warnings.add("That entry '" + m.key() + "' is controlled at all is "
                        + m.confidence().label() + ".");
            }
        }
        if (matches.isEmpty()) {
            explanation.add("No entry of the control list (revision " + index.revision() + ") matches this item on "
                    + v.date() + ". The catalogue covers the strategic-mineral items recorded here, not the whole "
                    + "Dual-Use Items Export Control List.");
        }
        return new Determination(
                outcome,
                matches,
                explanation,
                List.copyOf(warnings),
                v.date(),
                v.destination(),
                v.endUse().endUse(),
                index.revision());
    }

    // ---- matching ------------------------------------------------------------------------------------------------

    private List<Candidate> match(Valid v, Set<ItemForm> forms, List<String> explanation) {
        if (v.controlNumber() != null) {
            return byControlNumber(v.controlNumber(), forms, explanation);
        }
        Map<String, BigDecimal> present = new LinkedHashMap<>();
        v.elements().forEach((el, pct) -> {
            if (pct.compareTo(deMinimisPercent) > 0) {
                present.put(el, pct);
            }
        });
        if (v.hsCode() != null) {
            explanation.add("HS codes are references only: the control number and the technical parameters decide.");
            List<Candidate> byHs = byHsCode(v.hsCode(), present.keySet(), forms, explanation);
            if (!byHs.isEmpty() || present.isEmpty()) {
                return byHs;
            }
        }
        if (present.isEmpty()) {
            explanation.add("No element has a content above " + deMinimisPercent.toPlainString() + " %.");
            return List.of();
        }
        return byElements(v.description(), present, forms, explanation);
    }

    private List<Candidate> byControlNumber(String number, Set<ItemForm> forms, List<String> explanation) {
        List<ControlEntry> all = index.byControlNumber(number);
        boolean subItem = number.contains(".");
        List<ControlEntry> chosen = all;
        if (subItem) {
            explanation.add("Matched by control number " + number + ".");
        } else if (forms.isEmpty()) {
            explanation.add("Control number " + number + " covers " + distinctNumbers(all)
                    + "; the description names no item form, so all are reported.");
        } else {
            List<ControlEntry> refined =
                    all.stream().filter(e -> intersects(e.forms(), forms)).toList();
            if (refined.isEmpty()) {
                explanation.add("Control number " + number + " covers " + distinctNumbers(all) + "; the form(s) in the "
                        + "description (" + labels(forms) + ") match none of them, so all are reported.");
            } else {
                chosen = refined;
                explanation.add("Control number " + number + " covers " + distinctNumbers(all) + "; the form(s) in the "
                        + "description (" + labels(forms) + ") select " + distinctNumbers(refined) + ".");
            }
        }
        return chosen.stream()
                .map(e -> new Candidate(e, "control number " + number))
                .toList();
    }

    private List<Candidate> byHsCode(String hs, Set<String> elements, Set<ItemForm> forms, List<String> explanation) {
        List<ControlEntry> all = index.byHsCode(hs);
        List<ControlEntry> chosen = elements.isEmpty()
                ? all
                : all.stream()
                        .filter(e -> e.elements().isEmpty() || intersects(e.elements(), elements))
                        .toList();
        if (!forms.isEmpty()) {
            List<ControlEntry> refined =
                    chosen.stream().filter(e -> intersects(e.forms(), forms)).toList();
            if (!refined.isEmpty()) {
                chosen = refined;
            }
        }
        String scope = elements.isEmpty() ? "" : " for the element(s) " + String.join(", ", elements);
        if (chosen.isEmpty()) {
            explanation.add("HS code " + hs + " is not a reference code of any listed entry" + scope
                    + (elements.isEmpty() ? "." : "; the element content decides."));
            return List.of();
        }
        explanation.add("HS code " + hs + " is a reference code of " + distinctNumbers(chosen) + scope
                + (elements.isEmpty()
                        ? " (no element content was given, so every entry using that code is reported)"
                        : "")
                + ".");
        return chosen.stream()
                .map(e -> new Candidate(e, "HS code reference " + hs + hsConfidence(e, hs)))
                .toList();
    }

    private static String hsConfidence(ControlEntry e, String hs) {
        return e.hsCodes().stream()
                .filter(h -> h.code().startsWith(hs) && h.confidence().uncertain())
                .findFirst()
                .map(h -> " [" + h.confidence().label() + " reference]")
                .orElse("");
    }

    private List<Candidate> byElements(
            String description, Map<String, BigDecimal> present, Set<ItemForm> forms, List<String> explanation) {
        var out = new ArrayList<Candidate>();
        var unlisted = new TreeSet<String>();
        String lower = description.toLowerCase(Locale.ROOT);
        explanation.add("Any content above " + deMinimisPercent.toPlainString() + " % counts: the announcements in our "
                + "sources set no de-minimis threshold.");
        if (forms.isEmpty()) {
            explanation.add("No item form (metal, alloy, target, magnet, oxide, compound, ...) was recognised in the "
                    + "description, so every listed form of each element is reported.");
        } else {
            explanation.add("Item form(s) recognised in the description: " + labels(forms) + ".");
        }
        for (var el : present.entrySet()) {
            List<ControlEntry> listed = index.byElement(el.getKey());
            if (listed.isEmpty()) {
                unlisted.add(el.getKey());
                continue;
            }
            List<ControlEntry> named =
                    listed.stream().filter(e -> keywordHit(e, lower)).toList();
            if (named.isEmpty()) {
                explanation.add(el.getKey() + " is listed only for items the description does not name ("
                        + listed.stream()
                                .flatMap(e -> e.keywords().stream())
                                .distinct()
                                .collect(Collectors.joining(", "))
                        + ").");
                continue;
            }
            List<ControlEntry> chosen = named;
            if (!forms.isEmpty()) {
                chosen =
                        named.stream().filter(e -> intersects(e.forms(), forms)).toList();
                if (chosen.isEmpty()) {
                    explanation.add(el.getKey() + " is listed (" + distinctNumbers(named) + "), but not in the form(s) "
                            + labels(forms) + "; listed forms: "
                            + labels(named.stream()
                                    .flatMap(e -> e.forms().stream())
                                    .collect(Collectors.toCollection(TreeSet::new)))
                            + ".");
                    continue;
                }
            }
            String by = "element " + el.getKey() + " ("
                    + el.getValue().stripTrailingZeros().toPlainString() + " %)";
            chosen.forEach(e -> out.add(new Candidate(e, by)));
        }
        if (!forms.isEmpty()) {
            for (ControlEntry e : index.withoutElements()) {
                if (keywordHit(e, lower) && !e.keywords().isEmpty() && intersects(e.forms(), forms)) {
                    out.add(new Candidate(e, "description (" + labels(forms) + ")"));
                }
            }
        }
        if (!unlisted.isEmpty()) {
            explanation.add(String.join(", ", unlisted)
                    + (unlisted.size() == 1 ? " is not a listed element" : " are not listed elements")
                    + " in this catalogue.");
        }
        return out;
    }

    private static boolean keywordHit(ControlEntry e, String lowerDescription) {
        return e.keywords().isEmpty()
                || e.keywords().stream().anyMatch(k -> lowerDescription.contains(k.toLowerCase(Locale.ROOT)));
    }

    // ---- dates and suspensions -----------------------------------------------------------------------------------

    private List<Match> applyDates(
            LocalDate date, List<Candidate> candidates, List<String> explanation, Set<String> warnings) {
        Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
        candidates.forEach(c ->
                byKey.computeIfAbsent(c.entry().key(), k -> new ArrayList<>()).add(c));
        var matches = new ArrayList<Match>();
        Map<String, List<String>> notYet = new LinkedHashMap<>();
        Map<String, List<String>> ended = new LinkedHashMap<>();
        Map<String, List<String>> suspended = new LinkedHashMap<>();
        for (var group : byKey.values()) {
            Optional<Candidate> inForce =
                    group.stream().filter(c -> c.entry().inForceOn(date)).findFirst();
            if (inForce.isEmpty()) {
                ControlEntry any = group.getFirst().entry();
                Optional<ControlEntry> next = index.versions(any.key()).stream()
                        .filter(e -> e.effectiveFrom().isAfter(date))
                        .findFirst();
                if (next.isPresent()) {
                    notYet.computeIfAbsent(
                                    index.actNumber(next.get().legalActKey()) + " takes effect on "
                                            + next.get().effectiveFrom(),
                                    k -> new ArrayList<>())
                            .add(next.get().displayNumber());
                } else {
                    ControlEntry last = index.versions(any.key()).getLast();
                    ended.computeIfAbsent("was in force until " + last.effectiveTo(), k -> new ArrayList<>())
                            .add(last.displayNumber());
                }
                continue;
            }
            Candidate c = inForce.get();
            ControlEntry e = c.entry();
            Optional<Suspension> s = index.suspensionOn(e.legalActKey(), date);
            if (s.isPresent()) {
                suspended
                        .computeIfAbsent(
                                index.actNumber(e.legalActKey()) + " is suspended on " + date + " by "
                                        + index.actNumber(s.get().legalActKey()) + " ("
                                        + s.get().startsOn() + " to "
                                        + (s.get().endsOn() == null
                                                ? "further notice"
                                                : s.get().endsOn()) + ")",
                                k -> new ArrayList<>())
                        .add(e.displayNumber());
            } else {
                index.unverifiedEndedSuspension(e.legalActKey(), date)
                        .ifPresent(ss -> warnings.add(uncertainty(e.legalActKey(), ss)));
            }
            matches.add(toMatch(e, c.matchedBy(), s.isPresent() ? MatchStatus.SUSPENDED : MatchStatus.APPLIES));
        }
        notYet.forEach(
                (when, numbers) -> explanation.add(list(numbers) + ": not in force on " + date + "; " + when + "."));
        ended.forEach(
                (when, numbers) -> explanation.add(list(numbers) + ": not in force on " + date + "; " + when + "."));
        suspended.forEach((why, numbers) -> explanation.add(
                list(numbers) + ": listed, but " + why + "; a suspended entry does not require a licence."));
        return matches;
    }

    private String uncertainty(String subjectKey, Suspension s) {
        return "The suspension of " + index.actNumber(subjectKey) + " by " + index.actNumber(s.legalActKey())
                + " ended on " + s.endsOn() + " according to the data; whether it was extended is not verified"
                + " — check current announcements.";
    }

    private String ruleUncertainty(ControlRule r, Suspension s) {
        return "The suspension of " + index.actNumber(r.legalActKey())
                + (r.article().isBlank() ? "" : " " + r.article())
                + " by " + index.actNumber(s.legalActKey()) + " ended on " + s.endsOn() + " according to the data;"
                + " whether it was extended is not verified — check current announcements.";
    }

    private Match toMatch(ControlEntry e, String matchedBy, MatchStatus status) {
        return new Match(
                e.key(),
                e.controlNumber(),
                e.controlNumberConfidence(),
                e.description(),
                index.citation(e.legalActKey()),
                e.legalActKey(),
                e.effectiveFrom(),
                e.effectiveTo(),
                status,
                e.confidence(),
                matchedBy,
                e.note());
    }

    // ---- rules ---------------------------------------------------------------------------------------------------

    private Outcome foreignProduct(
            Valid v, List<Match> applying, List<Match> licensed, List<String> explanation, Set<String> warnings) {
        explanation.add("The item is declared as produced outside China: Chinese export controls reach it only "
                + "through the extraterritorial rule for Chinese-origin content.");
        Outcome outcome = Outcome.NOT_REQUIRED;
        for (ControlRule r : index.rules()) {
            if (r.kind() != RuleKind.FOREIGN_CONTENT_THRESHOLD) {
                continue;
            }
            List<Match> relevant = inScope(r, applying);
            if (relevant.isEmpty()) {
                continue;
            }
            String name = index.actNumber(r.legalActKey());
            if (!r.inForceOn(v.date())) {
                explanation.add("The extraterritorial rule of " + name + " is not in force on " + v.date() + " (from "
                        + r.effectiveFrom() + ").");
                continue;
            }
            Optional<Suspension> s = ruleSuspension(r, v.date());
            if (s.isPresent()) {
                explanation.add("The extraterritorial rule of " + name + " is suspended on " + v.date() + " by "
                        + index.actNumber(s.get().legalActKey()) + " until "
                        + s.get().endsOn()
                        + "; no licence is required under it.");
                continue;
            }
            ruleEndedSuspension(r, v.date()).ifPresent(ss -> warnings.add(ruleUncertainty(r, ss)));
            BigDecimal threshold = r.valueThresholdPercent() == null ? BigDecimal.ZERO : r.valueThresholdPercent();
            String t = threshold.stripTrailingZeros().toPlainString();
            if (v.chineseShare() == null) {
                outcome = Outcome.LICENCE_REQUIRED;
                licensed.addAll(relevant);
                explanation.add("The item contains listed items (" + numbers(relevant) + "); " + name
                        + " requires a licence when Chinese-origin content reaches " + t + " % of value.");
                warnings.add("chineseContentValuePercent was not given: the answer assumes the Chinese-origin content "
                        + "reaches " + t + " % of the value. State it to get an exact answer.");
            } else if (v.chineseShare().compareTo(threshold) >= 0) {
                outcome = Outcome.LICENCE_REQUIRED;
                licensed.addAll(relevant);
                explanation.add("Chinese-origin listed content (" + numbers(relevant) + ") is "
                        + v.chineseShare().stripTrailingZeros().toPlainString() + " % of the value, at or above the "
                        + t + " % threshold of " + name + ", so a licence is required.");
            } else {
                explanation.add("Chinese-origin listed content is "
                        + v.chineseShare().stripTrailingZeros().toPlainString() + " % of the value, below the " + t
                        + " % threshold of " + name + "; no licence is required under it.");
            }
        }
        return outcome;
    }

    private Outcome applyRules(
            Valid v, List<Match> licensed, Outcome outcome, List<String> explanation, Set<String> warnings) {
        Outcome result = outcome;
        for (ControlRule r : index.rules()) {
            if (r.kind() == RuleKind.FOREIGN_CONTENT_THRESHOLD) {
                continue;
            }
            if (!r.destinations().isEmpty() && !r.destinations().contains(v.destination())) {
                continue;
            }
            if (!r.endUses().isEmpty() && !r.endUses().contains(v.endUse().endUse())) {
                continue;
            }
            List<Match> scoped = inScope(r, licensed);
            if (scoped.isEmpty() || !r.inForceOn(v.date())) {
                continue;
            }
            String source = index.citation(r.legalActKey()) + (r.article().isBlank() ? "" : " " + r.article());
            Optional<Suspension> s = ruleSuspension(r, v.date());
            if (s.isPresent()) {
                explanation.add(
                        "The rule \"" + r.description() + "\" (" + source + ") would apply, but it is suspended on "
                                + v.date() + " by " + index.actNumber(s.get().legalActKey()) + " until "
                                + s.get().endsOn() + ".");
                continue;
            }
            ruleEndedSuspension(r, v.date()).ifPresent(ss -> warnings.add(ruleUncertainty(r, ss)));
            if (r.kind() == RuleKind.PROHIBITION) {
                result = Outcome.PROHIBITED;
                explanation.add("Prohibited: " + r.description() + " (" + source + "); destination " + v.destination()
                        + ", end use " + v.endUse().endUse().name() + ", items " + numbers(scoped) + ".");
            } else {
                warnings.add(r.description() + " (" + source + ").");
            }
        }
        return result;
    }

    private Optional<Suspension> ruleSuspension(ControlRule r, LocalDate date) {
        return index.suspensionOn(r.key(), date).or(() -> index.suspensionOn(r.legalActKey(), date));
    }

    private Optional<Suspension> ruleEndedSuspension(ControlRule r, LocalDate date) {
        return index.unverifiedEndedSuspension(r.key(), date)
                .or(() -> index.unverifiedEndedSuspension(r.legalActKey(), date));
    }

    private static List<Match> inScope(ControlRule r, List<Match> matches) {
        return matches.stream()
                .filter(m -> r.appliesToActs().isEmpty() || r.appliesToActs().contains(m.legalActKey()))
                .toList();
    }

    // ---- validation ----------------------------------------------------------------------------------------------

    private Valid validate(DeterminationRequest r, LocalDate today) {
        var errors = new ArrayList<FieldProblem>();
        DeterminationRequest.Item item = r.item();
        String controlNumber = null;
        String hsCode = null;
        String description = "";
        var elements = new LinkedHashMap<String, BigDecimal>();
        if (item == null) {
            errors.add(new FieldProblem("item", "is required"));
        } else {
            if (item.description() == null || item.description().isBlank()) {
                errors.add(new FieldProblem("item.description", "is required"));
            } else if (item.description().length() > MAX_DESCRIPTION) {
                errors.add(new FieldProblem("item.description", "must not exceed " + MAX_DESCRIPTION + " characters"));
            } else {
                description = item.description().strip();
            }
            if (item.controlNumber() != null && !item.controlNumber().isBlank()) {
                Matcher m = CONTROL_NUMBER.matcher(item.controlNumber().strip().toUpperCase(Locale.ROOT));
                if (!m.matches()) {
                    errors.add(new FieldProblem(
                            "item.controlNumber",
                            "'" + clip(item.controlNumber())
                                    + "' is not a control number of the form 1C902 or 1C902.a"));
                } else {
                    String n = m.group(1)
                            + (m.group(2) == null ? "" : "." + m.group(2).toLowerCase(Locale.ROOT))
                            + (m.group(3) == null ? "" : m.group(3));
                    if (!index.knowsControlNumber(n)) {
                        errors.add(new FieldProblem("item.controlNumber", "'" + n + "' is not in the control list"));
                    } else {
                        controlNumber = n;
                    }
                }
            }
            if (item.hsCode() != null && !item.hsCode().isBlank()) {
                String digits = item.hsCode().strip().replace(".", "").replace(" ", "");
                if (!HS_CODE.matcher(digits).matches()) {
                    errors.add(new FieldProblem(
                            "item.hsCode",
                            "'" + clip(item.hsCode())
                                    + "' is not an HS code: 6 to 10 digits (dots and spaces allowed as separators)"));
                } else {
                    hsCode = digits;
                }
            }
            if (item.elements() != null) {
                BigDecimal sum = BigDecimal.ZERO;
                for (var e : item.elements().entrySet()) {
                    String symbol = ChemicalElements.symbol(e.getKey());
                    String field = "item.elements." + clip(e.getKey());
                    if (symbol == null) {
                        errors.add(
                                new FieldProblem(field, "'" + clip(e.getKey()) + "' is not a chemical element symbol"));
                        continue;
                    }
                    if (elements.containsKey(symbol)) {
                        errors.add(new FieldProblem(field, "element " + symbol + " is given twice"));
                        continue;
                    }
                    BigDecimal pct = percent(e.getValue());
                    if (pct == null) {
                        errors.add(new FieldProblem(field, "must be a number (mass percent)"));
                    } else if (pct.signum() < 0) {
                        errors.add(new FieldProblem(field, "must not be negative"));
                    } else if (pct.compareTo(HUNDRED) > 0) {
                        errors.add(new FieldProblem(field, "must not exceed 100 (mass percent)"));
                    } else {
                        elements.put(symbol, pct);
                        sum = sum.add(pct);
                    }
                }
                if (sum.compareTo(HUNDRED.add(SUM_TOLERANCE)) > 0) {
                    errors.add(new FieldProblem(
                            "item.elements",
                            "the percentages add up to "
                                    + sum.stripTrailingZeros().toPlainString() + " %, more than 100 % (tolerance "
                                    + SUM_TOLERANCE.toPlainString() + ")"));
                }
            }
            boolean noElements = item.elements() == null || item.elements().isEmpty();
            if ((item.controlNumber() == null || item.controlNumber().isBlank())
                    && (item.hsCode() == null || item.hsCode().isBlank())
                    && noElements) {
                errors.add(new FieldProblem("item", "needs a control number, an HS code or element contents"));
            }
        }
        String destination = null;
        if (r.destination() == null || r.destination().isBlank()) {
            errors.add(new FieldProblem("destination", "is required (ISO 3166-1 alpha-2 country code)"));
        } else if (!CountryCode.isValid(r.destination())) {
            errors.add(new FieldProblem(
                    "destination", "'" + clip(r.destination()) + "' is not an ISO 3166-1 alpha-2 country code"));
        } else {
            destination = CountryCode.of(r.destination()).value();
        }
        if (r.endUse() != null && r.endUse().length() > 500) {
            errors.add(new FieldProblem("endUse", "must not exceed 500 characters"));
        }
        LocalDate date = today;
        if (r.date() != null && !r.date().isBlank()) {
            try {
                date = LocalDate.parse(r.date().strip());
                if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                    errors.add(new FieldProblem("date", "must be between " + EARLIEST_DATE + " and " + LATEST_DATE));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem("date", "'" + clip(r.date()) + "' is not an ISO date (YYYY-MM-DD)"));
            }
        }
        BigDecimal share = null;
        if (r.chineseContentValuePercent() != null) {
            share = percent(r.chineseContentValuePercent());
            if (share == null || share.signum() < 0 || share.compareTo(HUNDRED) > 0) {
                errors.add(new FieldProblem(
                        "chineseContentValuePercent", "must be a number from 0 to 100 (percent of value)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ControlListProblem.invalid(errors);
        }
        return new Valid(
                controlNumber,
                hsCode,
                description,
                elements,
                destination,
                EndUseReading.read(r.endUse()),
                date,
                Boolean.TRUE.equals(r.foreignProduced()),
                share);
    }

    private static @Nullable BigDecimal percent(@Nullable Object raw) {
        if (raw == null || raw instanceof Boolean) {
            return null;
        }
        if (raw instanceof Number || raw instanceof CharSequence) {
            try {
                return new BigDecimal(raw.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    // ---- wording -------------------------------------------------------------------------------------------------

    private static boolean intersects(Collection<?> a, Collection<?> b) {
        for (Object o : a) {
            if (b.contains(o)) {
                return true;
            }
        }
        return false;
    }

    private static String labels(Collection<ItemForm> forms) {
        return forms.stream().map(ItemForm::label).collect(Collectors.joining(", "));
    }

    private static String distinctNumbers(List<ControlEntry> entries) {
        return list(entries.stream().map(ControlEntry::displayNumber).distinct().toList());
    }

    private static String numbers(List<Match> matches) {
        return list(matches.stream()
                .map(m -> m.controlNumber() != null
                        ? m.controlNumber()
                        : "'" + m.key() + "' (no verified control number)")
                .distinct()
                .toList());
    }

    private String acts(List<Match> matches) {
        return matches.stream().map(Match::legalBasis).distinct().collect(Collectors.joining("; "));
    }

    private static String list(List<String> items) {
        return String.join(", ", items);
    }
}
