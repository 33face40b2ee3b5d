/**
 * REST API of licences ({@code /api/v1/licences/**}) and the public JSON verification
 * ({@code /api/v1/verify/{number}}); need-to-know is decided by {@code LicenceAccess}, problems are RFC 9457.
 */
@NullMarked
package org.lodestone.licensing.licence.http;

import org.jspecify.annotations.NullMarked;
