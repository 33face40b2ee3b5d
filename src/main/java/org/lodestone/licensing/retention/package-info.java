/**
 * Retention: per data category (refused, withdrawn, ended licences, lapsed drafts) a configured period after which the
 * application's data key is destroyed (crypto-shredding), recorded in {@code rt_shredded} and in the audit trail.
 */
@NullMarked
package org.lodestone.licensing.retention;

import org.jspecify.annotations.NullMarked;
