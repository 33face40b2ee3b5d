package org.lodestone.licensing.application.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestone.controllist.ItemForm;
import org.lodestone.licensing.application.ApplicationContent;
import org.lodestone.licensing.application.BusinessRelationship;
import org.lodestone.licensing.application.Completeness;
import org.lodestone.licensing.application.Declarations;
import org.lodestone.licensing.application.EndUse;
import org.lodestone.licensing.application.EndUseSector;
import org.lodestone.licensing.application.Item;
import org.lodestone.licensing.application.MissingPiece;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.Production;
import org.lodestone.licensing.application.QuantityUnit;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceOnFile;

/** The shipped rules file parses strictly, and a table of applications yields exactly the expected missing codes. */
class CompletenessRulesTests {

    static final CompletenessCheck CHECK = new CompletenessCheck(CompletenessRules.load());
    static final Function<String, Set<String>> ENTRIES =
            key -> key.startsWith("dy-") ? Set.of("Dy") : key.startsWith("sm-") ? Set.of("Sm") : Set.of();

    static final UUID CONSIGNEE = UUID.randomUUID();
    static final UUID END_USER = UUID.randomUUID();
    static final UUID MAGNET = UUID.randomUUID();
    static final UUID OXIDE = UUID.randomUUID();

    @Test
    void shippedRulesParseAndCoverTheIssueExamples() {
        var rules = CompletenessRules.load();
        assertThat(rules.revision()).isNotBlank();
        assertThat(rules.rules())
                .extracting(CompletenessRules.Rule::code)
                .contains(
                        "END_USER_CERTIFICATE",
                        "PRODUCT_EVIDENCE",
                        "PRODUCTION_EVIDENCE",
                        "CUSTOMER_ORDER",
                        "END_USER_PARTY",
                        "RELATIONSHIP_SINCE",
                        "DECLARATION_ACCURACY");
    }

    @Test
    void aCompleteApplicationMissesNothing() {
        Completeness c = CHECK.evaluate(complete(), fullEvidence(), ENTRIES);
        assertThat(c.missing()).isEmpty();
        assertThat(c.complete()).isTrue();
    }

    /** Each row breaks the complete application in one way; the codes reported must be exactly those listed. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        no end-user certificate         | END_USER_CERTIFICATE
        certificate about wrong party   | END_USER_CERTIFICATE
        no end user                     | END_USER_PARTY
        no parties                      | CONSIGNEE_PARTY END_USER_PARTY
        two consignees                  | SINGLE_CONSIGNEE
        no items                        | ITEMS
        magnet without production proof | PRODUCTION_EVIDENCE
        no product photo nor spec       | PRODUCT_EVIDENCE
        spec instead of photo           |
        no customer order               | CUSTOMER_ORDER
        no sector                       | END_USE_SECTOR
        research needs statement doc    | SENSITIVE_END_USE_STATEMENT
        no relationship                 | RELATIONSHIP_SINCE RELATIONSHIP_VOLUMES
        business history replaces vols  |
        declarations not given          | DECLARATION_ACCURACY DECLARATION_END_USE DECLARATION_NO_RE_EXPORT DECLARATION_SIGNATORY DECLARATION_DATE
        dy item without element content | ELEMENT_CONTENT
        consignee without identifiers   | CONSIGNEE_REGISTRATION
        """)
    void reportsExactlyWhatIsMissing(String scenario, String expected) {
        ApplicationContent c = complete();
        List<EvidenceOnFile> files = new ArrayList<>(fullEvidence());
        switch (scenario) {
            case "no end-user certificate" -> files.removeIf(d -> d.type() == DocumentType.END_USER_CERTIFICATE);
            case "certificate about wrong party" -> {
                files.removeIf(d -> d.type() == DocumentType.END_USER_CERTIFICATE);
                files.add(doc(DocumentType.END_USER_CERTIFICATE, CONSIGNEE, null));
            }
            case "no end user" -> c = c.withParties(List.of(c.parties().get(0)));
            case "no parties" -> c = c.withParties(List.of());
            case "two consignees" ->
                c = c.withParties(List.of(
                        c.parties().get(0),
                        consignee(UUID.randomUUID()),
                        c.parties().get(1)));
            case "no items" -> c = c.withItems(List.of());
            case "magnet without production proof" -> {
                files.removeIf(d -> d.type() == DocumentType.PRODUCTION_LINE_VIDEO);
                c = c.withDetails(
                        null, c.endUse(), new Production(null, "sintering", null), c.relationship(), c.declarations());
            }
            case "no product photo nor spec" ->
                files.removeIf(d -> d.type() == DocumentType.PRODUCT_PHOTO && MAGNET.equals(d.itemId()));
            case "spec instead of photo" -> {
                files.removeIf(d -> d.type() == DocumentType.PRODUCT_PHOTO && MAGNET.equals(d.itemId()));
                c = c.withItems(
                        List.of(magnet("Grade N52SH, 50x20x5 mm"), c.items().get(1)));
            }
            case "no customer order" -> files.removeIf(d -> d.type() == DocumentType.CUSTOMER_ORDER);
            case "no sector" ->
                c = c.withDetails(
                        null,
                        new EndUse(null, "Motor", "Statement"),
                        c.production(),
                        c.relationship(),
                        c.declarations());
            case "research needs statement doc" ->
                c = c.withDetails(
                        null,
                        new EndUse(EndUseSector.RESEARCH, "Lab samples", "Material research"),
                        c.production(),
                        c.relationship(),
                        c.declarations());
            case "no relationship" ->
                c = c.withDetails(null, c.endUse(), c.production(), BusinessRelationship.NONE, c.declarations());
            case "business history replaces vols" -> {
                c = c.withDetails(
                        null,
                        c.endUse(),
                        c.production(),
                        new BusinessRelationship(LocalDate.of(2019, 1, 1), List.of(), null),
                        c.declarations());
                files.add(doc(DocumentType.BUSINESS_HISTORY, null, null));
            }
            case "declarations not given" ->
                c = c.withDetails(null, c.endUse(), c.production(), c.relationship(), Declarations.NONE);
            case "dy item without element content" ->
                c = c.withItems(List.of(c.items().get(0), oxide(Map.of())));
            case "consignee without identifiers" ->
                c = c.withParties(List.of(
                        new Party(
                                CONSIGNEE,
                                PartyRole.CONSIGNEE,
                                null,
                                "Motorenwerk GmbH",
                                "DE",
                                "Munich",
                                List.of(),
                                null),
                        c.parties().get(1)));
            default -> throw new IllegalArgumentException(scenario);
        }
        Completeness result = CHECK.evaluate(c, files, ENTRIES);
        List<String> want = expected == null ? List.of() : List.of(expected.split("\\s+"));
        assertThat(result.missing()).extracting(MissingPiece::code).containsExactlyInAnyOrderElementsOf(want);
        assertThat(result.complete()).isEqualTo(want.isEmpty());
    }

    @Test
    void messagesNameThePartyAndTheItem() {
        List<EvidenceOnFile> files = new ArrayList<>(fullEvidence());
        files.removeIf(
                d -> d.type() == DocumentType.END_USER_CERTIFICATE || d.type() == DocumentType.PRODUCTION_LINE_VIDEO);
        ApplicationContent c = complete();
        c = c.withItems(List.of(c.items().get(1), c.items().get(0)));
        c = c.withDetails(null, c.endUse(), new Production(null, "p", null), c.relationship(), c.declarations());
        Completeness result = CHECK.evaluate(c, files, ENTRIES);
        assertThat(result.missing())
                .extracting(MissingPiece::message)
                .contains("end-user certificate missing for END_USER 'Antrieb AG'")
                .anyMatch(m -> m.startsWith("no production-line evidence for item 2"));
        assertThat(result.missing())
                .filteredOn(m -> m.code().equals("END_USER_CERTIFICATE"))
                .extracting(MissingPiece::target)
                .containsExactly("parties/" + END_USER);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        'revision: x\nrules:\n  - {code: A, anyOf: [{evidence: PASSPORT}], message: m}'            | PASSPORT
        'revision: x\nrules:\n  - {code: A, anyOf: [{field: application.endUse.colour}], message: m}' | colour
        'revision: x\nrules:\n  - {code: A, scope: party, anyOf: [{field: item.description}], message: m}' | item.description
        'revision: x\nrules:\n  - {code: A, anyOf: [{party: BUYER}], message: m}'                      | BUYER
        'revision: x\nrules:\n  - {code: A, anyOf: [{party: END_USER}], message: m, color: red}'       | color
        'revision: x\nrules:\n  - {code: A, anyOf: [], message: m}'                                    | at least one
        'revision: x\nrules:\n  - {code: A, when: {roles: [END_USER]}, anyOf: [{party: END_USER}], message: m}' | roles
        'revision: x\nrules:\n  - {code: A, when: {forms: [POWDER]}, scope: item, anyOf: [{party: END_USER}], message: m}' | POWDER
        'revision: x\nrules:\n  - {code: A, anyOf: [{party: END_USER}], message: m}\n  - {code: A, anyOf: [{party: END_USER}], message: m}' | duplicate
        """)
    void strictParsingNamesTheMistake(String yaml, String mentioned) {
        assertThatThrownBy(() -> CompletenessRules.parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(mentioned)
                .hasMessageContaining("rule A");
    }

    // ---- fixtures ---------------------------------------------------------------------------------------------------

    static ApplicationContent complete() {
        return new ApplicationContent(
                null,
                List.of(
                        consignee(CONSIGNEE),
                        new Party(
                                END_USER, PartyRole.END_USER, "安驱", "Antrieb AG", "DE", "Stuttgart", List.of(), null)),
                List.of(magnet(null), oxide(Map.of("Dy", new BigDecimal("87")))),
                new EndUse(EndUseSector.EV_TRACTION_MOTORS, "Traction motor", "Built into motors"),
                new Production("Sintering and machining", "Strip casting, sintering", "Ganzhou"),
                new BusinessRelationship(
                        LocalDate.of(2019, 3, 1),
                        List.of(new BusinessRelationship.Volume(2024, new BigDecimal("8"), QuantityUnit.T, null, null)),
                        null),
                new Declarations(true, true, true, "Li Na", LocalDate.of(2026, 1, 15)));
    }

    static Party consignee(UUID id) {
        return new Party(
                id,
                PartyRole.CONSIGNEE,
                null,
                "Motorenwerk GmbH",
                "DE",
                "Munich",
                List.of(new Party.RegistrationIdentifier("HRB", "123")),
                null);
    }

    static Item magnet(String spec) {
        return new Item(
                MAGNET,
                "dy-metal-alloys-targets-magnets",
                "1C905.a",
                ItemForm.MAGNET,
                "NdFeB magnet",
                new BigDecimal("1200"),
                QuantityUnit.KG,
                new BigDecimal("85"),
                "EUR",
                Map.of("Dy", new BigDecimal("4.5"), "Nd", new BigDecimal("29")),
                null,
                spec);
    }

    static Item oxide(Map<String, BigDecimal> elements) {
        return new Item(
                OXIDE,
                "dy-oxide",
                "1C905.b",
                ItemForm.OXIDE,
                "Dysprosium oxide",
                new BigDecimal("50"),
                QuantityUnit.KG,
                new BigDecimal("300"),
                "USD",
                elements,
                "2846901993",
                null);
    }

    static List<EvidenceOnFile> fullEvidence() {
        return List.of(
                doc(DocumentType.END_USER_CERTIFICATE, END_USER, null),
                doc(DocumentType.PRODUCT_PHOTO, null, MAGNET),
                doc(DocumentType.PRODUCT_PHOTO, null, OXIDE),
                doc(DocumentType.PRODUCTION_LINE_VIDEO, null, MAGNET),
                doc(DocumentType.CUSTOMER_ORDER, null, null));
    }

    static EvidenceOnFile doc(DocumentType type, UUID party, UUID item) {
        return new EvidenceOnFile(
                new DocumentId(UUID.randomUUID()), type, party, item, "f.pdf", "0".repeat(64), Instant.now());
    }
}
