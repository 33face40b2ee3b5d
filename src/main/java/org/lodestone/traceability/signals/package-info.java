/**
 * Diversion signals: what the projections found that does not add up (imbalance, production over quota, implausible
 * yield, exports without or beyond a licence or to another consignee, inputs of no traceable origin, lots shipped
 * twice, cycles), each with the evidence trail that lets an enforcement analyst check it.
 */
@NullMarked
package org.lodestone.traceability.signals;

import org.jspecify.annotations.NullMarked;
