/**
 * Mine-to-magnet traceability: the authority's product-tracking system. Enterprises along the rare-earth chain report
 * what they received, transformed and shipped as GS1 EPCIS 2.0 events; Lodestone keeps them immutable, answers the
 * standard queries with need-to-know visibility, reconstructs genealogy, computes mass balances and raises diversion
 * signals, and depletes export licences through the licensing API when an export ships.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "licensing"})
package org.lodestone.traceability;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
