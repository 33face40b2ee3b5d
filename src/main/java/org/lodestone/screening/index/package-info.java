/**
 * The live screening index: built from the active entries of every list at start-up and again after each list release
 * is activated, then swapped in atomically, so searches never see a half-built index. Everything that screens a name
 * (the submission hook, re-screening, ad-hoc search and batch) asks this one index.
 */
@NullMarked
package org.lodestone.screening.index;

import org.jspecify.annotations.NullMarked;
