/**
 * The licence certificate: an A4 PDF (PDFBox) with the frozen licence content, the check code and a QR code (ZXing)
 * pointing at the public verification page; fonts found on the system, with a graceful fallback for scripts no
 * installed font covers.
 */
@NullMarked
package org.lodestone.licensing.licence.certificate;

import org.jspecify.annotations.NullMarked;
