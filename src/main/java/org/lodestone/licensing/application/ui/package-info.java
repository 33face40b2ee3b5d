/**
 * Pages for licence applications: the applicant's list, a new draft, and one application with its sections, parties,
 * items, live completeness panel, submission and withdrawal; read-only for authority staff. Plain forms, no script needed.
 */
@NullMarked
package org.lodestone.licensing.application.ui;

import org.jspecify.annotations.NullMarked;
