package org.lodestone.licensing.redaction;

import java.util.List;
import org.lodestone.licensing.evidence.EvidenceDocument;

/**
 * A redaction just made, for the applicant to check before submitting: the record, the copy, and the terms as the
 * applicant gave them (normalised) — answered once and never stored.
 */
public record RedactionOutcome(DocumentRedaction redaction, EvidenceDocument copy, List<String> terms) {}
