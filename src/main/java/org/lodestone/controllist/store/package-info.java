/**
 * SQL for the control list through {@code JdbcClient}: legal acts, entries and their versions, rules, suspensions and
 * the record of which data-file revision seeded them. Append-only except for closing an open version and the
 * optimistic-lock counter; portable between H2 (PostgreSQL mode) and PostgreSQL.
 */
@NullMarked
package org.lodestone.controllist.store;

import org.jspecify.annotations.NullMarked;
