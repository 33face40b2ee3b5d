package org.lodestone.traceability.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Company prefixes from EPC URIs and Digital Link URIs decide which enterprise an identifier belongs to (#5). */
class Gs1UnitTests {

    @Test
    void epcUrisCarryTheirPrefixBeforeTheFirstDot() {
        assertThat(Gs1.epcPrefix("urn:epc:id:sgtin:6901234.012345.1")).isEqualTo("6901234");
        assertThat(Gs1.epcPrefix("urn:epc:class:lgtin:6901234.012345.L2026-0042"))
                .isEqualTo("6901234");
        assertThat(Gs1.epcPrefix("urn:epc:id:sgln:6901111.00001.0")).isEqualTo("6901111");
        assertThat(Gs1.epcPrefix("urn:epc:idpat:sgtin:6901234.012345.*")).isEqualTo("6901234");
        assertThat(Gs1.epcPrefix("urn:uuid:6901234")).isNull();
        assertThat(Gs1.epcPrefix("https://id.gs1.org/01/06901234000017")).isNull();
    }

    @Test
    void digitalLinksGiveCandidatePrefixesWithoutTheIndicatorDigit() {
        assertThat(Gs1.digitalLinkCandidates("https://id.gs1.org/01/06901234000017/10/L1"))
                .contains("6901234")
                .doesNotContain("0690123");
        assertThat(Gs1.digitalLinkCandidates("https://example.com/414/6901234000019"))
                .contains("6901234");
        assertThat(Gs1.digitalLinkCandidates("https://id.gs1.org/99/123")).isEmpty();
        assertThat(Gs1.digitalLinkCandidates("urn:epc:id:sgtin:6901234.012345.1"))
                .isEmpty();
    }

    @Test
    void jurisdictionsCoverTheirSubdivisions() {
        assertThat(Jurisdictions.covers("CN", "CN-JX")).isTrue();
        assertThat(Jurisdictions.covers("CN-JX", "CN-JX")).isTrue();
        assertThat(Jurisdictions.covers("CN-JX", "CN-NM")).isFalse();
        assertThat(Jurisdictions.covers("CN-J", "CN-JX")).isFalse();
        assertThat(Jurisdictions.covers("CN", null)).isFalse();
    }
}
