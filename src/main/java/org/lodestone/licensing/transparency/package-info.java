/**
 * Access transparency (#6): reads of an application's sensitive content and of evidence documents by anyone outside
 * the owning organisation are audited with the purpose stated (the case), listed to the owner in its access log, and
 * downloaded copies carry a visible and an embedded watermark; bulk exports of sensitive data need a supervisor's
 * approval.
 */
@NullMarked
package org.lodestone.licensing.transparency;

import org.jspecify.annotations.NullMarked;
