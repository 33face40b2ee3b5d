/** Invitations and contributions: store adapter. */
@NullMarked
package org.lodestone.licensing.invitation.store;

import org.jspecify.annotations.NullMarked;
