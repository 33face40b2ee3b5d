/**
 * Ad-hoc screening: one name through {@code POST /api/v1/screening/search} or the search page, many through a CSV
 * upload. Answers the best candidates with their features and whether each reaches the default threshold; stores no
 * hits (nothing is under review), but every search and batch is recorded in the audit trail (who screened what, and
 * how many matches), as screening records must be reproducible for an inspection.
 */
@NullMarked
package org.lodestone.screening.search;

import org.jspecify.annotations.NullMarked;
