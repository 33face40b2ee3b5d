/**
 * REST adapter of the control list: {@code POST /api/v1/determinations} for every authenticated user, browsing under
 * {@code /api/v1/control-list/**}, and ADMIN-only administration (entries, versions, legal acts, suspensions).
 * Refusals are the module's problem+json answers.
 */
@NullMarked
package org.lodestone.controllist.http;

import org.jspecify.annotations.NullMarked;
