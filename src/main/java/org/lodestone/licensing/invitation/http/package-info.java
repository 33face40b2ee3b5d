/** Invitations and contributions: http adapter. */
@NullMarked
package org.lodestone.licensing.invitation.http;

import org.jspecify.annotations.NullMarked;
