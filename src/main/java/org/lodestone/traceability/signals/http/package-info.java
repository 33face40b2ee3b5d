/** REST API of the enforcement dashboard: signals with their evidence trail, and the analysts' decisions. */
@NullMarked
package org.lodestone.traceability.signals.http;

import org.jspecify.annotations.NullMarked;
