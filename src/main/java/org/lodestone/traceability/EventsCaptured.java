package org.lodestone.traceability;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.epcis.EpcisEvent;

/**
 * Events newly stored by one capture (duplicates already captured are not in it), published synchronously inside the
 * capture's transaction: projections (genealogy, mass balance, licence depletion queue) listen with a plain
 * {@code @EventListener} so they commit or roll back together with the events.
 *
 * @param reporter the organisation whose user or token captured the document (an enterprise of the chain registry,
 *     which need not be an identity organisation)
 * @param reporterRegion the reporter's ISO 3166-2 region as the capture resolved it, which decides the authority with
 *     jurisdiction; null when unknown (listeners may then look it up themselves)
 */
public record EventsCaptured(
        UUID captureId, OrganisationId reporter, @Nullable String reporterRegion, List<Stored> events) {

    public EventsCaptured {
        events = List.copyOf(events);
    }

    public EventsCaptured(UUID captureId, OrganisationId reporter, List<Stored> events) {
        this(captureId, reporter, null, events);
    }

    /** One stored event with its repository sequence number (monotonic, the query order and paging key). */
    public record Stored(long seq, EpcisEvent event) {}
}
