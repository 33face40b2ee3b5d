/**
 * Evidence storage adapters: the filesystem implementation of the content-addressed {@code DocumentStorage} and the SQL
 * of the {@code evidence_document} metadata table.
 */
@NullMarked
package org.lodestone.licensing.evidence.store;

import org.jspecify.annotations.NullMarked;
