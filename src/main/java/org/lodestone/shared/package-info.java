/**
 * Value types every module speaks: country codes, quantities with units, money, mass fractions, request ids.
 * No behaviour beyond validation; no Spring beans.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.CLOSED, displayName = "Shared value types")
package org.lodestone.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
