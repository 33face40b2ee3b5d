/** SQL of redaction: the {@code rd_*} tables from {@code V19}. */
@NullMarked
package org.lodestone.licensing.redaction.store;

import org.jspecify.annotations.NullMarked;
