/**
 * Restricted-party screening: versioned releases of restricted lists (OpenSanctions, the US Consolidated Screening
 * List, national lists), names normalised across scripts, an in-process index that finds candidates on
 * million-entry lists, an explainable scorer, and the reviewers' adjudication of hits on the parties of applications
 * and licences. Licensing never depends on this module: it owns the {@code PartyScreening} SPI that this module
 * implements.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "licensing", "licensing :: spi"})
package org.lodestone.screening;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
