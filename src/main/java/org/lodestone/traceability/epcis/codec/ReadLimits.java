package org.lodestone.traceability.epcis.codec;

import java.time.Clock;
import java.time.Duration;

/**
 * What a capture may contain.
 *
 * @param maxEvents more events than this fail the whole document with {@code CaptureLimitExceededException}
 * @param maxFutureSkew an event whose eventTime lies further in the future than this (clock skew between the reporter
 *     and Lodestone) is rejected
 * @param clock the time "now" is taken from
 */
public record ReadLimits(int maxEvents, Duration maxFutureSkew, Clock clock) {

    public ReadLimits {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive");
        }
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must not be negative");
        }
    }

    /** 10,000 events per document, 5 minutes of clock skew, the system clock. */
    public static ReadLimits defaults() {
        return new ReadLimits(10_000, Duration.ofMinutes(5), Clock.systemUTC());
    }
}
