package org.lodestone.traceability.epcis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Role;
import org.lodestone.traceability.epcis.store.EventStore;
import org.lodestone.traceability.epcis.store.EventStore.Row;
import org.lodestone.traceability.epcis.store.EventStore.Visibility;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standard query and single-event reads with need-to-know visibility: a REPORTER's enterprise reads the events it
 * captured or that name its sites and lots (reader rows resolved at capture); REVIEWER and ENFORCEMENT read every
 * event whose reporter region lies in their authority's jurisdiction ({@code CN} covers {@code CN-JX}). Another
 * enterprise's event answers 404 like a missing one. Every read is audited in its transaction. Guarded by
 * {@code EventQueryApiTests} and {@code EpcisAuthorizationMatrixTests}.
 */
public class EventQueries {

    private final EventStore store;
    private final AuditTrail audit;
    private final EpcisProperties properties;

    public EventQueries(EventStore store, AuditTrail audit, EpcisProperties properties) {
        this.store = store;
        this.audit = audit;
        this.properties = properties;
    }

    /** One page of a query: the events' JSON-LD bodies in seq order and the token for the next page, if any. */
    public record Page(List<String> events, @Nullable String nextPageToken) {}

    /** Who sees what, from the user's roles and organisation. */
    public static Visibility visibility(CurrentUser user) {
        if (user.has(Role.ENFORCEMENT) || user.has(Role.REVIEWER)) {
            return user.jurisdiction() == null
                    ? new Visibility(null, null, false)
                    : Visibility.jurisdiction(user.jurisdiction());
        }
        if (user.has(Role.REPORTER)) {
            return Visibility.enterprise(user.organisationId());
        }
        return new Visibility(null, null, false);
    }

    @Transactional
    public Page query(Map<String, List<String>> parameters, CurrentUser user) {
        EventQuery q = EventQuery.parse(parameters);
        int perPage = perPage(parameters.get("perPage"));
        List<String> token = parameters.get("nextPageToken");
        long after = q.after(token == null || token.isEmpty() ? null : token.getFirst());
        List<Row> rows = store.query(q, visibility(user), after, perPage + 1);
        String next = null;
        if (rows.size() > perPage) {
            rows = rows.subList(0, perPage);
            next = q.nextPageToken(rows.getLast().seq());
        }
        var shown = new TreeMap<>(parameters);
        shown.remove("nextPageToken");
        audit.record(AuditRecord.success("epcis.query", "EpcisEvents", null)
                .withDetail("parameters " + shown + (after > 0 ? " (continued)" : "") + "; " + rows.size()
                        + " event(s) returned"));
        return new Page(rows.stream().map(Row::body).toList(), next);
    }

    @Transactional
    public Optional<String> event(String eventId, CurrentUser user) {
        Optional<Row> row = store.find(eventId, visibility(user));
        audit.record(new AuditRecord(
                "epcis.read",
                "EpcisEvent",
                eventId,
                row.isPresent() ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.DENIED,
                row.isPresent() ? "returned" : "not found or not visible",
                null));
        return row.map(Row::body);
    }

    private int perPage(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return properties.defaultPerPage();
        }
        if (values.size() > 1) {
            throw EpcisProblem.queryParameter("perPage", "takes one number");
        }
        try {
            int n = Integer.parseInt(values.getFirst().strip());
            if (n < 1 || n > properties.maxPerPage()) {
                throw EpcisProblem.queryParameter(
                        "perPage", "must be between 1 and " + properties.maxPerPage() + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw EpcisProblem.queryParameter("perPage", "'" + values.getFirst() + "' is not a whole number");
        }
    }
}
