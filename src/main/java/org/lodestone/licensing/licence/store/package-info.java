/**
 * The licences' tables through {@code JdbcClient}: licences with their frozen parties, lines and conditions, the
 * sequence behind licence numbers, and shipments. Depletion is one conditional UPDATE per line; callers own the
 * transaction.
 */
@NullMarked
package org.lodestone.licensing.licence.store;

import org.jspecify.annotations.NullMarked;
