/**
 * Administration of organisations and users: validation that names the offending field, role-to-organisation-kind rules, optimistic locking, unlocking, all audited.
 */
@NullMarked
package org.lodestone.identity.admin;

import org.jspecify.annotations.NullMarked;
