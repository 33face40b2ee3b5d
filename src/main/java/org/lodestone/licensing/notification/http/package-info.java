/** REST API of the caller's own notifications: list (optionally unread only), mark one or all as read. */
@NullMarked
package org.lodestone.licensing.notification.http;

import org.jspecify.annotations.NullMarked;
