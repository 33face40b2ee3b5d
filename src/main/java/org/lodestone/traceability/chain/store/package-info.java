/** SQL of the chain registry: enterprises, company prefixes, sites, quotas, trading parties and lot profiles. */
@NullMarked
package org.lodestone.traceability.chain.store;

import org.jspecify.annotations.NullMarked;
