package org.lodestone.traceability.signals;

import org.jspecify.annotations.Nullable;

/** One step of a signal's evidence trail: the EPCIS event (if any) and what it shows. */
public record Evidence(@Nullable String eventId, String note) {}
