/**
 * Genealogy: the link projection of captured events (inputs into outputs, children into parents, lots into shipments)
 * and the backward and forward traces over it, with the capture-time checks that need the links (no traceable origin,
 * shipped twice, cycles).
 */
@NullMarked
package org.lodestone.traceability.genealogy;

import org.jspecify.annotations.NullMarked;
