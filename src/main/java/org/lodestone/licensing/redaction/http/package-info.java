/** Redaction over HTTP: document redactions and field marks under {@code /api/v1/applications/{id}}. */
@NullMarked
package org.lodestone.licensing.redaction.http;

import org.jspecify.annotations.NullMarked;
