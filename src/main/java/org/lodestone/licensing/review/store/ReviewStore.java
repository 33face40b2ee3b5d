package org.lodestone.licensing.review.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.clock.Pause;
import org.lodestone.licensing.review.Answer;
import org.lodestone.licensing.review.ApprovalTerms;
import org.lodestone.licensing.review.Consultation;
import org.lodestone.licensing.review.Decision;
import org.lodestone.licensing.review.InformationRequest;
import org.lodestone.licensing.review.Note;
import org.lodestone.licensing.review.QueueFilter;
import org.lodestone.licensing.review.RefusalReason;
import org.lodestone.licensing.review.RequestedItem;
import org.lodestone.licensing.review.ReviewCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review tables. Callers own the transaction and lock the application row first ({@code Applications.lock}), so
 * acts on one case are serialised and the case row needs no version of its own. Structured parts (requested items,
 * answers, approval terms) are stored as JSON text: they are read and written whole, never queried. Guarded by
 * {@code ReviewStoreContractTests} on H2 and PostgreSQL.
 */
public class ReviewStore {

    private static final TypeReference<List<RequestedItem>> ITEMS = new TypeReference<>() {};
    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ReviewStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- cases ------------------------------------------------------------------------------------------------------

    public void insert(ReviewCase c, Instant now) {
        jdbc.sql("""
                INSERT INTO rv_case (application_id, authority, reference, applicant_name, state, is_open, destinations,
                    elements, submitted_at, submitted_on, assignee, assignee_name, assigned_at, clock_started_on,
                    clock_paused, clock_deadline, clock_balance, clock_stopped_on, information_due_on, updated_at)
                VALUES (:id, :authority, :reference, :applicant, :state, :open, :destinations, :elements, :submittedAt,
                    :submittedOn, :assignee, :assigneeName, :assignedAt, :started, :paused, :deadline, :balance,
                    :stopped, :infoDue, :now)""").params(caseParams(c, now)).update();
    }

    /** Saves every mutable column of the case. */
    public void update(ReviewCase c, Instant now) {
        jdbc.sql("""
                UPDATE rv_case SET state = :state, is_open = :open, destinations = :destinations, elements = :elements,
                    assignee = :assignee, assignee_name = :assigneeName, assigned_at = :assignedAt,
                    clock_paused = :paused, clock_deadline = :deadline, clock_balance = :balance,
                    clock_stopped_on = :stopped, information_due_on = :infoDue, updated_at = :now
                WHERE application_id = :id""").params(caseParams(c, now)).update();
    }

    private static Map<String, @Nullable Object> caseParams(ReviewCase c, Instant now) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("id", c.application().value());
        p.put("authority", c.authority().value());
        p.put("reference", c.reference());
        p.put("applicant", c.applicantName());
        p.put("state", c.state().name());
        p.put("open", c.open());
        p.put("destinations", delimited(c.destinations()));
        p.put("elements", delimited(c.elements()));
        p.put("submittedAt", ts(c.submittedAt()));
        p.put("submittedOn", c.submittedOn());
        p.put("assignee", c.assignee());
        p.put("assigneeName", c.assigneeName());
        p.put("assignedAt", c.assignedAt() == null ? null : ts(c.assignedAt()));
        p.put("started", c.clockStartedOn());
        p.put("paused", c.clockPaused());
        p.put("deadline", c.clockDeadline());
        p.put("balance", c.clockBalance());
        p.put("stopped", c.clockStoppedOn());
        p.put("infoDue", c.informationDueOn());
        p.put("now", ts(now));
        return p;
    }

    public Optional<ReviewCase> find(ApplicationId id) {
        return jdbc.sql("SELECT * FROM rv_case WHERE application_id = :id")
                .param("id", id.value())
                .query((rs, n) -> reviewCase(rs))
                .optional();
    }

    /**
     * The criteria of a queue query already turned into dates by the caller (which knows the working calendar).
     *
     * @param deadlineAtMost running clocks must end on or before this day (the day {@code maxDaysLeft} working days
     *     ahead); null for no limit
     * @param balanceAtMost paused clocks must have at most this many days left; null for no limit
     * @param overdueBefore running clocks whose deadline is before this day (the last working day up to today) and
     *     paused clocks with a negative balance are overdue; null for no overdue filter
     * @param submittedOnOrBefore only cases submitted on or before this day; null for no age limit
     */
    public record QueueQuery(
            OrganisationId authority,
            List<ApplicationState> states,
            @Nullable String element,
            @Nullable String destination,
            @Nullable LocalDate submittedOnOrBefore,
            @Nullable LocalDate deadlineAtMost,
            @Nullable Integer balanceAtMost,
            @Nullable LocalDate overdueBefore,
            @Nullable String assignee,
            boolean unassigned,
            @Nullable String text,
            QueueFilter.Sort sort,
            int offset,
            int limit) {}

    public List<ReviewCase> queue(QueueQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        // authority and is_open are constant under the WHERE, but H2 reads an index in order only when the ORDER BY
        // starts with its columns: so it walks rv_case_queue_ix / rv_case_age_ix and stops after the page instead of
        // sorting every open case of the authority (100 ms at 70,000 open cases). PostgreSQL drops such keys itself.
        String order = q.sort() == QueueFilter.Sort.AGE
                ? "authority, is_open, submitted_at, reference"
                : "authority, is_open, clock_paused, clock_deadline, clock_balance, submitted_at, reference";
        params.put("offset", q.offset());
        params.put("limit", q.limit());
        return jdbc.sql("SELECT * FROM rv_case WHERE " + where + " ORDER BY " + order
                        + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params)
                .query((rs, n) -> reviewCase(rs))
                .list();
    }

    public long count(QueueQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        return jdbc.sql("SELECT COUNT(*) FROM rv_case WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Only named parameters are concatenated; every value is bound. */
    private static String where(QueueQuery q, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("authority = :authority");
        params.put("authority", q.authority().value());
        clauses.add("is_open = TRUE");
        if (!q.states().isEmpty()) {
            clauses.add("state IN (:states)");
            params.put("states", q.states().stream().map(Enum::name).toList());
        }
        if (q.element() != null) {
            clauses.add("elements LIKE :element");
            params.put("element", "% " + q.element() + " %");
        }
        if (q.destination() != null) {
            clauses.add("destinations LIKE :destination");
            params.put("destination", "% " + q.destination() + " %");
        }
        if (q.submittedOnOrBefore() != null) {
            clauses.add("submitted_on <= :submittedOn");
            params.put("submittedOn", q.submittedOnOrBefore());
        }
        if (q.deadlineAtMost() != null && q.balanceAtMost() != null) {
            clauses.add("((clock_paused = FALSE AND clock_deadline <= :deadlineAtMost)"
                    + " OR (clock_paused = TRUE AND clock_balance <= :balanceAtMost))");
            params.put("deadlineAtMost", q.deadlineAtMost());
            params.put("balanceAtMost", q.balanceAtMost());
        }
        if (q.overdueBefore() != null) {
            clauses.add("((clock_paused = FALSE AND clock_deadline < :overdueBefore)"
                    + " OR (clock_paused = TRUE AND clock_balance < 0))");
            params.put("overdueBefore", q.overdueBefore());
        }
        if (q.unassigned()) {
            clauses.add("assignee IS NULL");
        } else if (q.assignee() != null) {
            clauses.add("assignee = :assignee");
            params.put("assignee", q.assignee());
        }
        if (q.text() != null) {
            clauses.add("(UPPER(reference) LIKE :text OR UPPER(applicant_name) LIKE :text)");
            params.put("text", "%" + escapeLike(q.text().toUpperCase(java.util.Locale.ROOT)) + "%");
        }
        return String.join(" AND ", clauses);
    }

    private static String escapeLike(String s) {
        return s.replace("%", "").replace("_", "");
    }

    private static ReviewCase reviewCase(ResultSet rs) throws SQLException {
        return new ReviewCase(
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                new OrganisationId(rs.getObject("authority", UUID.class)),
                rs.getString("reference"),
                rs.getString("applicant_name"),
                ApplicationState.valueOf(rs.getString("state")),
                rs.getBoolean("is_open"),
                split(rs.getString("destinations")),
                split(rs.getString("elements")),
                instant(rs, "submitted_at"),
                rs.getObject("submitted_on", LocalDate.class),
                rs.getString("assignee"),
                rs.getString("assignee_name"),
                nullableInstant(rs, "assigned_at"),
                rs.getObject("clock_started_on", LocalDate.class),
                rs.getBoolean("clock_paused"),
                rs.getObject("clock_deadline", LocalDate.class),
                rs.getInt("clock_balance"),
                rs.getObject("clock_stopped_on", LocalDate.class),
                rs.getObject("information_due_on", LocalDate.class));
    }

    // ---- clock pauses -----------------------------------------------------------------------------------------------

    public void startPause(ApplicationId id, String cause, UUID causeId, LocalDate on) {
        jdbc.sql("""
                INSERT INTO rv_pause (application_id, cause, cause_id, started_on)
                VALUES (:id, :cause, :causeId, :on)""")
                .param("id", id.value())
                .param("cause", cause)
                .param("causeId", causeId)
                .param("on", on)
                .update();
    }

    /** Ends the open pause caused by {@code causeId}; returns whether there was one. */
    public boolean endPause(ApplicationId id, UUID causeId, LocalDate on) {
        return jdbc.sql("""
                UPDATE rv_pause SET ended_on = :on
                WHERE application_id = :id AND cause_id = :causeId AND ended_on IS NULL""")
                        .param("id", id.value())
                        .param("causeId", causeId)
                        .param("on", on)
                        .update()
                > 0;
    }

    public void endAllPauses(ApplicationId id, LocalDate on) {
        jdbc.sql("UPDATE rv_pause SET ended_on = :on WHERE application_id = :id AND ended_on IS NULL")
                .param("id", id.value())
                .param("on", on)
                .update();
    }

    public List<Pause> pauses(ApplicationId id) {
        return jdbc.sql("SELECT started_on, ended_on FROM rv_pause WHERE application_id = :id ORDER BY id")
                .param("id", id.value())
                .query((rs, n) -> new Pause(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .list();
    }

    /** The pauses of many cases in one query, for a queue page. */
    public Map<ApplicationId, List<Pause>> pauses(Collection<ApplicationId> ids) {
        Map<ApplicationId, List<Pause>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT application_id, started_on, ended_on FROM rv_pause
                WHERE application_id IN (:ids) ORDER BY id""")
                .param("ids", ids.stream().map(ApplicationId::value).toList())
                .query((rs, n) -> {
                    result.computeIfAbsent(new ApplicationId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                            .add(new Pause(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                    return null;
                })
                .list();
        return result;
    }

    // ---- notes ------------------------------------------------------------------------------------------------------

    public void insert(Note note, OrganisationId authorOrg) {
        jdbc.sql("""
                INSERT INTO rv_note (id, application_id, author, author_name, author_org, body, created_at)
                VALUES (:id, :app, :author, :name, :org, :body, :at)""")
                .param("id", note.id())
                .param("app", note.application().value())
                .param("author", note.author())
                .param("name", note.authorName())
                .param("org", authorOrg.value())
                .param("body", note.body())
                .param("at", ts(note.at()))
                .update();
    }

    public List<Note> notes(ApplicationId id) {
        return jdbc.sql("""
                SELECT id, author, author_name, body, created_at FROM rv_note
                WHERE application_id = :id ORDER BY created_at, id""")
                .param("id", id.value())
                .query((rs, n) -> new Note(
                        rs.getObject(1, UUID.class),
                        id,
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs, "created_at")))
                .list();
    }

    // ---- information requests ---------------------------------------------------------------------------------------

    public int nextRequestNumber(ApplicationId id) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM rv_information_request WHERE application_id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    public void insert(InformationRequest r) {
        jdbc.sql("""
                INSERT INTO rv_information_request (id, application_id, number, state, message, items, due_on,
                    requested_by, requested_by_name, requested_at)
                VALUES (:id, :app, :number, :state, :message, :items, :due, :by, :byName, :at)""")
                .param("id", r.id())
                .param("app", r.application().value())
                .param("number", r.number())
                .param("state", r.state().name())
                .param("message", r.message())
                .param("items", json.writeValueAsString(r.items()))
                .param("due", r.dueOn())
                .param("by", r.requestedBy())
                .param("byName", r.requestedByName())
                .param("at", ts(r.requestedAt()))
                .update();
    }

    public void answer(UUID request, List<Answer> answers, String by, Instant at, int revision) {
        jdbc.sql("""
                UPDATE rv_information_request SET state = 'ANSWERED', answers = :answers, answered_by = :by,
                    answered_at = :at, answered_revision = :revision
                WHERE id = :id""")
                .param("id", request)
                .param("answers", json.writeValueAsString(answers))
                .param("by", by)
                .param("at", ts(at))
                .param("revision", revision)
                .update();
    }

    public void closeOpenRequests(ApplicationId id) {
        jdbc.sql("UPDATE rv_information_request SET state = 'CLOSED' WHERE application_id = :id AND state = 'OPEN'")
                .param("id", id.value())
                .update();
        jdbc.sql("UPDATE rv_consultation SET state = 'CLOSED' WHERE application_id = :id AND state = 'OPEN'")
                .param("id", id.value())
                .update();
    }

    public List<InformationRequest> requests(ApplicationId id) {
        return jdbc.sql("SELECT * FROM rv_information_request WHERE application_id = :id ORDER BY number")
                .param("id", id.value())
                .query((rs, n) -> request(rs))
                .list();
    }

    private InformationRequest request(ResultSet rs) throws SQLException {
        String answers = rs.getString("answers");
        Object revision = rs.getObject("answered_revision");
        return new InformationRequest(
                rs.getObject("id", UUID.class),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                rs.getInt("number"),
                InformationRequest.State.valueOf(rs.getString("state")),
                rs.getString("message"),
                json.readValue(rs.getString("items"), ITEMS),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("requested_by"),
                rs.getString("requested_by_name"),
                instant(rs, "requested_at"),
                answers == null ? List.of() : json.readValue(answers, ANSWERS),
                rs.getString("answered_by"),
                nullableInstant(rs, "answered_at"),
                revision == null ? null : ((Number) revision).intValue());
    }

    // ---- consultations ----------------------------------------------------------------------------------------------

    public void insert(Consultation c) {
        jdbc.sql("""
                INSERT INTO rv_consultation (id, application_id, consulted, consulted_name, state, question,
                    pauses_clock, due_on, requested_by, requested_by_name, requested_at)
                VALUES (:id, :app, :consulted, :consultedName, :state, :question, :pauses, :due, :by, :byName, :at)""")
                .param("id", c.id())
                .param("app", c.application().value())
                .param("consulted", c.consulted().value())
                .param("consultedName", c.consultedName())
                .param("state", c.state().name())
                .param("question", c.question())
                .param("pauses", c.pausesClock())
                .param("due", c.dueOn())
                .param("by", c.requestedBy())
                .param("byName", c.requestedByName())
                .param("at", ts(c.requestedAt()))
                .update();
    }

    public void answer(UUID consultation, String answer, String by, String byName, Instant at) {
        jdbc.sql("""
                UPDATE rv_consultation SET state = 'ANSWERED', answer = :answer, answered_by = :by,
                    answered_by_name = :byName, answered_at = :at
                WHERE id = :id""")
                .param("id", consultation)
                .param("answer", answer)
                .param("by", by)
                .param("byName", byName)
                .param("at", ts(at))
                .update();
    }

    public List<Consultation> consultations(ApplicationId id) {
        return jdbc.sql("SELECT * FROM rv_consultation WHERE application_id = :id ORDER BY requested_at, id")
                .param("id", id.value())
                .query((rs, n) -> new Consultation(
                        rs.getObject("id", UUID.class),
                        id,
                        new OrganisationId(rs.getObject("consulted", UUID.class)),
                        rs.getString("consulted_name"),
                        Consultation.State.valueOf(rs.getString("state")),
                        rs.getString("question"),
                        rs.getBoolean("pauses_clock"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("requested_by"),
                        rs.getString("requested_by_name"),
                        instant(rs, "requested_at"),
                        rs.getString("answer"),
                        rs.getString("answered_by"),
                        rs.getString("answered_by_name"),
                        nullableInstant(rs, "answered_at")))
                .list();
    }

    /** Whether {@code organisation} has been consulted on the application (it may then read the case). */
    public boolean consulted(ApplicationId id, OrganisationId organisation) {
        return jdbc.sql("SELECT COUNT(*) FROM rv_consultation WHERE application_id = :id AND consulted = :org")
                        .param("id", id.value())
                        .param("org", organisation.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- decisions --------------------------------------------------------------------------------------------------

    public void insert(Decision d) {
        jdbc.sql("""
                INSERT INTO rv_decision (id, application_id, kind, actor, actor_name, at, reason_code, text,
                    internal_note, terms, licence_number)
                VALUES (:id, :app, :kind, :actor, :actorName, :at, :reason, :text, :note, :terms, :licence)""")
                .param("id", d.id())
                .param("app", d.application().value())
                .param("kind", d.kind().name())
                .param("actor", d.actor())
                .param("actorName", d.actorName())
                .param("at", ts(d.at()))
                .param("reason", d.reason() == null ? null : d.reason().name())
                .param("text", d.text())
                .param("note", d.internalNote())
                .param("terms", d.terms() == null ? null : json.writeValueAsString(d.terms()))
                .param("licence", d.licenceNumber())
                .update();
    }

    public List<Decision> decisions(ApplicationId id) {
        return jdbc.sql("SELECT * FROM rv_decision WHERE application_id = :id ORDER BY at, id")
                .param("id", id.value())
                .query((rs, n) -> {
                    String reason = rs.getString("reason_code");
                    String terms = rs.getString("terms");
                    return new Decision(
                            rs.getObject("id", UUID.class),
                            id,
                            Decision.Kind.valueOf(rs.getString("kind")),
                            rs.getString("actor"),
                            rs.getString("actor_name"),
                            instant(rs, "at"),
                            reason == null ? null : RefusalReason.valueOf(reason),
                            rs.getString("text"),
                            rs.getString("internal_note"),
                            terms == null ? null : json.readValue(terms, ApprovalTerms.class),
                            rs.getString("licence_number"));
                })
                .list();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String delimited(List<String> values) {
        return values.isEmpty() ? " " : " " + String.join(" ", values) + " ";
    }

    private static List<String> split(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.strip().split(" +")).toList();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
