/**
 * SQL for licence applications: the root row and its parties, items, element contents and volumes (saved as a whole
 * against the optimistic-lock version), revision snapshots, state changes and submission idempotency keys.
 */
@NullMarked
package org.lodestone.licensing.application.store;

import org.jspecify.annotations.NullMarked;
