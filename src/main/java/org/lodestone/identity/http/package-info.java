/**
 * REST endpoints of the identity module: the current user, personal API tokens, administration of organisations and users.
 */
@NullMarked
package org.lodestone.identity.http;

import org.jspecify.annotations.NullMarked;
