/**
 * The control list: a versioned, data-driven catalogue of controlled items with effective dates and legal basis,
 * loaded from {@code controllist/control-list.yaml} on first start and amended by administrators afterwards; and
 * licence determination, which answers whether an item to a destination for an end use on a date needs a licence.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity"})
package org.lodestone.controllist;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
