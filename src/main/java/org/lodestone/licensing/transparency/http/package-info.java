/** Access transparency over HTTP: the access log and data exports API. */
@NullMarked
package org.lodestone.licensing.transparency.http;

import org.jspecify.annotations.NullMarked;
