/**
 * Who is acting: organisations (exporters, foreign parties, authorities with a jurisdiction), users and their roles,
 * form login, personal API tokens, lockout, optional OIDC, and the security filter chains that deny every request no
 * {@link org.lodestone.identity.EndpointPolicy} allows.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.lodestone.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
