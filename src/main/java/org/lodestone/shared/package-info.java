/**
 * Value types every module speaks: country codes, quantities with units, money, mass fractions, request ids.
 * No behaviour beyond validation, and the one way feature problems build their RFC 9457 bodies; no Spring beans.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.CLOSED, displayName = "Shared value types")
package org.lodestone.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
