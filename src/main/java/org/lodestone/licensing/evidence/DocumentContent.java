package org.lodestone.licensing.evidence;

import java.io.InputStream;

/** A document opened for reading: its metadata and a stream of its content, which the caller must close. */
public record DocumentContent(EvidenceDocument document, InputStream content) {}
