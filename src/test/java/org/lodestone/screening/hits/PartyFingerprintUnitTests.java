package org.lodestone.screening.hits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.ScreeningSubject.Identifier;
import org.lodestone.licensing.ScreeningSubject.PartyToScreen;

/**
 * What a false-positive decision is remembered against (#4): retyping the same party (case, spacing, full-width
 * characters, identifier punctuation and order) keeps the fingerprint; a different name, script name, country or
 * identifier changes it, so the decision no longer holds.
 */
class PartyFingerprintUnitTests {

    static PartyToScreen party(String name, String original, String country, List<Identifier> ids) {
        return new PartyToScreen("p", "CONSIGNEE", name, original, country, ids);
    }

    @Test
    void theSamePartyRetypedKeepsItsFingerprint() {
        String fp = PartyFingerprint.of(party(
                "Ganzhou Rare Earth Co.",
                "赣州稀土有限公司",
                "CN",
                List.of(new Identifier("USCC", "9136 0700-MA35"), new Identifier("HRB", "1"))));
        assertThat(PartyFingerprint.of(party(
                        "  GANZHOU   rare earth CO. ",
                        "赣州稀土有限公司",
                        "cn",
                        List.of(new Identifier("HRB", "1"), new Identifier("uscc", "91360700MA35")))))
                .isEqualTo(fp);
        assertThat(PartyFingerprint.of(party(
                        "Ｇａｎｚｈｏｕ Rare Earth Co.",
                        "赣州稀土有限公司",
                        "CN",
                        List.of(new Identifier("USCC", "91360700MA35"), new Identifier("HRB", "1")))))
                .as("full-width letters fold to ASCII (NFKC)")
                .isEqualTo(fp);
    }

    @Test
    void anyChangeOfNameCountryOrIdentifierChangesIt() {
        PartyToScreen base = party("Ganzhou Rare Earth Co.", "赣州稀土有限公司", "CN", List.of(new Identifier("USCC", "1")));
        String fp = PartyFingerprint.of(base);
        assertThat(PartyFingerprint.of(party("Ganzhou Rare Earths Co.", "赣州稀土有限公司", "CN", base.identifiers())))
                .isNotEqualTo(fp);
        assertThat(PartyFingerprint.of(party("Ganzhou Rare Earth Co.", "赣州稀土集团", "CN", base.identifiers())))
                .isNotEqualTo(fp);
        assertThat(PartyFingerprint.of(party("Ganzhou Rare Earth Co.", "赣州稀土有限公司", "HK", base.identifiers())))
                .isNotEqualTo(fp);
        assertThat(PartyFingerprint.of(
                        party("Ganzhou Rare Earth Co.", "赣州稀土有限公司", "CN", List.of(new Identifier("USCC", "2")))))
                .isNotEqualTo(fp);
        assertThat(PartyFingerprint.of(party("Ganzhou Rare Earth Co.", null, "CN", base.identifiers())))
                .isNotEqualTo(fp);
    }
}
