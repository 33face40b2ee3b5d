/** SQL for notifications: the in-app inbox rows and the e-mail outbox, through {@code JdbcClient}. */
@NullMarked
package org.lodestone.licensing.notification.store;

import org.jspecify.annotations.NullMarked;
