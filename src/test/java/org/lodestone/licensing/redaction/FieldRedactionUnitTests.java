package org.lodestone.licensing.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.application.ApplicationContent;
import org.lodestone.licensing.application.BusinessRelationship;
import org.lodestone.licensing.application.EndUse;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.Production;
import org.lodestone.licensing.application.QuantityUnit;
import org.lodestone.licensing.application.Snapshots;

/** #6: what a marked field looks like to an audience, in the content and in a frozen revision. */
class FieldRedactionUnitTests {

    private static final ApplicationContent CONTENT = new ApplicationContent(
            null,
            List.of(new Party(
                    UUID.randomUUID(),
                    PartyRole.CONSIGNEE,
                    null,
                    "Motorenwerk GmbH",
                    "DE",
                    "Industriestr. 1",
                    List.of(),
                    new Party.Contact("Anna Weber", "anna@example.de", "+49 89"))),
            List.of(),
            new EndUse(null, "Motor", "Built into traction motors"),
            new Production("Sintering", "Strip casting", "Ganzhou"),
            new BusinessRelationship(
                    LocalDate.of(2019, 3, 1),
                    List.of(new BusinessRelationship.Volume(
                            2024, new BigDecimal("8"), QuantityUnit.T, new BigDecimal("640000"), "EUR")),
                    "Long-standing customer"),
            ApplicationContent.EMPTY.declarations());

    @Test
    void markedFieldsReadRedactedAndTheOthersStay() {
        var seen = FieldRedactions.redact(
                CONTENT,
                EnumSet.of(
                        SensitiveField.RELATIONSHIP_NOTES,
                        SensitiveField.BUSINESS_HISTORY,
                        SensitiveField.PRODUCTION_PROCESS,
                        SensitiveField.PARTY_CONTACTS));
        assertThat(seen.relationship().notes()).isEqualTo("[redacted]");
        assertThat(seen.relationship().volumes()).isEmpty();
        assertThat(seen.relationship().since()).isNull();
        assertThat(seen.production().process()).isEqualTo("[redacted]");
        assertThat(seen.production().site()).isEqualTo("Ganzhou");
        assertThat(seen.parties().getFirst().contact().email()).isEqualTo("[redacted]");
        assertThat(seen.parties().getFirst().address()).isEqualTo("Industriestr. 1");
        assertThat(seen.endUse().statement()).isEqualTo("Built into traction motors");
    }

    @Test
    void aFrozenRevisionIsRedactedAtTheSamePaths() {
        String json = FieldRedactions.redactJson(
                Snapshots.write(CONTENT),
                EnumSet.of(
                        SensitiveField.BUSINESS_HISTORY,
                        SensitiveField.PARTY_ADDRESSES,
                        SensitiveField.END_USE_STATEMENT));
        assertThat(json)
                .doesNotContain("640000")
                .doesNotContain("2019-03-01")
                .doesNotContain("Industriestr")
                .doesNotContain("traction motors")
                .contains("Long-standing customer")
                .contains("anna@example.de");
        assertThat(Snapshots.read(json).get("parties").get(0).get("address").asString())
                .isEqualTo("[redacted]");
    }
}
