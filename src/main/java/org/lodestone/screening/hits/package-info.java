/**
 * Hits and their adjudication: the parties of every submitted application and live licence are screened against the
 * live index (synchronously on submission and on issue, in the background after a list release is activated), hits
 * at or above the threshold are kept with the features that produced their score, and a REVIEWER of the competent
 * authority adjudicates each as a true match or a false positive. A false positive is remembered for that party and
 * list entry until either changes. Open hits and true matches block approval ({@code PartyScreening}).
 */
@NullMarked
package org.lodestone.screening.hits;

import org.jspecify.annotations.NullMarked;
