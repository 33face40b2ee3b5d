/**
 * Mass balance: movements (received, produced, consumed, shipped, declared loss, stock declarations) projected from
 * captured EPCIS events, the balance per enterprise, site, element and period within a configurable tolerance, the
 * yield check of each transformation, and production against annual quotas in tonnes of rare-earth oxide.
 */
@NullMarked
package org.lodestone.traceability.massbalance;

import org.jspecify.annotations.NullMarked;
