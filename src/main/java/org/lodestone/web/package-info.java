/**
 * The UI shell: layout, navigation, home page, error pages, the one problem+json advice, request ids, OpenAPI
 * description. Nothing depends on this module; feature modules keep their own pages in their {@code ui} packages.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "controllist", "licensing"})
package org.lodestone.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
