/** Mass balance: REST API of the balance per enterprise, site, element and period. */
@NullMarked
package org.lodestone.traceability.massbalance.http;

import org.jspecify.annotations.NullMarked;
