/**
 * Names as the matcher compares them: Unicode normalisation and transliteration to ASCII tokens with ICU4J,
 * legal-form and stop words recognised from the project's own tables, Chinese company words meeting their English
 * translations. Pure functions, no Spring.
 */
@NullMarked
package org.lodestone.screening.names;

import org.jspecify.annotations.NullMarked;
