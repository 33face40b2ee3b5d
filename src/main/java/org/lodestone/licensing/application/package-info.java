/**
 * Licence applications: drafted by an exporter's applicant on behalf of a foreign consignee, with parties, items, end
 * use, production and business-relationship information and declarations; versioned after submission; completeness
 * checked live against a data-driven checklist; submitted idempotently.
 */
@NullMarked
package org.lodestone.licensing.application;

import org.jspecify.annotations.NullMarked;
