/**
 * Evidence documents: typed, streamed in and out in constant memory, type detected from content and checked against an
 * allow-list per document type, SHA-256 recorded, stored content-addressed behind a storage interface; an interrupted
 * upload leaves nothing behind.
 */
@NullMarked
package org.lodestone.licensing.evidence;

import org.jspecify.annotations.NullMarked;
