/** Retention over HTTP: the configured periods and what is due, and an administrator-started run. */
@NullMarked
package org.lodestone.licensing.retention.http;

import org.jspecify.annotations.NullMarked;
