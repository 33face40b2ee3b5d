/** The notifications page and the bell fragment with the unread count for the page layout. */
@NullMarked
package org.lodestone.licensing.notification.ui;

import org.jspecify.annotations.NullMarked;
