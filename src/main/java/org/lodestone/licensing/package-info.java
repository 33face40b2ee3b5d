/**
 * Licensing: licence applications drafted by exporters on behalf of foreign consignees, evidence documents, the
 * completeness check, review by the competent authority under a statutory working-day clock, and licences that are
 * verifiable by anyone holding them and depleted by real shipments.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "protection", "identity", "controllist"})
package org.lodestone.licensing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
