package org.lodestone.traceability.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A finding raised twice is one signal with the evidence of both; lists are scoped by jurisdiction (#5). */
@IntegrationTest
class SignalsTests {

    @Autowired
    Signals signals;

    @Test
    void raisingTheSameFindingAgainAddsEvidenceToOneSignal() {
        String key = "lot|urn:epc:class:lgtin:" + UUID.randomUUID();
        OrganisationId enterprise = new OrganisationId(UUID.randomUUID());
        Signal first = signals.raise(new NewSignal(
                SignalKind.SHIPPED_TWICE,
                key,
                enterprise,
                "CN-JX",
                "lot X",
                "shipped twice",
                List.of(new Evidence("urn:uuid:1", "first shipping"))));
        Signal again = signals.raise(new NewSignal(
                SignalKind.SHIPPED_TWICE,
                key,
                enterprise,
                "CN-JX",
                "lot X",
                "shipped three times",
                List.of(new Evidence("urn:uuid:1", "first shipping"), new Evidence("urn:uuid:2", "second"))));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.evidence()).extracting(Evidence::eventId).containsExactly("urn:uuid:1", "urn:uuid:2");
        assertThat(again.summary()).isEqualTo("shipped three times");
        assertThat(again.version()).isEqualTo(first.version() + 1);

        Signal unchanged = signals.raise(new NewSignal(
                SignalKind.SHIPPED_TWICE,
                key,
                enterprise,
                "CN-JX",
                "lot X",
                "same",
                List.of(new Evidence("urn:uuid:2", "second"))));
        assertThat(unchanged.version()).isEqualTo(again.version());
    }

    @Test
    void listsAreScopedByRegionPrefix() {
        String tag = UUID.randomUUID().toString();
        signals.raise(new NewSignal(SignalKind.CYCLE, "a|" + tag, null, "CN-NM", "a " + tag, "cycle", List.of()));
        signals.raise(new NewSignal(SignalKind.CYCLE, "b|" + tag, null, "CN-JX", "b " + tag, "cycle", List.of()));

        assertThat(signals.list(SignalKind.CYCLE, Signal.State.OPEN, "CN-JX", 1000))
                .extracting(Signal::subject)
                .contains("b " + tag)
                .doesNotContain("a " + tag);
        assertThat(signals.list(SignalKind.CYCLE, null, "CN", 1000))
                .extracting(Signal::subject)
                .contains("a " + tag, "b " + tag);
        assertThat(signals.list(SignalKind.CYCLE, null, "CN-J", 1000))
                .extracting(Signal::subject)
                .doesNotContain("b " + tag);
    }
}
