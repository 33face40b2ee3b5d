package org.lodestone.traceability.signals;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/**
 * A signal to raise. {@code key} identifies the finding within its kind (e.g. {@code lot|urn:epc:…} or
 * {@code enterprise|site|Dy|2026-Q3}): raising the same kind and key again adds its evidence to the open signal
 * instead of making a second one.
 *
 * @param enterprise the enterprise the finding is about, when one is
 * @param region ISO 3166-2 region of that enterprise or site, which decides which authority sees the signal
 */
public record NewSignal(
        SignalKind kind,
        String key,
        @Nullable OrganisationId enterprise,
        @Nullable String region,
        String subject,
        String summary,
        List<Evidence> evidence) {

    public NewSignal {
        evidence = List.copyOf(evidence);
    }
}
