/**
 * SQL for identity's tables (organisations, users with roles, API tokens) through {@code JdbcClient}, and the row types it returns. Updates of administrator-edited rows are optimistic: a stale version is a 409.
 */
@NullMarked
package org.lodestone.identity.store;

import org.jspecify.annotations.NullMarked;
