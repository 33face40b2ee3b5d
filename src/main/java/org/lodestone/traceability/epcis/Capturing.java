package org.lodestone.traceability.epcis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.epcis.store.EventStore;
import org.lodestone.traceability.epcis.store.EventStore.NewEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores the events of one capture: dedup by eventID (identical content again is a duplicate, not an error; other
 * content under a stored eventID is rejected and the first kept), the future-skew limit, who may read each event
 * (the capturer and the owners {@link Chain#ownersOf} names), {@link EventsCaptured} with only the new events inside
 * the storing transaction, and an audit entry. With {@link ErrorBehaviour#ROLLBACK} the whole document is one
 * transaction that stores nothing if any event is invalid; with {@link ErrorBehaviour#PROCEED} each chunk commits on
 * its own and invalid events are listed. Guarded by {@code CapturingTests} and {@code CaptureApiTests}.
 */
public class Capturing {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Capturing.class);

    /** {@code GS1-Capture-Error-Behaviour}. */
    public enum ErrorBehaviour {
        ROLLBACK,
        PROCEED;

        public String header() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Who captures: the organisation and user behind the request, and the organisation's region (jurisdiction). */
    public record Reporter(
            OrganisationId organisation,
            String username,
            @Nullable String region) {

        /** The signed-in user's enterprise as reporter; its region, else its country, decides the jurisdiction. */
        public static Reporter of(org.lodestone.identity.CurrentUser user, org.lodestone.identity.Identity identity) {
            var org = identity.organisation(user.organisationId()).orElse(null);
            String region = org == null
                    ? null
                    : org.region() != null ? org.region() : org.country().toString();
            return new Reporter(user.organisationId(), user.username(), region);
        }
    }

    /** One event that was not stored, with the reason; {@code index} counts events in the document from 0. */
    public record EventError(
            int index,
            @Nullable String eventId,
            String reason,
            @Nullable String pointer) {
        public Map<String, Object> asMap() {
            var m = new LinkedHashMap<String, Object>();
            m.put("index", index);
            if (eventId != null) {
                m.put("eventID", eventId);
            }
            m.put("reason", reason);
            if (pointer != null) {
                m.put("pointer", pointer);
            }
            return m;
        }
    }

    /**
     * What a capture did. {@code documentError} is set when the document as a whole was refused (malformed, over a
     * limit): then {@code exception} names the EPCIS exception.
     */
    public record CaptureResult(
            UUID captureId,
            boolean success,
            int stored,
            int duplicates,
            List<EventError> errors,
            @Nullable String exception,
            @Nullable String documentError) {}

    /** Receives the events a document reader produces, in document order. */
    public interface Sink {
        void accepted(int index, EpcisEvent event);

        void rejected(int index, @Nullable String eventId, String reason, @Nullable String pointer);
    }

    /** Reads one document into a sink; throws {@link EpcisProblem} when the document as a whole is refused. */
    @FunctionalInterface
    public interface DocumentSource {
        void read(Sink sink);
    }

    private final EventStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Chain> chain;
    private final TransactionTemplate tx;
    private final EpcisProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    public Capturing(
            EventStore store,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ObjectProvider<Chain> chain,
            PlatformTransactionManager transactions,
            EpcisProperties properties,
            Clock clock,
            JsonMapper json) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.chain = chain;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Captures one document. {@code onDone} runs inside the transaction that commits the result (the job's final
     * state), so a job is marked done exactly when its events are stored.
     */
    public CaptureResult capture(
            UUID captureId,
            Reporter reporter,
            ErrorBehaviour behaviour,
            DocumentSource source,
            Consumer<CaptureResult> onDone) {
        var session = new Session(captureId, reporter, behaviour);
        if (behaviour == ErrorBehaviour.ROLLBACK) {
            CaptureResult committed = tx.execute(status -> {
                session.run(source);
                if (!session.ok()) {
                    status.setRollbackOnly();
                    return null;
                }
                CaptureResult r = session.result();
                finish(r, reporter, onDone);
                return r;
            });
            if (committed != null) {
                return committed;
            }
            CaptureResult failed = session.result();
            tx.executeWithoutResult(status -> finish(failed, reporter, onDone));
            return failed;
        }
        session.run(source);
        CaptureResult r = session.result();
        tx.executeWithoutResult(status -> finish(r, reporter, onDone));
        return r;
    }

    private void finish(CaptureResult r, Reporter reporter, Consumer<CaptureResult> onDone) {
        onDone.accept(r);
        String detail = "stored " + r.stored() + ", duplicates " + r.duplicates() + ", rejected "
                + r.errors().size() + (r.documentError() == null ? "" : "; " + r.documentError());
        audit.record(new AuditRecord(
                        "epcis.capture",
                        "EpcisCapture",
                        r.captureId().toString(),
                        r.success() ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.FAILURE,
                        detail,
                        null)
                .by(new AuditActor(reporter.username(), reporter.organisation().toString())));
    }

    /**
     * The canonical content hash of an event: SHA-256 of its JSON-LD without recordTime in a canonical form that does
     * not depend on property order (properties sorted, strings length-prefixed so no escaping is needed). Written by
     * hand rather than by a sorting JSON writer: it runs once per captured event and was a tenth of capture's CPU.
     */
    public String contentHash(EpcisEvent event) {
        return contentHash(event.json());
    }

    static String contentHash(JsonNode event) {
        var out = new StringBuilder(1_024);
        canonical(event, out, true);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonNode node, StringBuilder out, boolean top) {
        if (node.isObject()) {
            String[] names = node.propertyNames().toArray(new String[0]);
            Arrays.sort(names);
            out.append('{');
            for (String name : names) {
                if (top && name.equals("recordTime")) {
                    continue;
                }
                out.append('k').append(name.length()).append(':').append(name);
                canonical(node.get(name), out, false);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (JsonNode v : node.values()) {
                canonical(v, out, false);
            }
            out.append(']');
        } else if (node.isString()) {
            String v = node.stringValue();
            out.append('s').append(v.length()).append(':').append(v);
        } else if (node.isNumber()) {
            out.append('n').append(node.asString()).append(';');
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? 't' : 'f');
        } else if (node.isNull()) {
            out.append('z');
        } else {
            String v = node.toString();
            out.append('o').append(v.length()).append(':').append(v);
        }
    }

    /** The identifiers an event names whose owners may read it. */
    static Set<String> identifiers(EpcisEvent e) {
        var ids = new LinkedHashSet<String>();
        addIfPresent(ids, e.readPoint());
        addIfPresent(ids, e.bizLocation());
        addIfPresent(ids, e.parentId());
        ids.addAll(e.epcList());
        ids.addAll(e.inputEpcList());
        ids.addAll(e.outputEpcList());
        e.quantityList().forEach(q -> ids.add(q.epcClass()));
        e.inputQuantityList().forEach(q -> ids.add(q.epcClass()));
        e.outputQuantityList().forEach(q -> ids.add(q.epcClass()));
        e.sourceList().forEach(s -> ids.add(s.value()));
        e.destinationList().forEach(d -> ids.add(d.value()));
        return ids;
    }

    private static void addIfPresent(Set<String> ids, @Nullable String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    /** One document being captured: buffers a chunk, stores it, and counts. */
    private final class Session implements Sink {
        private final UUID captureId;
        private final Reporter reporter;
        private final ErrorBehaviour behaviour;
        private final Instant recordTime;
        private final String recordTimeText;
        private final List<Pending> chunk = new ArrayList<>();
        private final List<EventError> errors = new ArrayList<>();
        /** eventID -> hash of events of this document already handled, to dedup within the document. */
        private final Map<String, String> seen = new HashMap<>();

        private int stored;
        private int duplicates;
        private int count;
        private @Nullable String exception;
        private @Nullable String documentError;

        private record Pending(int index, EpcisEvent event, String hash) {}

        Session(UUID captureId, Reporter reporter, ErrorBehaviour behaviour) {
            this.captureId = captureId;
            this.reporter = reporter;
            this.behaviour = behaviour;
            this.recordTime = clock.instant();
            this.recordTimeText = DateTimeFormatter.ISO_INSTANT.format(recordTime);
        }

        void run(DocumentSource source) {
            try {
                source.read(this);
                flush();
            } catch (EpcisProblem p) {
                exception = p.exception();
                documentError = p.getBody().getDetail();
                chunk.clear();
            } catch (org.springframework.web.ErrorResponseException e) {
                // A projection refused the events (e.g. a licence without the quantity left): report, keep nothing.
                exception = "ValidationException";
                documentError = e.getBody().getDetail();
                chunk.clear();
            } catch (RuntimeException e) {
                log.error("Capture {} failed", captureId, e);
                exception = "ImplementationException";
                documentError = "The events could not be stored ("
                        + e.getClass().getSimpleName() + "); events committed before the failure are kept.";
                chunk.clear();
            }
        }

        boolean ok() {
            return errors.isEmpty() && documentError == null;
        }

        CaptureResult result() {
            boolean rolledBack = behaviour == ErrorBehaviour.ROLLBACK && !ok();
            return new CaptureResult(
                    captureId,
                    ok(),
                    rolledBack ? 0 : stored,
                    rolledBack ? 0 : duplicates,
                    List.copyOf(errors),
                    exception != null ? exception : errors.isEmpty() ? null : "ValidationException",
                    documentError);
        }

        @Override
        public void accepted(int index, EpcisEvent event) {
            if (++count > properties.maxEventsPerDocument()) {
                throw EpcisProblem.captureLimit("The document holds more than " + properties.maxEventsPerDocument()
                        + " events (lodestone.epcis.max-events-per-document); split it.");
            }
            Instant latest = recordTime.plus(properties.maxFutureSkew());
            if (event.eventTime().isAfter(latest)) {
                rejected(
                        index,
                        event.eventId(),
                        "eventTime " + DateTimeFormatter.ISO_INSTANT.format(event.eventTime())
                                + " lies in the future beyond the allowed skew of " + properties.maxFutureSkew(),
                        "/epcisBody/eventList/" + index + "/eventTime");
                return;
            }
            if (behaviour == ErrorBehaviour.ROLLBACK && !errors.isEmpty()) {
                return; // nothing will be stored; keep reading only to report every invalid event
            }
            chunk.add(new Pending(index, event, contentHash(event)));
            if (chunk.size() >= properties.chunkSize()) {
                flush();
            }
        }

        @Override
        public void rejected(int index, @Nullable String eventId, String reason, @Nullable String pointer) {
            errors.add(new EventError(index, eventId, reason, pointer));
            if (errors.size() == 1 && behaviour == ErrorBehaviour.ROLLBACK) {
                chunk.clear();
            }
        }

        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            if (behaviour == ErrorBehaviour.ROLLBACK) {
                store(); // inside the document's one transaction
            } else {
                tx.executeWithoutResult(status -> store());
            }
            chunk.clear();
        }

        private void store() {
            long next = store.lockSeq();
            var ids = new LinkedHashSet<String>();
            for (Pending p : chunk) {
                ids.add(p.event().eventId());
            }
            Map<String, String> existing = store.hashes(ids);
            var freshPending = new ArrayList<Pending>();
            var freshEvents = new ArrayList<EpcisEvent>();
            for (Pending p : chunk) {
                String id = p.event().eventId();
                String key = EventStore.key(p.event());
                String earlier = existing.getOrDefault(key, seen.get(key));
                if (earlier == null) {
                    seen.put(key, p.hash());
                    freshPending.add(p);
                    freshEvents.add(p.event());
                } else if (earlier.equals(p.hash())) {
                    duplicates++;
                } else {
                    errors.add(new EventError(
                            p.index(),
                            id,
                            "eventID " + id + " was captured before with other content; the first event is kept"
                                    + " (events are immutable: declare an error with errorDeclaration instead)",
                            "/epcisBody/eventList/" + p.index() + "/eventID"));
                }
            }
            if (behaviour == ErrorBehaviour.ROLLBACK && !errors.isEmpty()) {
                return;
            }
            List<Set<OrganisationId>> readers = readers(freshEvents);
            var fresh = new ArrayList<NewEvent>(freshPending.size());
            for (int i = 0; i < freshPending.size(); i++) {
                Pending p = freshPending.get(i);
                fresh.add(new NewEvent(p.event(), p.hash(), body(p.event()), readers.get(i)));
            }
            long[] seqs = store.insert(
                    fresh,
                    next,
                    new EventStore.Capture(captureId, reporter.organisation(), reporter.region(), recordTime));
            stored += fresh.size();
            if (!fresh.isEmpty()) {
                var list = new ArrayList<EventsCaptured.Stored>(fresh.size());
                for (int i = 0; i < seqs.length; i++) {
                    list.add(new EventsCaptured.Stored(seqs[i], freshEvents.get(i)));
                }
                events.publishEvent(new EventsCaptured(captureId, reporter.organisation(), reporter.region(), list));
            }
        }

        /** The JSON-LD event with the repository's recordTime (a client's own recordTime is replaced). */
        private String body(EpcisEvent event) {
            ObjectNode node = event.json();
            if (node.has("recordTime") || node.isEmpty()) {
                ObjectNode copy = node.deepCopy();
                copy.put("recordTime", recordTimeText);
                return json.writeValueAsString(copy);
            }
            String s = json.writeValueAsString(node);
            return s.substring(0, s.length() - 1) + ",\"recordTime\":\"" + recordTimeText + "\"}";
        }

        /** Who may read each event: the capturer and the owners the chain names, asked once for the whole chunk. */
        private List<Set<OrganisationId>> readers(List<EpcisEvent> events) {
            Chain c = chain.getIfAvailable();
            if (c == null) {
                return events.stream().map(e -> Set.of(reporter.organisation())).toList();
            }
            var out = new ArrayList<Set<OrganisationId>>(events.size());
            for (Set<OrganisationId> owners :
                    c.ownersOfEach(events.stream().map(Capturing::identifiers).toList())) {
                var readers = new LinkedHashSet<OrganisationId>();
                readers.add(reporter.organisation());
                readers.addAll(owners);
                out.add(readers);
            }
            return out;
        }
    }
}
