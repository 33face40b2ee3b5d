package org.lodestone.licensing.review;

import java.time.Instant;
import java.util.UUID;
import org.lodestone.licensing.ApplicationId;

/** An internal note of the authority on a case; never shown to the applicant or the foreign parties. */
public record Note(UUID id, ApplicationId application, String author, String authorName, String body, Instant at) {}
