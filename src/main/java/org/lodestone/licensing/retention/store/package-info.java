/** SQL for retention: which applications are due per category, and the mark of those already shredded. */
@NullMarked
package org.lodestone.licensing.retention.store;

import org.jspecify.annotations.NullMarked;
