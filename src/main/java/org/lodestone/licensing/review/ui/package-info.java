/**
 * The review workflow in the browser: the authority's queue ({@code /review}) and the review panel of the application
 * page, with a form for every act the caller may take; all over {@link org.lodestone.licensing.review.Reviews}.
 */
@NullMarked
package org.lodestone.licensing.review.ui;

import org.jspecify.annotations.NullMarked;
