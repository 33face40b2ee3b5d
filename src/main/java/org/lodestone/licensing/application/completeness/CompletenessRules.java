package org.lodestone.licensing.application.completeness;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.ItemForm;
import org.lodestone.licensing.application.ApplicationContent;
import org.lodestone.licensing.application.EndUseSector;
import org.lodestone.licensing.application.Item;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.evidence.DocumentType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The checklist read from {@code licensing/completeness-rules.yaml}. Strict: an unknown key, scope, role, form, sector,
 * document type or a field path that names no field of the application fails with the rule's code, so a typo never
 * becomes a silently skipped rule. The format is documented in {@code docs/licensing.md}; guarded by
 * {@code CompletenessRulesTests}.
 */
public record CompletenessRules(String revision, List<Rule> rules) {

    public static final String RESOURCE = "licensing/completeness-rules.yaml";

    public CompletenessRules {
        rules = List.copyOf(rules);
    }

    public enum Scope {
        APPLICATION,
        PARTY,
        ITEM
    }

    /** When a rule applies; empty lists mean "any". */
    public record Condition(
            Set<PartyRole> roles,
            Set<ItemForm> forms,
            Set<String> elements,
            Set<String> controlEntries,
            Set<EndUseSector> sectors) {

        static final Condition ALWAYS = new Condition(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** One way to satisfy a rule: a document of a type, a filled field, or a party with a role. */
    public sealed interface Alternative {}

    public record Evidence(DocumentType type) implements Alternative {}

    /** {@code path} starts with {@code application.}, {@code item.} or {@code party.}. */
    public record Field(String path) implements Alternative {}

    public record PartyWithRole(PartyRole role) implements Alternative {}

    /** A rule is satisfied when any one of its alternatives holds for its target. */
    public record Rule(String code, Scope scope, Condition when, List<Alternative> anyOf, String message) {

        public Rule {
            anyOf = List.copyOf(anyOf);
        }
    }

    public static CompletenessRules load() {
        try (InputStream in = CompletenessRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Rules file " + RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    public static CompletenessRules parse(String yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Object> root = map(doc, "(file)");
        only(root, "(file)", Set.of("revision", "rules"));
        String revision = text(root.get("revision"), "revision");
        List<Rule> rules = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        for (Object raw : list(root.get("rules"), "rules")) {
            Map<String, Object> r = map(raw, "rules[" + rules.size() + "]");
            String code = text(r.get("code"), "rules[" + rules.size() + "].code");
            String where = "rule " + code;
            if (!codes.add(code)) {
                throw new IllegalArgumentException(where + ": duplicate code");
            }
            only(r, where, Set.of("code", "scope", "when", "anyOf", "message"));
            Scope scope = r.get("scope") == null
                    ? Scope.APPLICATION
                    : parseEnum(Scope.class, text(r.get("scope"), where + ".scope"), where + ".scope");
            Condition when = r.get("when") == null ? Condition.ALWAYS : condition(map(r.get("when"), where), where);
            if (!when.roles().isEmpty() && scope != Scope.PARTY) {
                throw new IllegalArgumentException(where + ": 'roles' applies to scope party only");
            }
            List<Alternative> alternatives = new ArrayList<>();
            for (Object a : list(r.get("anyOf"), where + ".anyOf")) {
                alternatives.add(alternative(map(a, where + ".anyOf"), scope, where));
            }
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException(where + ": anyOf must name at least one alternative");
            }
            rules.add(new Rule(code, scope, when, alternatives, text(r.get("message"), where + ".message")));
        }
        return new CompletenessRules(revision, rules);
    }

    private static Condition condition(Map<String, Object> m, String where) {
        only(m, where + ".when", Set.of("roles", "forms", "elements", "controlEntries", "sectors"));
        return new Condition(
                enums(m.get("roles"), PartyRole.class, where + ".when.roles"),
                enums(m.get("forms"), ItemForm.class, where + ".when.forms"),
                strings(m.get("elements"), where + ".when.elements"),
                strings(m.get("controlEntries"), where + ".when.controlEntries"),
                enums(m.get("sectors"), EndUseSector.class, where + ".when.sectors"));
    }

    private static Alternative alternative(Map<String, Object> m, Scope scope, String where) {
        if (m.size() != 1) {
            throw new IllegalArgumentException(where + ": each alternative has exactly one of evidence, field, party");
        }
        var e = m.entrySet().iterator().next();
        String value = text(e.getValue(), where + "." + e.getKey());
        return switch (e.getKey()) {
            case "evidence" -> new Evidence(parseEnum(DocumentType.class, value, where + ".evidence"));
            case "party" -> new PartyWithRole(parseEnum(PartyRole.class, value, where + ".party"));
            case "field" -> {
                checkPath(value, scope, where);
                yield new Field(value);
            }
            default -> throw new IllegalArgumentException(where + ": unknown alternative '" + e.getKey() + "'");
        };
    }

    /** The path must name a component of the application's records, so a rule can never point at nothing. */
    private static void checkPath(String path, Scope scope, String where) {
        String[] parts = path.split("\\.");
        Class<?> type = switch (parts[0]) {
            case "application" -> ApplicationContent.class;
            case "item" -> scope == Scope.ITEM ? Item.class : null;
            case "party" -> scope == Scope.PARTY ? Party.class : null;
            default -> null;
        };
        if (type == null) {
            throw new IllegalArgumentException(where + ": field '" + path
                    + "' must start with application., or item./party. in a rule of that scope");
        }
        Type current = type;
        for (int i = 1; i < parts.length; i++) {
            Class<?> raw = current instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) current;
            if (!raw.isRecord()) {
                throw new IllegalArgumentException(where + ": field '" + path + "' goes below a value");
            }
            RecordComponent found = null;
            for (RecordComponent c : raw.getRecordComponents()) {
                if (c.getName().equals(parts[i])) {
                    found = c;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(where + ": field '" + path + "' names no field ('" + parts[i]
                        + "' is not part of " + raw.getSimpleName() + ")");
            }
            current = found.getGenericType();
        }
    }

    private static <E extends Enum<E>> Set<E> enums(@Nullable Object raw, Class<E> type, String where) {
        if (raw == null) {
            return Set.of();
        }
        var out = new java.util.LinkedHashSet<E>();
        for (Object o : list(raw, where)) {
            out.add(parseEnum(type, text(o, where), where));
        }
        return Set.copyOf(out);
    }

    private static Set<String> strings(@Nullable Object raw, String where) {
        if (raw == null) {
            return Set.of();
        }
        return list(raw, where).stream().map(o -> text(o, where)).collect(java.util.stream.Collectors.toSet());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String where) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + ": '" + raw + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object raw, String where) {
        if (raw instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + ": expected a mapping");
    }

    private static List<?> list(@Nullable Object raw, String where) {
        if (raw instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(where + ": expected a list");
    }

    private static String text(@Nullable Object raw, String where) {
        if (raw == null || String.valueOf(raw).isBlank()) {
            throw new IllegalArgumentException(where + ": required");
        }
        return String.valueOf(raw);
    }

    private static void only(Map<String, Object> m, String where, Set<String> allowed) {
        for (String key : m.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
            }
        }
    }
}
