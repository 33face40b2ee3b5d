/** SQL of the export shipment queue and its outcomes. */
@NullMarked
package org.lodestone.traceability.export.store;

import org.jspecify.annotations.NullMarked;
