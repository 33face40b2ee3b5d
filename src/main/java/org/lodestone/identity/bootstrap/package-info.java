/**
 * Start-up data: the demo organisations and users in demo mode, the bootstrap administrator in production mode, and the refusal to start without an enabled administrator.
 */
@NullMarked
package org.lodestone.identity.bootstrap;

import org.jspecify.annotations.NullMarked;
