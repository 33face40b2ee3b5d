/** REST adapter of ad-hoc screening: one name as JSON, a batch as CSV. */
@NullMarked
package org.lodestone.screening.search.http;

import org.jspecify.annotations.NullMarked;
