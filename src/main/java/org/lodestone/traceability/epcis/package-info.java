/**
 * GS1 EPCIS 2.0: the event model, reading and validating capture documents (JSON/JSON-LD and XML), the event
 * repository, capture jobs and the standard query interface.
 */
@NullMarked
package org.lodestone.traceability.epcis;

import org.jspecify.annotations.NullMarked;
