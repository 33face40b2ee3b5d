/**
 * Licences: issued on approval with a unique number and a secret check code, frozen parties and lines, a status that
 * moves ISSUED ⇄ SUSPENDED → REVOKED and ends EXPIRED or EXHAUSTED, shipments that deplete lines atomically, a PDF
 * certificate with a QR code and a public verification page that reveals nothing confidential.
 */
@NullMarked
package org.lodestone.licensing.licence;

import org.jspecify.annotations.NullMarked;
