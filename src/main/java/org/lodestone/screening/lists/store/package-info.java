/**
 * SQL for lists, releases, their entries and rejected lines ({@code sc_*} tables): batch inserts in chunks while a
 * release loads, the diff between two releases by entry id and fingerprint, and the streaming read of active entries
 * that the screening index is built from.
 */
@NullMarked
package org.lodestone.screening.lists.store;

import org.jspecify.annotations.NullMarked;
