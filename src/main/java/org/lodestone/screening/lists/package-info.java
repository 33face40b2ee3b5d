/**
 * Restricted lists and their versioned releases: streaming import of OpenSanctions, US Consolidated Screening List and
 * Lodestone CSV files, rejected lines reported with line numbers, atomic activation (a failed import leaves the
 * previous release active) and the diff between releases.
 */
@NullMarked
package org.lodestone.screening.lists;

import org.jspecify.annotations.NullMarked;
