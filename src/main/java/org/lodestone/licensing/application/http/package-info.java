/**
 * REST API of licence applications under {@code /api/v1/applications}: drafts, parties, items, completeness,
 * idempotent submission, withdrawal, history, revisions and their diffs; documented in OpenAPI.
 */
@NullMarked
package org.lodestone.licensing.application.http;

import org.jspecify.annotations.NullMarked;
