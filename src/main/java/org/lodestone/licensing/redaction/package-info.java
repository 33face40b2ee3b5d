/**
 * Redaction (#6): the applicant marks passages of a PDF (search terms and rectangles) or whole application fields as
 * redacted for audiences (authorities consulted on the case, foreign parties); those audiences get a copy from which the
 * content is gone (rasterised pages, not black boxes over selectable text) or "[redacted]" instead of the value, and the
 * original stays sealed for the competent authority if the applicant keeps it.
 */
@NullMarked
package org.lodestone.licensing.redaction;

import org.jspecify.annotations.NullMarked;
