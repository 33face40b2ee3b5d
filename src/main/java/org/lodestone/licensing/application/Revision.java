package org.lodestone.licensing.application;

import java.time.Instant;

/** An immutable snapshot of the content taken on submission (revision 1) and on each resubmission (2, 3, …). */
public record Revision(int number, ApplicationState state, String createdBy, Instant createdAt) {}
