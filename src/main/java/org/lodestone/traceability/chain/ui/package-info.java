/** The REPORTER's page of its own enterprise: profile, sites and lots, with forms to add sites and lots. */
@NullMarked
package org.lodestone.traceability.chain.ui;

import org.jspecify.annotations.NullMarked;
