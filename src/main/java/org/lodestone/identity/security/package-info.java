/**
 * The two security filter chains (stateless bearer-token API, session-based UI with form login and optional OIDC), password and token authentication, lockout, and the final rule that denies whatever no {@link org.lodestone.identity.EndpointPolicy} allowed.
 */
@NullMarked
package org.lodestone.identity.security;

import org.jspecify.annotations.NullMarked;
