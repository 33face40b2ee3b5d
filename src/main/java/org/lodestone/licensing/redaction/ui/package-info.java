/** Redaction pages: the redaction form of an evidence PDF and the field marks on the application page. */
@NullMarked
package org.lodestone.licensing.redaction.ui;

import org.jspecify.annotations.NullMarked;
