/**
 * Review of submitted applications by the competent authority: the queue with its filters and statutory clock,
 * assignment, internal notes, information requests that stop the clock, consultation of other authorities, the
 * four-eyes decision (a proposal countersigned by a different SUPERVISOR, or a coded refusal), and the licence issued on
 * approval. {@link org.lodestone.licensing.review.Reviews} is the one entry point; it decides who may act, then moves the
 * application through {@code Applications.transition}.
 */
@NullMarked
package org.lodestone.licensing.review;

import org.jspecify.annotations.NullMarked;
