/** SQL of the genealogy projection: interned nodes, links, shipments and per-holder stock of lots. */
@NullMarked
package org.lodestone.traceability.genealogy.store;

import org.jspecify.annotations.NullMarked;
