package org.lodestone.controllist;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the human-maintained data file ({@code controllist/control-list.yaml}) into {@link CatalogueData}. Strict: an
 * unknown confidence tag, form or missing required field fails with the path of the offending node, so a typo in the
 * data never becomes a silent gap in the catalogue. Guarded by {@code ControlListYamlTests}.
 */
final class ControlListYaml {

    static final String RESOURCE = "controllist/control-list.yaml";

    private ControlListYaml() {}

    /** The parsed file and the SHA-256 of its bytes, which together identify the revision that was loaded. */
    record Parsed(CatalogueData data, String sha256) {}

    static Parsed parseClasspath() {
        try (InputStream in = ControlListYaml.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Data file " + RESOURCE + " is missing from the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    static Parsed parse(byte[] bytes) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root = new Yaml(new SafeConstructor(options)).load(new String(bytes, StandardCharsets.UTF_8));
        Map<String, Object> doc = map(root, "$");
        String revision = str(doc, "revision", "$");
        var acts = new ArrayList<LegalAct>();
        int i = 0;
        for (Object o : list(doc, "legalActs", "$")) {
            acts.add(legalAct(map(o, "legalActs[" + i + "]"), "legalActs[" + i++ + "]"));
        }
        var entries = new ArrayList<ControlEntry>();
        i = 0;
        for (Object o : list(doc, "entries", "$")) {
            entries.add(entry(map(o, "entries[" + i + "]"), "entries[" + i++ + "]"));
        }
        var rules = new ArrayList<ControlRule>();
        i = 0;
        for (Object o : list(doc, "rules", "$")) {
            rules.add(rule(map(o, "rules[" + i + "]"), "rules[" + i++ + "]"));
        }
        var suspensions = new ArrayList<Suspension>();
        i = 0;
        for (Object o : list(doc, "suspensions", "$")) {
            suspensions.add(suspension(map(o, "suspensions[" + i + "]"), "suspensions[" + i++ + "]"));
        }
        return new Parsed(new CatalogueData(revision, acts, entries, rules, suspensions), sha256(bytes));
    }

    private static LegalAct legalAct(Map<String, Object> m, String path) {
        return new LegalAct(
                str(m, "key", path),
                str(m, "number", path),
                str(m, "title", path),
                strings(m, "issuingBodies", path),
                optDate(m, "issuedOn", path),
                optConfidence(m, "issuedOnConfidence", path),
                optDate(m, "effectiveFrom", path),
                optConfidence(m, "effectiveFromConfidence", path),
                Confidence.parse(str(m, "confidence", path)),
                optStr(m, "source"),
                optStr(m, "note"));
    }

    private static ControlEntry entry(Map<String, Object> m, String path) {
        var hs = new ArrayList<HsReference>();
        int i = 0;
        for (Object o : optList(m, "hsCodes", path)) {
            String p = path + ".hsCodes[" + i++ + "]";
            Map<String, Object> h = map(o, p);
            hs.add(new HsReference(str(h, "code", p), Confidence.parse(str(h, "confidence", p))));
        }
        return new ControlEntry(
                str(m, "key", path),
                1,
                optStr(m, "controlNumber"),
                Confidence.parse(str(m, "controlNumberConfidence", path)),
                optStrings(m, "elements", path),
                optStrings(m, "forms", path).stream().map(ItemForm::parse).toList(),
                optStrings(m, "keywords", path),
                str(m, "description", path),
                hs,
                str(m, "legalAct", path),
                date(m, "effectiveFrom", path),
                optDate(m, "effectiveTo", path),
                Confidence.parse(str(m, "confidence", path)),
                optStr(m, "note"),
                "data-file",
                null);
    }

    private static ControlRule rule(Map<String, Object> m, String path) {
        Object threshold = m.get("valueThresholdPercent");
        return new ControlRule(
                str(m, "key", path),
                RuleKind.parse(str(m, "kind", path)),
                str(m, "legalAct", path),
                m.get("article") == null ? "" : String.valueOf(m.get("article")),
                str(m, "description", path),
                optStrings(m, "destinations", path),
                optStrings(m, "endUses", path).stream().map(EndUse::parse).toList(),
                optStrings(m, "appliesToActs", path),
                threshold == null ? null : new BigDecimal(threshold.toString()),
                date(m, "effectiveFrom", path),
                optDate(m, "effectiveTo", path),
                Confidence.parse(str(m, "confidence", path)),
                optStr(m, "note"));
    }

    private static Suspension suspension(Map<String, Object> m, String path) {
        return new Suspension(
                str(m, "key", path),
                str(m, "legalAct", path),
                optStrings(m, "suspendsActs", path),
                optStrings(m, "suspendsRules", path),
                date(m, "startsOn", path),
                optDate(m, "endsOn", path),
                Boolean.TRUE.equals(m.get("extensionVerified")),
                optStr(m, "supersedes"),
                Confidence.parse(str(m, "confidence", path)),
                optStr(m, "note"),
                "data-file",
                null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object o, String path) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(path + ": expected a mapping");
    }

    private static List<?> list(Map<String, Object> m, String key, String path) {
        Object o = m.get(key);
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(path + "." + key + ": expected a list");
    }

    private static List<?> optList(Map<String, Object> m, String key, String path) {
        return m.get(key) == null ? List.of() : list(m, key, path);
    }

    private static String str(Map<String, Object> m, String key, String path) {
        String s = optStr(m, key);
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(path + "." + key + ": required");
        }
        return s;
    }

    private static @Nullable String optStr(Map<String, Object> m, String key) {
        Object o = m.get(key);
        return o == null ? null : o.toString().strip();
    }

    private static List<String> strings(Map<String, Object> m, String key, String path) {
        return list(m, key, path).stream().map(o -> String.valueOf(o).strip()).toList();
    }

    private static List<String> optStrings(Map<String, Object> m, String key, String path) {
        return optList(m, key, path).stream()
                .map(o -> String.valueOf(o).strip())
                .toList();
    }

    private static @Nullable Confidence optConfidence(Map<String, Object> m, String key, String path) {
        String s = optStr(m, key);
        return s == null ? null : Confidence.parse(s);
    }

    private static LocalDate date(Map<String, Object> m, String key, String path) {
        LocalDate d = optDate(m, key, path);
        if (d == null) {
            throw new IllegalArgumentException(path + "." + key + ": required date");
        }
        return d;
    }

    private static @Nullable LocalDate optDate(Map<String, Object> m, String key, String path) {
        Object o = m.get(key);
        if (o == null) {
            return null;
        }
        // SnakeYAML resolves unquoted ISO dates to java.util.Date at UTC midnight.
        if (o instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(o.toString().strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + "." + key + ": not an ISO date: " + o);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
