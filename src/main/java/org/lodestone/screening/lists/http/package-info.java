/**
 * REST API of restricted lists: upload of a release (multipart, streamed into the import), the lists with their active
 * releases, the releases of a list with their rejected lines, and the diff of a release against the one it replaced.
 */
@NullMarked
package org.lodestone.screening.lists.http;

import org.jspecify.annotations.NullMarked;
