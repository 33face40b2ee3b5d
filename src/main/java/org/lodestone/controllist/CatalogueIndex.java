package org.lodestone.controllist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable in-memory snapshot of the catalogue, indexed for determination: by element, reference HS code and
 * control number. Built once per catalogue change, so a determination never queries the database.
 */
final class CatalogueIndex {

    private final CatalogueData data;
    private final Map<String, LegalAct> acts = new HashMap<>();
    private final Map<String, List<ControlEntry>> byKey = new LinkedHashMap<>();
    private final Map<String, List<ControlEntry>> byElement = new HashMap<>();
    private final Map<String, List<ControlEntry>> byHsCode = new HashMap<>();
    private final List<ControlEntry> withoutElements = new ArrayList<>();
    private final Set<String> controlNumbers = new HashSet<>();
    private final List<Suspension> effectiveSuspensions;

    private CatalogueIndex(CatalogueData data) {
        this.data = data;
        data.legalActs().forEach(a -> acts.put(a.key(), a));
        for (ControlEntry e : data.entries()) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
            e.elements()
                    .forEach(el -> byElement
                            .computeIfAbsent(el, k -> new ArrayList<>())
                            .add(e));
            e.hsCodes()
                    .forEach(h -> byHsCode.computeIfAbsent(h.code(), k -> new ArrayList<>())
                            .add(e));
            if (e.elements().isEmpty()) {
                withoutElements.add(e);
            }
            if (e.controlNumber() != null) {
                controlNumbers.add(e.controlNumber().toUpperCase(Locale.ROOT));
            }
        }
        byKey.values().forEach(l -> l.sort(Comparator.comparing(ControlEntry::versionNo)));
        Set<String> superseded = new HashSet<>();
        data.suspensions().forEach(s -> {
            if (s.supersedes() != null) {
                superseded.add(s.supersedes());
            }
        });
        this.effectiveSuspensions = data.suspensions().stream()
                .filter(s -> !superseded.contains(s.key()))
                .toList();
    }

    static CatalogueIndex of(CatalogueData data) {
        return new CatalogueIndex(data);
    }

    CatalogueData data() {
        return data;
    }

    String revision() {
        return data.revision();
    }

    @Nullable
    LegalAct act(String key) {
        return acts.get(key);
    }

    List<ControlEntry> versions(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    Set<String> entryKeys() {
        return byKey.keySet();
    }

    List<ControlEntry> byElement(String symbol) {
        return byElement.getOrDefault(symbol, List.of());
    }

    List<ControlEntry> withoutElements() {
        return withoutElements;
    }

    /** Versions whose reference HS codes start with the given code (a 6-digit heading matches its 10-digit lines). */
    List<ControlEntry> byHsCode(String code) {
        if (code.length() == 10) {
            return byHsCode.getOrDefault(code, List.of());
        }
        var out = new ArrayList<ControlEntry>();
        byHsCode.forEach((k, v) -> {
            if (k.startsWith(code)) {
                v.forEach(e -> {
                    if (!out.contains(e)) {
                        out.add(e);
                    }
                });
            }
        });
        return out;
    }

    /** Versions whose control number is the given one or one of its sub-items ("1C905" → 1C905.a, .b, .c). */
    List<ControlEntry> byControlNumber(String number) {
        String n = number.toUpperCase(Locale.ROOT);
        var out = new ArrayList<ControlEntry>();
        for (ControlEntry e : data.entries()) {
            if (e.controlNumber() == null) {
                continue;
            }
            String c = e.controlNumber().toUpperCase(Locale.ROOT);
            if (c.equals(n) || c.startsWith(n + ".")) {
                out.add(e);
            }
        }
        return out;
    }

    boolean knowsControlNumber(String number) {
        String n = number.toUpperCase(Locale.ROOT);
        return controlNumbers.stream().anyMatch(c -> c.equals(n) || c.startsWith(n + "."));
    }

    /** The suspension covering the act or rule on the date, if any. */
    Optional<Suspension> suspensionOn(String actOrRuleKey, LocalDate date) {
        return effectiveSuspensions.stream()
                .filter(s -> s.suspends(actOrRuleKey) && s.covers(date))
                .findFirst();
    }

    /**
     * The latest suspension of the act or rule that ended before the date without anyone having verified whether it
     * was extended: the source of the "check current announcements" warning.
     */
    Optional<Suspension> unverifiedEndedSuspension(String actOrRuleKey, LocalDate date) {
        return effectiveSuspensions.stream()
                .filter(s -> s.suspends(actOrRuleKey) && s.endsOn() != null && date.isAfter(s.endsOn()))
                .max(Comparator.comparing(Suspension::endsOn))
                .filter(s -> !s.extensionVerified());
    }

    List<ControlRule> rules() {
        return data.rules();
    }

    String citation(String actKey) {
        LegalAct act = acts.get(actKey);
        return act == null ? actKey : act.citation();
    }

    String actNumber(String actKey) {
        LegalAct act = acts.get(actKey);
        return act == null ? actKey : act.number();
    }
}
