/** REST adapter listing export shipments with their licence depletion state. */
@NullMarked
package org.lodestone.traceability.export.http;

import org.jspecify.annotations.NullMarked;
