/** Access transparency over pages: the access log and data exports. */
@NullMarked
package org.lodestone.licensing.transparency.ui;

import org.jspecify.annotations.NullMarked;
