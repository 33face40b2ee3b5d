/**
 * Export shipments: shipping events that leave the country or name a licence are queued in the capture transaction
 * and deplete the licence through the licensing module after commit; what cannot be depleted becomes a signal.
 */
@NullMarked
package org.lodestone.traceability.export;

import org.jspecify.annotations.NullMarked;
