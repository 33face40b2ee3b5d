/**
 * Thymeleaf pages of the identity module: the login page and the personal API token page.
 */
@NullMarked
package org.lodestone.identity.ui;

import org.jspecify.annotations.NullMarked;
