/** REST adapter of the genealogy trace. */
@NullMarked
package org.lodestone.traceability.genealogy.http;

import org.jspecify.annotations.NullMarked;
