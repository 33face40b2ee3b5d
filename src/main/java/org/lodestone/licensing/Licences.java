package org.lodestone.licensing;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Facade of the licences for the rest of Lodestone: the review workflow issues through it on approval, traceability
 * depletes through it. These calls trust their caller (no need-to-know check: that is done by the HTTP and UI
 * adapters), but every change is audited in the caller's transaction. Failures are {@link LicenceProblem}s (404, 409,
 * 422).
 */
public interface Licences {

    /**
     * Issues a licence: allocates its number and check code, freezes the parties and lines, records
     * {@code LICENCE_ISSUED} and publishes {@link LicenceIssued}. Idempotent per application: issuing again for an
     * application that already has a licence returns that licence unchanged.
     */
    Licence issue(IssueLicence command);

    Optional<Licence> find(LicenceNumber number);

    /** The licence issued for an application, if any. */
    Optional<Licence> forApplication(ApplicationId application);

    /**
     * Depletes the licence lines atomically (all lines or none) and records the shipment; publishes
     * {@link ShipmentRecorded}, and {@link LicenceExhausted} when every line reaches zero. A reference already recorded
     * for this licence returns the first shipment with {@link Shipment#repeated()} set, and depletes nothing.
     *
     * @throws LicenceProblem 409 {@code licence-exhausted} when a line has less left than asked (naming line, remaining
     *     and requested), 409 {@code licence-not-in-force} when the licence is not ISSUED or not valid on the shipment
     *     date, 422 for quantities ≤ 0, unknown lines or units that cannot be converted, 404 for an unknown licence
     */
    Shipment recordShipment(RecordShipment command);

    List<Shipment> shipments(LicenceNumber number);

    /**
     * Suspends (ISSUED → SUSPENDED), reinstates (SUSPENDED → ISSUED) or revokes (ISSUED/SUSPENDED → REVOKED).
     *
     * @param expectedVersion the version the caller read; a different current version is a 409
     * @throws LicenceProblem 409 for an illegal transition or a stale version, 422 for a missing reason
     */
    Licence changeStatus(LicenceNumber number, LicenceStatus target, @Nullable String reason, long expectedVersion);
}
