/**
 * Licence pages: the list, one licence with remaining quantities, shipments, the record-shipment form, certificate
 * download and status actions; and the public verification page. Plain forms that work without JavaScript.
 */
@NullMarked
package org.lodestone.licensing.licence.ui;

import org.jspecify.annotations.NullMarked;
