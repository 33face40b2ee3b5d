/**
 * Web pages of evidence documents: the document list with upload form (a standalone page and a fragment for the
 * application page), downloads and removal; every form works without JavaScript.
 */
@NullMarked
package org.lodestone.licensing.evidence.ui;

import org.jspecify.annotations.NullMarked;
