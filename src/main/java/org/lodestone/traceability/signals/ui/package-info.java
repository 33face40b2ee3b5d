/** The enforcement dashboard page: counts by kind, the signal list with filters, evidence and the decision form. */
@NullMarked
package org.lodestone.traceability.signals.ui;

import org.jspecify.annotations.NullMarked;
