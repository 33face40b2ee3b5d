/** Mass balance: SQL of the movements projection and the balance sums. */
@NullMarked
package org.lodestone.traceability.massbalance.store;

import org.jspecify.annotations.NullMarked;
