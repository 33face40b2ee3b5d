/**
 * The lists page: restricted lists with their active release, the releases of one list with counts, rejected lines and
 * diff, and (for ADMIN) the upload of a new release. Read-only for the authority's staff.
 */
@NullMarked
package org.lodestone.screening.lists.ui;

import org.jspecify.annotations.NullMarked;
