package org.lodestone.traceability.epcis.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.traceability.epcis.CaptureJobs;
import org.lodestone.traceability.epcis.Capturing;
import org.lodestone.traceability.epcis.Capturing.CaptureResult;
import org.lodestone.traceability.epcis.Capturing.ErrorBehaviour;
import org.lodestone.traceability.epcis.Capturing.Reporter;
import org.lodestone.traceability.epcis.DocumentReading;
import org.lodestone.traceability.epcis.DocumentReading.Syntax;
import org.lodestone.traceability.epcis.EpcisProblem;
import org.lodestone.traceability.epcis.EpcisProperties;
import org.lodestone.traceability.epcis.EventQueries;
import org.lodestone.traceability.epcis.store.JobStore.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GS1 EPCIS 2.0 REST binding: asynchronous capture jobs, single-event capture, the SimpleEventQuery over
 * {@code GET /epcis/events} with {@code nextPageToken} paging, and single-event reads. Errors are RFC 9457 problems
 * typed with the EPCIS exception names ({@link EpcisProblem}).
 */
@RestController
@Tag(name = "EPCIS 2.0", description = "GS1 EPCIS 2.0 capture and query (traceability of the rare-earth chain)")
class EpcisApi {

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
    private static final int MAX_JOBS_LISTED = 100;

    private final Identity identity;
    private final CaptureJobs jobs;
    private final Capturing capturing;
    private final EventQueries queries;
    private final ObjectProvider<DocumentReading> reading;
    private final EpcisProperties properties;
    private final JsonMapper json;

    EpcisApi(
            Identity identity,
            CaptureJobs jobs,
            Capturing capturing,
            EventQueries queries,
            ObjectProvider<DocumentReading> reading,
            EpcisProperties properties,
            JsonMapper json) {
        this.identity = identity;
        this.jobs = jobs;
        this.capturing = capturing;
        this.queries = queries;
        this.reading = reading;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping("/epcis/capture")
    @Operation(summary = "Capture an EPCISDocument asynchronously (202 with the capture job's location)")
    ResponseEntity<Void> capture(
            HttpServletRequest request,
            @RequestHeader(name = "GS1-Capture-Error-Behaviour", required = false) @Nullable String behaviour)
            throws IOException {
        CurrentUser user = user();
        Syntax syntax = syntax(request.getContentType());
        UUID id = jobs.spool(
                reporter(user), syntax, behaviour(behaviour), request.getInputStream(), request.getContentLengthLong());
        return ResponseEntity.accepted()
                .location(URI.create("/epcis/capture/" + id))
                .headers(this::limits)
                .build();
    }

    @GetMapping("/epcis/capture/{captureId}")
    @Operation(summary = "A capture job of the caller's organisation")
    ResponseEntity<Map<String, Object>> job(@PathVariable String captureId) {
        CurrentUser user = user();
        UUID id;
        try {
            id = UUID.fromString(captureId);
        } catch (IllegalArgumentException e) {
            throw EpcisProblem.noSuchResource("No capture job " + captureId);
        }
        Job job = jobs.job(id, user.organisationId())
                .orElseThrow(() -> EpcisProblem.noSuchResource("No capture job " + captureId));
        return ResponseEntity.ok(jobJson(job));
    }

    @GetMapping("/epcis/capture")
    @Operation(summary = "The capture jobs of the caller's organisation, newest first")
    List<Map<String, Object>> jobs() {
        CurrentUser user = user();
        return jobs.jobs(user.organisationId(), MAX_JOBS_LISTED).stream()
                .map(this::jobJson)
                .toList();
    }

    @PostMapping("/epcis/events")
    @Operation(summary = "Capture one event synchronously (201 with its location, or 400)")
    ResponseEntity<Map<String, Object>> captureEvent(HttpServletRequest request) throws IOException {
        CurrentUser user = user();
        Syntax syntax = syntax(request.getContentType());
        DocumentReading reader = reader();
        long max = properties.maxDocumentSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw EpcisProblem.captureLimit("The event is larger than " + max + " bytes");
        }
        var eventIds = new ArrayList<String>();
        CaptureResult result;
        try (InputStream in = new Limited(request.getInputStream(), max)) {
            var source = reader.event(in, syntax);
            result = capturing.capture(
                    UUID.randomUUID(),
                    reporter(user),
                    ErrorBehaviour.ROLLBACK,
                    sink -> source.read(new Capturing.Sink() {
                        @Override
                        public void accepted(int index, org.lodestone.traceability.epcis.EpcisEvent event) {
                            eventIds.add(event.eventId());
                            sink.accepted(index, event);
                        }

                        @Override
                        public void rejected(int index, @Nullable String eventId, String reason, @Nullable String p) {
                            sink.rejected(index, eventId, reason, p);
                        }
                    }),
                    r -> {});
        }
        if (!result.success()) {
            if ("CaptureLimitExceededException".equals(result.exception())) {
                throw EpcisProblem.captureLimit(String.valueOf(result.documentError()));
            }
            String detail = result.documentError() != null
                    ? result.documentError()
                    : result.errors().stream()
                            .map(e -> (e.pointer() == null ? "" : e.pointer() + ": ") + e.reason())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("invalid event");
            throw EpcisProblem.validation(
                    detail,
                    result.errors().stream().map(Capturing.EventError::asMap).toList());
        }
        if (eventIds.size() != 1) {
            throw EpcisProblem.validation("The body must hold exactly one event, found " + eventIds.size());
        }
        String eventId = eventIds.getFirst();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventID", eventId);
        body.put("duplicate", result.duplicates() > 0);
        return ResponseEntity.created(URI.create("/epcis/events/" + encode(eventId)))
                .body(body);
    }

    @GetMapping(value = "/epcis/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "SimpleEventQuery: the events matching the standard query parameters, in capture order")
    ResponseEntity<String> query(HttpServletRequest request) {
        CurrentUser user = user();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> parameters.put(k, List.of(v)));
        EventQueries.Page page = queries.query(parameters, user);
        var headers = new HttpHeaders();
        if (page.nextPageToken() != null) {
            headers.add(HttpHeaders.LINK, "<" + nextLink(request, page.nextPageToken()) + ">; rel=\"next\"");
            headers.add("GS1-Next-Page-Token", page.nextPageToken());
        }
        return ResponseEntity.ok().headers(headers).body(queryDocument(page.events()));
    }

    @GetMapping(value = "/epcis/events/{eventId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One event by its eventID (URL-encoded)")
    ResponseEntity<String> event(@PathVariable String eventId) {
        CurrentUser user = user();
        String body =
                queries.event(eventId, user).orElseThrow(() -> EpcisProblem.noSuchResource("No event " + eventId));
        ObjectNode node = json.createObjectNode();
        node.putArray("@context").add(CONTEXT);
        JsonNode event = json.readTree(body);
        event.properties().forEach(e -> node.set(e.getKey(), e.getValue()));
        return ResponseEntity.ok(json.writeValueAsString(node));
    }

    // ---- helpers

    private String queryDocument(List<String> events) {
        var sb =
                new StringBuilder(256 + events.stream().mapToInt(String::length).sum());
        sb.append("{\"@context\":[\"")
                .append(CONTEXT)
                .append("\"],\"type\":\"EPCISQueryDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"")
                .append(DateTimeFormatter.ISO_INSTANT.format(Instant.now()))
                .append("\",\"epcisBody\":{\"queryResults\":{\"queryName\":\"SimpleEventQuery\","
                        + "\"resultsBody\":{\"eventList\":[");
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(events.get(i));
        }
        return sb.append("]}}}}").toString();
    }

    private static String nextLink(HttpServletRequest request, String token) {
        var sb = new StringBuilder(request.getRequestURI()).append('?');
        request.getParameterMap().forEach((k, values) -> {
            if (!k.equals("nextPageToken")) {
                for (String v : values) {
                    sb.append(encode(k)).append('=').append(encode(v)).append('&');
                }
            }
        });
        return sb.append("nextPageToken=").append(encode(token)).toString();
    }

    private Map<String, Object> jobJson(Job job) {
        var m = new LinkedHashMap<String, Object>();
        m.put("captureID", job.captureId().toString());
        m.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(job.createdAt()));
        if (job.finishedAt() != null) {
            m.put("finishedAt", DateTimeFormatter.ISO_INSTANT.format(job.finishedAt()));
        }
        m.put("running", !job.state().equals("DONE"));
        m.put("success", Boolean.TRUE.equals(job.success()) || !job.state().equals("DONE"));
        m.put("captureErrorBehaviour", job.errorBehaviour().toLowerCase(Locale.ROOT));
        m.put("eventsStored", job.stored());
        m.put("eventsDuplicate", job.duplicates());
        m.put("eventsRejected", job.rejected());
        var errors = new ArrayList<Map<String, Object>>();
        if (job.errors() != null) {
            JsonNode e = json.readTree(job.errors());
            var problem = new LinkedHashMap<String, Object>();
            String exception = e.path("exception").asString("ValidationException");
            problem.put("type", "epcisException:" + exception);
            problem.put("title", exception.replaceAll("([a-z])([A-Z])", "$1 $2"));
            problem.put("status", exception.equals("CaptureLimitExceededException") ? 413 : 400);
            String detail = e.path("detail").asString("");
            if (!detail.isEmpty()) {
                problem.put("detail", detail);
            } else {
                problem.put("detail", e.path("events").size() + " event(s) rejected");
            }
            problem.put("events", json.convertValue(e.path("events"), List.class));
            errors.add(problem);
        }
        m.put("errors", errors);
        return m;
    }

    private void limits(HttpHeaders headers) {
        headers.add("GS1-EPCIS-Capture-Limit", String.valueOf(properties.maxEventsPerDocument()));
        headers.add(
                "GS1-EPCIS-Capture-File-Size-Limit",
                String.valueOf(properties.maxDocumentSize().toBytes()));
    }

    private CurrentUser user() {
        return identity.currentUser()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Authentication required"));
    }

    private Reporter reporter(CurrentUser user) {
        return Reporter.of(user, identity);
    }

    private DocumentReading reader() {
        DocumentReading reader = reading.getIfAvailable();
        if (reader == null) {
            throw EpcisProblem.of(
                    HttpStatus.NOT_IMPLEMENTED, "ImplementationException", "No EPCIS document reader is installed.");
        }
        return reader;
    }

    static Syntax syntax(@Nullable String contentType) {
        if (contentType != null) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                String sub = type.getSubtype().toLowerCase(Locale.ROOT);
                if (type.getType().equals("application") && (sub.equals("json") || sub.equals("ld+json"))) {
                    return Syntax.JSON;
                }
                if ((type.getType().equals("application") || type.getType().equals("text")) && sub.equals("xml")) {
                    return Syntax.XML;
                }
            } catch (org.springframework.util.InvalidMimeTypeException e) {
                // answered below
            }
        }
        throw EpcisProblem.unsupportedMediaType(contentType);
    }

    static ErrorBehaviour behaviour(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return ErrorBehaviour.ROLLBACK;
        }
        return switch (header.strip().toLowerCase(Locale.ROOT)) {
            case "rollback" -> ErrorBehaviour.ROLLBACK;
            case "proceed" -> ErrorBehaviour.PROCEED;
            default ->
                throw EpcisProblem.validation(
                        "GS1-Capture-Error-Behaviour: '" + header + "' is neither rollback nor proceed");
        };
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Refuses a body that keeps streaming past the limit, without reading more of it. */
    static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) {
            count += n;
            if (count > max) {
                throw EpcisProblem.captureLimit("The body is larger than " + max + " bytes");
            }
        }
    }
}
