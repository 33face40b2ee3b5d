/** The hit, subject and re-screening-run tables ({@code sc_*}), SQL via {@code JdbcClient}. */
@NullMarked
package org.lodestone.screening.hits.store;

import org.jspecify.annotations.NullMarked;
