/**
 * What licensing asks of other modules without depending on them: {@link org.lodestone.licensing.spi.PartyScreening}
 * is implemented by the screening module.
 */
@NullMarked
@NamedInterface("spi")
package org.lodestone.licensing.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
