/**
 * The audit trail's storage: appends rows to the hash chain under the lock on the single chain-head row, walks the
 * chain to verify it, and answers auditors' queries, all in plain SQL through {@code JdbcClient}.
 */
@NullMarked
package org.lodestone.audit.store;

import org.jspecify.annotations.NullMarked;
