/** REST binding of the EPCIS 2.0 interface: /epcis/capture, /epcis/events. */
@NullMarked
package org.lodestone.traceability.epcis.http;

import org.jspecify.annotations.NullMarked;
