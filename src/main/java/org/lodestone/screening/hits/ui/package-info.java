/** The hits queue page and the screening section of the review panel (Thymeleaf + htmx). */
@NullMarked
package org.lodestone.screening.hits.ui;

import org.jspecify.annotations.NullMarked;
