package org.lodestone.licensing.application;

/**
 * One thing an application still lacks: a stable {@code code} (the rule), a sentence for the applicant, and what it is
 * about ({@code target}: {@code application}, {@code parties/<id>}, {@code items/<id>} or a field path).
 */
public record MissingPiece(String code, String message, String target) {}
