package org.lodestone.licensing.application.completeness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.application.ApplicationContent;
import org.lodestone.licensing.application.Completeness;
import org.lodestone.licensing.application.Item;
import org.lodestone.licensing.application.MissingPiece;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.Snapshots;
import org.lodestone.licensing.application.completeness.CompletenessRules.Alternative;
import org.lodestone.licensing.application.completeness.CompletenessRules.Condition;
import org.lodestone.licensing.application.completeness.CompletenessRules.Evidence;
import org.lodestone.licensing.application.completeness.CompletenessRules.Field;
import org.lodestone.licensing.application.completeness.CompletenessRules.PartyWithRole;
import org.lodestone.licensing.application.completeness.CompletenessRules.Rule;
import org.lodestone.licensing.evidence.EvidenceOnFile;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates the checklist plus the structural checks against an application's content and the evidence on file. Pure:
 * it sees evidence only as a list (from {@code EvidenceCatalogue}) and control entries only through a function from
 * entry key to element symbols, so it is unit-tested without Spring ({@code CompletenessRulesTests}). Evidence counts
 * for a party or an item only when it is filed about that party or item; for the application any document of the
 * type counts.
 */
public final class CompletenessCheck {

    private final CompletenessRules rules;

    public CompletenessCheck(CompletenessRules rules) {
        this.rules = rules;
    }

    public CompletenessRules rules() {
        return rules;
    }

    public Completeness evaluate(
            ApplicationContent content, List<EvidenceOnFile> evidence, Function<String, Set<String>> entryElements) {
        List<MissingPiece> missing = new ArrayList<>(structural(content));
        JsonNode application = Snapshots.tree(content);
        for (Rule rule : rules.rules()) {
            switch (rule.scope()) {
                case APPLICATION -> {
                    if (appliesToApplication(rule.when(), content, entryElements)
                            && !satisfied(rule, content, application, null, evidence, d -> true)) {
                        missing.add(new MissingPiece(
                                rule.code(), fill(rule.message(), null, null, 0), target(rule, "application")));
                    }
                }
                case PARTY -> {
                    for (Party party : content.parties()) {
                        if (appliesToParty(rule.when(), content, party)
                                && !satisfied(
                                        rule,
                                        content,
                                        application,
                                        Snapshots.tree(party),
                                        evidence,
                                        d -> party.id().equals(d.partyId()))) {
                            missing.add(new MissingPiece(
                                    rule.code(), fill(rule.message(), party, null, 0), "parties/" + party.id()));
                        }
                    }
                }
                case ITEM -> {
                    for (int n = 0; n < content.items().size(); n++) {
                        Item item = content.items().get(n);
                        if (appliesToItem(rule.when(), content, item, entryElements)
                                && !satisfied(
                                        rule,
                                        content,
                                        application,
                                        Snapshots.tree(item),
                                        evidence,
                                        d -> item.id().equals(d.itemId()))) {
                            missing.add(new MissingPiece(
                                    rule.code(), fill(rule.message(), null, item, n + 1), "items/" + item.id()));
                        }
                    }
                }
            }
        }
        return Completeness.of(missing);
    }

    /** What every application needs whatever the rules file says: something to export, and one consignee. */
    private static List<MissingPiece> structural(ApplicationContent content) {
        List<MissingPiece> out = new ArrayList<>();
        if (content.items().isEmpty()) {
            out.add(new MissingPiece("ITEMS", "no items: add at least one item to be exported", "items"));
        }
        long consignees = content.parties().stream()
                .filter(p -> p.role() == PartyRole.CONSIGNEE)
                .count();
        if (consignees > 1) {
            out.add(new MissingPiece(
                    "SINGLE_CONSIGNEE",
                    "more than one CONSIGNEE party (" + consignees + "): an application is filed for one consignee",
                    "parties"));
        }
        return out;
    }

    private static String target(Rule rule, String fallback) {
        for (Alternative a : rule.anyOf()) {
            if (a instanceof Field f && rule.anyOf().size() == 1) {
                return f.path().substring(f.path().indexOf('.') + 1);
            }
        }
        return fallback;
    }

    private static boolean satisfied(
            Rule rule,
            ApplicationContent content,
            JsonNode application,
            @Nullable JsonNode target,
            List<EvidenceOnFile> evidence,
            java.util.function.Predicate<EvidenceOnFile> about) {
        for (Alternative a : rule.anyOf()) {
            boolean ok = switch (a) {
                case Evidence e -> evidence.stream().anyMatch(d -> d.type() == e.type() && about.test(d));
                case PartyWithRole p -> content.parties().stream().anyMatch(x -> x.role() == p.role());
                case Field f -> filled(resolve(f.path(), application, target));
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable JsonNode resolve(String path, JsonNode application, @Nullable JsonNode target) {
        int dot = path.indexOf('.');
        String prefix = dot < 0 ? path : path.substring(0, dot);
        JsonNode node = prefix.equals("application") ? application : target;
        if (dot < 0 || node == null) {
            return node;
        }
        return node.at("/" + path.substring(dot + 1).replace('.', '/'));
    }

    /** Filled means: a non-blank text, true, a number, or a non-empty list or object. */
    static boolean filled(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isString()) {
            return !node.asString().isBlank();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isContainer()) {
            return !node.isEmpty();
        }
        return true;
    }

    private static boolean appliesToApplication(
            Condition when, ApplicationContent content, Function<String, Set<String>> entryElements) {
        if (!sectorMatches(when, content)) {
            return false;
        }
        if (when.forms().isEmpty()
                && when.elements().isEmpty()
                && when.controlEntries().isEmpty()) {
            return true;
        }
        return content.items().stream().anyMatch(i -> itemMatches(when, i, entryElements));
    }

    private static boolean appliesToParty(Condition when, ApplicationContent content, Party party) {
        return sectorMatches(when, content)
                && (when.roles().isEmpty() || when.roles().contains(party.role()));
    }

    private static boolean appliesToItem(
            Condition when, ApplicationContent content, Item item, Function<String, Set<String>> entryElements) {
        return sectorMatches(when, content) && itemMatches(when, item, entryElements);
    }

    private static boolean sectorMatches(Condition when, ApplicationContent content) {
        return when.sectors().isEmpty()
                || (content.endUse().sector() != null
                        && when.sectors().contains(content.endUse().sector()));
    }

    /** Elements match by declared content or by the elements the item's control entry lists. */
    private static boolean itemMatches(Condition when, Item item, Function<String, Set<String>> entryElements) {
        if (!when.forms().isEmpty() && !when.forms().contains(item.form())) {
            return false;
        }
        if (!when.controlEntries().isEmpty() && !when.controlEntries().contains(item.controlEntry())) {
            return false;
        }
        if (!when.elements().isEmpty()) {
            Set<String> present = new HashSet<>(item.elements().keySet());
            present.addAll(entryElements.apply(item.controlEntry()));
            return present.stream().anyMatch(when.elements()::contains);
        }
        return true;
    }

    private static String fill(String message, @Nullable Party party, @Nullable Item item, int itemNumber) {
        String out = message;
        if (party != null) {
            out = out.replace("{party}", party.nameLatin())
                    .replace("{role}", party.role().name());
        }
        if (item != null) {
            out = out.replace("{item}", Integer.toString(itemNumber)).replace("{description}", item.description());
        }
        return out;
    }
}
