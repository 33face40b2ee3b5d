package org.lodestone.traceability.epcis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and sizing of the EPCIS repository ({@code lodestone.epcis.*}), documented in docs/operations.md.
 *
 * @param maxDocumentSize a capture body larger than this is refused with 413 while it streams in
 * @param maxEventsPerDocument a document with more events is refused (CaptureLimitExceededException)
 * @param maxFutureSkew an event whose eventTime lies further in the future than this is rejected
 * @param chunkSize events stored per batch (and per transaction with {@code GS1-Capture-Error-Behaviour: proceed})
 * @param defaultPerPage query page size when {@code perPage} is absent
 * @param maxPerPage the largest {@code perPage} accepted
 * @param workers capture jobs processed in parallel
 * @param maxQueuedJobs acknowledged jobs waiting for a worker beyond which new captures are refused with 503
 */
@ConfigurationProperties("lodestone.epcis")
public record EpcisProperties(
        @DefaultValue("256MB") DataSize maxDocumentSize,
        @DefaultValue("100000") int maxEventsPerDocument,
        @DefaultValue("PT10M") Duration maxFutureSkew,
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("100") int defaultPerPage,
        @DefaultValue("1000") int maxPerPage,
        @DefaultValue("2") int workers,
        @DefaultValue("100") int maxQueuedJobs) {

    public static EpcisProperties defaults() {
        return new EpcisProperties(DataSize.ofMegabytes(256), 100_000, Duration.ofMinutes(10), 1000, 100, 1000, 2, 100);
    }
}
