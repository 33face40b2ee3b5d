/** SQL of the EPCIS repository: events, their index and reader rows, capture jobs and spooled bodies. */
@NullMarked
package org.lodestone.traceability.epcis.store;

import org.jspecify.annotations.NullMarked;
