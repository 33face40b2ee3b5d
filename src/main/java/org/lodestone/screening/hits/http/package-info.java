/** REST adapter of the hits: the reviewers' queue and the adjudication of one hit. */
@NullMarked
package org.lodestone.screening.hits.http;

import org.jspecify.annotations.NullMarked;
