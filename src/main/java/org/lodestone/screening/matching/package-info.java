/**
 * Matching a name against list entries: the explainable scorer ({@link org.lodestone.screening.matching.NameMatcher})
 * and the in-process candidate index ({@link org.lodestone.screening.matching.ScreeningIndex}). Pure functions and
 * immutable snapshots, no Spring and no database.
 */
@NullMarked
package org.lodestone.screening.matching;

import org.jspecify.annotations.NullMarked;
