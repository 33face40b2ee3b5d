/** Invitations and contributions: ui adapter. */
@NullMarked
package org.lodestone.licensing.invitation.ui;

import org.jspecify.annotations.NullMarked;
