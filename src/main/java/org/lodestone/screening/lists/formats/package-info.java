/**
 * Readers of list files, one per {@link org.lodestone.screening.lists.ListFormat}. They stream: a file is read line by
 * line (or, for the one JSON document format, element by element), each line decoded with a strict UTF-8 decoder, so
 * memory does not grow with the file and a bad line is reported with its number and reason while the rest is read.
 */
@NullMarked
package org.lodestone.screening.lists.formats;

import org.jspecify.annotations.NullMarked;
