package org.lodestone.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The data file against the facts (#2): it parses, every control number of {@code regulatory-facts.md} (a copy kept
 * in test resources) appears with the same confidence, and no entry carries a control number that neither the facts
 * nor a cited source gives. Cross-references (legal acts, rules, suspensions) all resolve.
 */
class ControlListYamlTests {

    static final CatalogueData DATA = ControlListYaml.parseClasspath().data();

    /**
     * Control numbers and confidence as regulatory-facts.md tags them: 1C902-1C904 [secondary]; 1C905-1C908 [inferred];
     * 1C909-1C913 [inferred]; 1E902 and 2B902 under "October 2025 package [secondary]".
     */
    static final Map<String, Confidence> FACTS = Map.ofEntries(
            Map.entry("1C902", Confidence.SECONDARY),
            Map.entry("1C903", Confidence.SECONDARY),
            Map.entry("1C904", Confidence.SECONDARY),
            Map.entry("1C905", Confidence.INFERRED),
            Map.entry("1C906", Confidence.INFERRED),
            Map.entry("1C907", Confidence.INFERRED),
            Map.entry("1C908", Confidence.INFERRED),
            Map.entry("1C909", Confidence.INFERRED),
            Map.entry("1C910", Confidence.INFERRED),
            Map.entry("1C911", Confidence.INFERRED),
            Map.entry("1C912", Confidence.INFERRED),
            Map.entry("1C913", Confidence.INFERRED),
            Map.entry("1E902", Confidence.SECONDARY),
            Map.entry("2B902", Confidence.SECONDARY));

    static String facts() throws IOException {
        try (InputStream in = ControlListYamlTests.class.getResourceAsStream("/controllist/regulatory-facts.md")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTableAboveCoversEveryControlNumberInTheFactsFile() throws IOException {
        Matcher m = Pattern.compile("\\b([0-9][A-E][0-9]{3})").matcher(facts());
        Set<String> inFacts = new TreeSet<>();
        while (m.find()) {
            inFacts.add(m.group(1));
        }
        assertThat(inFacts).isEqualTo(new TreeSet<>(FACTS.keySet()));
    }

    @Test
    void theFactsFileTagsTheNumbersAsTheTableSays() throws IOException {
        String facts = facts();
        for (String n : Set.of("1C902", "1C903", "1C904")) {
            assertThat(facts).contains(n + " [secondary]");
        }
        for (String n : Set.of("1C905", "1C906", "1C907", "1C908")) {
            assertThat(facts).contains(n + " [inferred]");
        }
        assertThat(facts)
                .contains("ytterbium 1C913 [inferred]")
                .contains("October 2025 package** (all issued 9 Oct 2025) [secondary]");
    }

    @Test
    void everyControlNumberOfTheFactsAppearsWithTheSameConfidence() {
        FACTS.forEach((number, confidence) -> {
            var entries = DATA.entries().stream()
                    .filter(e -> e.controlNumber() != null
                            && (e.controlNumber().equals(number)
                                    || e.controlNumber().startsWith(number + ".")))
                    .toList();
            assertThat(entries).as(number).isNotEmpty();
            assertThat(entries)
                    .as(number)
                    .allSatisfy(e -> assertThat(e.controlNumberConfidence()).isEqualTo(confidence));
        });
    }

    @Test
    void noEntryHasAControlNumberTheFactsDoNotGive() {
        for (ControlEntry e : DATA.entries()) {
            if (e.controlNumber() == null) {
                assertThat(e.controlNumberConfidence()).as(e.key()).isEqualTo(Confidence.UNVERIFIED);
                continue;
            }
            String base = e.controlNumber().contains(".")
                    ? e.controlNumber().substring(0, e.controlNumber().indexOf('.'))
                    : e.controlNumber();
            assertThat(FACTS).as(e.key() + " " + e.controlNumber()).containsKey(base);
            // Sub-items only as the facts describe them: .a/.b/.c for elements, .a/.b for 1E902, none for 2B902.
            String suffix = e.controlNumber().substring(base.length());
            if (base.startsWith("1C9")) {
                assertThat(suffix).isIn(".a", ".b", ".c");
            } else if (base.equals("1E902")) {
                assertThat(suffix).isIn(".a", ".b");
            } else {
                assertThat(suffix).isEmpty();
            }
        }
    }

    @Test
    void controlNumbersAreUniqueAndTheSevenAndFiveElementsAreComplete() {
        var numbers = DATA.entries().stream()
                .map(ControlEntry::controlNumber)
                .filter(Objects::nonNull)
                .toList();
        assertThat(new HashSet<>(numbers)).hasSameSizeAs(numbers);
        var elements =
                DATA.entries().stream().flatMap(e -> e.elements().stream()).collect(Collectors.toSet());
        assertThat(elements)
                .contains("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y", "Ho", "Er", "Tm", "Eu", "Yb", "Ga", "Ge", "Sb", "C");
        var keys = DATA.entries().stream().map(ControlEntry::key).toList();
        assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
    }

    @Test
    void factsFromTheFactsFileAreCarriedAsStated() {
        assertThat(entry("y-metal-alloys-targets").hsCodes())
                .contains(new HsReference("2805301700", Confidence.SECONDARY));
        assertThat(entry("tb-metal-alloys-targets-magnets").hsCodes())
                .contains(new HsReference("2805301300", Confidence.INFERRED));
        assertThat(entry("dy-metal-alloys-targets-magnets").hsCodes())
                .contains(new HsReference("2805301200", Confidence.INFERRED));
        assertThat(entry("sm-oxide").hsCodes())
                .extracting(HsReference::code)
                .contains("2846901940", "2846901993", "3824999922");
        Suspension no70 = DATA.suspensions().stream()
                .filter(s -> s.key().equals("mofcom-gac-2025-70"))
                .findFirst()
                .orElseThrow();
        assertThat(no70.endsOn()).hasToString("2026-11-10");
        assertThat(no70.extensionVerified()).isFalse();
        assertThat(no70.suspendsActs())
                .containsExactlyInAnyOrder(
                        "mofcom-gac-2025-55",
                        "mofcom-gac-2025-56",
                        "mofcom-gac-2025-57",
                        "mofcom-gac-2025-58",
                        "mofcom-2025-61",
                        "mofcom-2025-62");
        Suspension no72 = DATA.suspensions().stream()
                .filter(s -> s.key().equals("mofcom-2025-72"))
                .findFirst()
                .orElseThrow();
        assertThat(no72.endsOn()).hasToString("2026-11-27");
        assertThat(act("mofcom-gac-2025-18").effectiveFrom()).hasToString("2025-04-04");
        assertThat(act("mofcom-gac-2025-56").effectiveFrom()).hasToString("2025-11-08");
        assertThat(act("mofcom-2025-61").effectiveFrom()).hasToString("2025-12-01");
    }

    @Test
    void unverifiedFactsAreLeftEmptyAndSaySo() {
        assertThat(act("mofcom-gac-2025-55").effectiveFrom()).isNull();
        assertThat(act("mofcom-gac-2025-58").effectiveFrom()).isNull();
        assertThat(act("mofcom-gac-2025-55").note()).contains("NOT verified");
        assertThat(entry("ge-metal").hsCodes()).isEmpty();
        assertThat(entry("ge-metal").note()).contains("not in our sources");
        for (String key : Set.of(
                "ga-metal",
                "ga-compounds",
                "ge-metal",
                "ge-compounds",
                "sb-metal",
                "graphite-natural-flake",
                "superhard-materials")) {
            assertThat(entry(key).controlNumber()).as(key).isNull();
        }
    }

    @Test
    void everyReferenceResolves() {
        Set<String> acts = DATA.legalActs().stream().map(LegalAct::key).collect(Collectors.toSet());
        Set<String> rules = DATA.rules().stream().map(ControlRule::key).collect(Collectors.toSet());
        DATA.entries().forEach(e -> assertThat(acts).as(e.key()).contains(e.legalActKey()));
        DATA.rules().forEach(r -> {
            assertThat(acts).as(r.key()).contains(r.legalActKey());
            assertThat(acts).as(r.key()).containsAll(r.appliesToActs());
        });
        DATA.suspensions().forEach(s -> {
            assertThat(acts).as(s.key()).contains(s.legalActKey()).containsAll(s.suspendsActs());
            assertThat(rules).as(s.key()).containsAll(s.suspendsRules());
        });
    }

    @Test
    void aTypoInTheDataFails() {
        byte[] bad = """
                revision: x
                legalActs: []
                entries:
                  - {key: k, controlNumberConfidence: sure, description: d, legalAct: a, effectiveFrom: 2025-01-01, confidence: text}
                rules: []
                suspensions: []
                """.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ControlListYaml.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    static ControlEntry entry(String key) {
        return DATA.entries().stream()
                .filter(e -> e.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    static LegalAct act(String key) {
        return DATA.legalActs().stream()
                .filter(a -> a.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
