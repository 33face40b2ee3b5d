/** REST API of the chain registry: enterprises, sites, quotas, trading parties and lots. */
@NullMarked
package org.lodestone.traceability.chain.http;

import org.jspecify.annotations.NullMarked;
