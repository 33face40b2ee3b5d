package org.lodestone.traceability.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.epcis.Capturing.CaptureResult;
import org.lodestone.traceability.epcis.Capturing.ErrorBehaviour;
import org.lodestone.traceability.epcis.Capturing.Reporter;
import org.lodestone.traceability.epcis.DocumentReading.Syntax;
import org.lodestone.traceability.epcis.store.JobStore;
import org.lodestone.traceability.epcis.store.JobStore.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asynchronous capture jobs (EPCIS 2.0 REST binding): {@link #spool} streams the body into the database chunk by chunk,
 * refusing it with 413 as soon as it passes the size limit, and only then acknowledges it (the caller answers 202);
 * a bounded pool of workers reads, validates and stores it; acknowledged jobs left unfinished by a crash are resumed
 * by {@link #resume} at start, which is safe because storing is idempotent by eventID. Guarded by
 * {@code CaptureApiTests} and {@code CaptureJobResumeTests}.
 */
public class CaptureJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CaptureJobs.class);

    private final JobStore jobs;
    private final Capturing capturing;
    private final ObjectProvider<DocumentReading> reading;
    private final EpcisProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final ExecutorService workers;

    public CaptureJobs(
            JobStore jobs,
            Capturing capturing,
            ObjectProvider<DocumentReading> reading,
            EpcisProperties properties,
            Clock clock,
            JsonMapper json) {
        this.jobs = jobs;
        this.capturing = capturing;
        this.reading = reading;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.workers = new ThreadPoolExecutor(
                properties.workers(),
                properties.workers(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("epcis-capture-", 0).daemon().factory());
    }

    /**
     * Receives a capture body. Returns the captureID once the whole body is durably spooled and the job queued; throws
     * {@link EpcisProblem#captureLimit} (nothing kept) when the body is, or turns out while streaming to be, larger
     * than the limit.
     */
    public UUID spool(Reporter reporter, Syntax syntax, ErrorBehaviour behaviour, InputStream body, long contentLength)
            throws IOException {
        long max = properties.maxDocumentSize().toBytes();
        if (contentLength > max) {
            throw tooLarge(max);
        }
        if (jobs.unfinished().size() >= properties.maxQueuedJobs()) {
            throw EpcisProblem.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "ImplementationException",
                    "Too many capture jobs are waiting; retry later.");
        }
        UUID id = UUID.randomUUID();
        jobs.create(
                id,
                reporter.organisation(),
                reporter.username(),
                reporter.region(),
                syntax.name(),
                behaviour.name(),
                clock.instant());
        boolean kept = false;
        try {
            byte[] buffer = new byte[JobStore.CHUNK];
            long total = 0;
            int chunkNo = 0;
            while (true) {
                int filled = body.readNBytes(buffer, 0, buffer.length);
                if (filled == 0) {
                    break;
                }
                total += filled;
                if (total > max) {
                    throw tooLarge(max);
                }
                jobs.appendChunk(id, chunkNo++, buffer, filled);
                if (filled < buffer.length) {
                    break;
                }
            }
            jobs.queued(id, total);
            kept = true;
        } finally {
            if (!kept) {
                jobs.delete(id);
            }
        }
        submit(id);
        return id;
    }

    private static EpcisProblem tooLarge(long max) {
        return EpcisProblem.captureLimit("The document is larger than " + max
                + " bytes (lodestone.epcis.max-document-size); split it into several captures.");
    }

    void submit(UUID id) {
        workers.execute(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                log.error("Capture job {} failed", id, e);
            }
        });
    }

    /** Processes one acknowledged job to its result (also called at start for jobs a crash interrupted). */
    public void run(UUID id) {
        if (!jobs.running(id)) {
            return;
        }
        Job job = jobs.find(id).orElseThrow();
        var reporter = new Reporter(job.organisation(), job.username(), job.reporterRegion());
        var behaviour = ErrorBehaviour.valueOf(job.errorBehaviour());
        DocumentReading reader = reading.getIfAvailable();
        try (InputStream in = jobs.body(id)) {
            Capturing.DocumentSource source = reader == null
                    ? sink -> {
                        throw EpcisProblem.of(
                                HttpStatus.NOT_IMPLEMENTED,
                                "ImplementationException",
                                "No EPCIS document reader is installed.");
                    }
                    : reader.document(in, Syntax.valueOf(job.syntax()));
            capturing.capture(id, reporter, behaviour, source, r -> finish(id, r));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(UUID id, CaptureResult r) {
        String errors = null;
        if (!r.errors().isEmpty() || r.documentError() != null) {
            errors = json.writeValueAsString(Map.of(
                    "exception",
                    r.exception() == null ? "ValidationException" : r.exception(),
                    "detail",
                    r.documentError() == null ? "" : r.documentError(),
                    "events",
                    r.errors().stream().map(Capturing.EventError::asMap).toList()));
        }
        jobs.finish(id, r.success(), r.stored(), r.duplicates(), r.errors().size(), errors, clock.instant());
    }

    /** Drops bodies never acknowledged and resumes acknowledged jobs without a result. */
    public int resume() {
        jobs.spooling().forEach(jobs::delete);
        List<UUID> unfinished = jobs.unfinished();
        unfinished.forEach(this::submit);
        if (!unfinished.isEmpty()) {
            log.info("Resuming {} capture job(s) left unfinished", unfinished.size());
        }
        return unfinished.size();
    }

    /** The job if it belongs to the organisation (another organisation's job does not exist for it). */
    public Optional<Job> job(UUID id, OrganisationId organisation) {
        return jobs.find(id).filter(j -> j.organisation().equals(organisation));
    }

    public List<Job> jobs(OrganisationId organisation, int limit) {
        return jobs.list(organisation, limit);
    }

    /** Waits until queued jobs are processed (tests). */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (jobs.unfinished().isEmpty()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
