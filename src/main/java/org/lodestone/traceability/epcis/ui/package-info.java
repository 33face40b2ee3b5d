/** Pages of the EPCIS repository: a reporting enterprise uploads documents and follows its capture jobs; reporters
 * and authority staff browse the events they may read. */
@NullMarked
package org.lodestone.traceability.epcis.ui;

import org.jspecify.annotations.NullMarked;
