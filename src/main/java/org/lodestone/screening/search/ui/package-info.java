/** The ad-hoc screening page (Thymeleaf + htmx). */
@NullMarked
package org.lodestone.screening.search.ui;

import org.jspecify.annotations.NullMarked;
