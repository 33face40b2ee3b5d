package org.lodestone.licensing.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.clock.Pause;
import org.lodestone.licensing.evidence.DocumentType;
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
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review store on H2 and PostgreSQL (#3): cases round-trip; the queue's SQL filters (authority, state, element,
 * destination, age, days left for running and paused clocks, overdue, assignee, text) select exactly the right cases;
 * pauses, notes, information requests with their JSON items and answers, consultations and decisions with their terms
 * round-trip unchanged, in any script.
 */
class ReviewStoreContractTests {

    static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final OrganisationId BUREAU = new OrganisationId(UUID.randomUUID());

    abstract static class Contract {

        ReviewStore store;
        JdbcClient sql;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            DataSource ds = freshDatabase();
            sql = JdbcClient.create(ds);
            store = new ReviewStore(
                    sql, JsonMapper.builder().findAndAddModules().build());
        }

        @Test
        void caseRoundTripsAndUpdates() {
            ReviewCase c = reviewCase("LA-2026-000001", ApplicationState.SUBMITTED, List.of("DE"), List.of("Dy", "Nd"));
            store.insert(c, AT);
            assertThat(store.find(c.application())).contains(c);
            ReviewCase changed = new ReviewCase(
                    c.application(),
                    c.authority(),
                    c.reference(),
                    c.applicantName(),
                    ApplicationState.IN_REVIEW,
                    true,
                    List.of("DE", "US"),
                    List.of("Tb"),
                    c.submittedAt(),
                    c.submittedOn(),
                    "reviewer",
                    "Wang Wei 王伟",
                    AT.plusSeconds(60),
                    c.clockStartedOn(),
                    true,
                    c.clockDeadline(),
                    12,
                    null,
                    DAY.plusDays(20));
            store.update(changed, AT.plusSeconds(60));
            assertThat(store.find(c.application())).contains(changed);
        }

        @Test
        void queueFiltersSelectExactlyTheMatchingCases() {
            ReviewCase dyDe = reviewCase("LA-2026-000011", ApplicationState.IN_REVIEW, List.of("DE"), List.of("Dy"));
            ReviewCase tbUs =
                    reviewCase("LA-2026-000012", ApplicationState.SUBMITTED, List.of("US", "DE"), List.of("Tb"));
            ReviewCase overdue = withClock(
                    reviewCase("LA-2026-000013", ApplicationState.IN_REVIEW, List.of("JP"), List.of("Sm")),
                    false,
                    DAY.minusDays(3),
                    0);
            ReviewCase pausedFew = withClock(
                    reviewCase("LA-2026-000014", ApplicationState.INFORMATION_REQUESTED, List.of("KR"), List.of("Gd")),
                    true,
                    DAY.plusDays(1),
                    4);
            ReviewCase pausedOver = withClock(
                    reviewCase("LA-2026-000015", ApplicationState.INFORMATION_REQUESTED, List.of("KR"), List.of("Gd")),
                    true,
                    DAY.minusDays(10),
                    -2);
            ReviewCase elsewhere = new ReviewCase(
                    new ApplicationId(UUID.randomUUID()),
                    new OrganisationId(UUID.randomUUID()),
                    "LA-2026-000016",
                    "Other",
                    ApplicationState.IN_REVIEW,
                    true,
                    List.of("DE"),
                    List.of("Dy"),
                    AT,
                    DAY,
                    null,
                    null,
                    null,
                    DAY,
                    false,
                    DAY.plusDays(60),
                    45,
                    null,
                    null);
            for (ReviewCase c : List.of(dyDe, tbUs, overdue, pausedFew, pausedOver, elsewhere)) {
                insertApplication(c.application(), c.reference());
                store.insert(c, AT);
            }
            ReviewCase closed = reviewCase("LA-2026-000017", ApplicationState.REFUSED, List.of("DE"), List.of("Dy"));
            insertApplication(closed.application(), closed.reference());
            store.insert(
                    new ReviewCase(
                            closed.application(),
                            BUREAU,
                            closed.reference(),
                            "Closed",
                            ApplicationState.REFUSED,
                            false,
                            List.of("DE"),
                            List.of("Dy"),
                            AT,
                            DAY,
                            null,
                            null,
                            null,
                            DAY,
                            false,
                            DAY,
                            3,
                            DAY,
                            null),
                    AT);

            assertThat(refs(query().build()))
                    .containsExactlyInAnyOrder(
                            "LA-2026-000011", "LA-2026-000012", "LA-2026-000013", "LA-2026-000014", "LA-2026-000015");
            assertThat(refs(query().element("Dy").build())).containsExactly("LA-2026-000011");
            assertThat(refs(query().destination("DE").build()))
                    .containsExactlyInAnyOrder("LA-2026-000011", "LA-2026-000012");
            assertThat(refs(query().states(ApplicationState.SUBMITTED).build())).containsExactly("LA-2026-000012");
            // days left <= 5: running clocks ending by DAY+7 (what the caller computed), paused ones with <= 5 left
            assertThat(refs(query().daysLeft(DAY.plusDays(7), 5).build()))
                    .containsExactlyInAnyOrder("LA-2026-000013", "LA-2026-000014", "LA-2026-000015");
            assertThat(refs(query().overdue(DAY).build()))
                    .containsExactlyInAnyOrder("LA-2026-000013", "LA-2026-000015");
            assertThat(refs(query().text("000012").build())).containsExactly("LA-2026-000012");
            assertThat(refs(query().text("100%_").build())).isEmpty();
            assertThat(store.count(query().build())).isEqualTo(5);
            // most urgent first: running by deadline, then paused by balance
            assertThat(refs(query().build()).getFirst()).isEqualTo("LA-2026-000013");
        }

        @Test
        void pausesNotesRequestsConsultationsAndDecisionsRoundTrip() {
            ReviewCase c = reviewCase("LA-2026-000021", ApplicationState.IN_REVIEW, List.of("DE"), List.of("Dy"));
            store.insert(c, AT);
            ApplicationId id = c.application();
            UUID cause = UUID.randomUUID();
            store.startPause(id, "INFORMATION_REQUEST", cause, DAY);
            assertThat(store.pauses(id)).containsExactly(Pause.open(DAY));
            assertThat(store.endPause(id, cause, DAY.plusDays(3))).isTrue();
            assertThat(store.endPause(id, cause, DAY.plusDays(4))).isFalse();
            assertThat(store.pauses(List.of(id)).get(id)).containsExactly(Pause.closed(DAY, DAY.plusDays(3)));

            Note note = new Note(UUID.randomUUID(), id, "reviewer", "王伟", "Check <b>Antrieb</b> 稀土", trunc(AT));
            store.insert(note, BUREAU);
            assertThat(store.notes(id)).containsExactly(note);

            var request = new InformationRequest(
                    UUID.randomUUID(),
                    id,
                    store.nextRequestNumber(id),
                    InformationRequest.State.OPEN,
                    "Bitte 请",
                    List.of(new RequestedItem(
                            1, RequestedItem.Kind.DOCUMENT, DocumentType.END_USER_CERTIFICATE, null, "证书")),
                    DAY.plusDays(28),
                    "reviewer",
                    "Wang Wei",
                    trunc(AT),
                    List.of(),
                    null,
                    null,
                    null);
            store.insert(request);
            assertThat(store.requests(id)).containsExactly(request);
            assertThat(store.nextRequestNumber(id)).isEqualTo(2);
            UUID doc = UUID.randomUUID();
            store.answer(request.id(), List.of(new Answer(1, "anbei", List.of(doc))), "applicant", trunc(AT), 2);
            InformationRequest answered = store.requests(id).getFirst();
            assertThat(answered.state()).isEqualTo(InformationRequest.State.ANSWERED);
            assertThat(answered.answers()).containsExactly(new Answer(1, "anbei", List.of(doc)));
            assertThat(answered.answeredRevision()).isEqualTo(2);

            var consultation = new Consultation(
                    UUID.randomUUID(),
                    id,
                    new OrganisationId(UUID.randomUUID()),
                    "商务部",
                    Consultation.State.OPEN,
                    "Known?",
                    true,
                    DAY.plusDays(14),
                    "reviewer",
                    "Wang Wei",
                    trunc(AT),
                    null,
                    null,
                    null,
                    null);
            store.insert(consultation);
            assertThat(store.consultations(id)).containsExactly(consultation);
            assertThat(store.consulted(id, consultation.consulted())).isTrue();
            assertThat(store.consulted(id, BUREAU)).isFalse();
            store.closeOpenRequests(id);
            assertThat(store.consultations(id).getFirst().state()).isEqualTo(Consultation.State.CLOSED);

            var terms = new ApprovalTerms(
                    List.of("No re-export 不得转口"),
                    DAY,
                    DAY.plusYears(1),
                    List.of(new ApprovalTerms.LicensedQuantity(1, new BigDecimal("600.5"))));
            var proposal = new Decision(
                    UUID.randomUUID(),
                    id,
                    Decision.Kind.APPROVAL_PROPOSED,
                    "reviewer",
                    "Wang",
                    trunc(AT),
                    null,
                    null,
                    "internal",
                    terms,
                    null);
            var refusal = new Decision(
                    UUID.randomUUID(),
                    id,
                    Decision.Kind.REFUSED,
                    "supervisor",
                    "Zhang",
                    trunc(AT.plusSeconds(5)),
                    RefusalReason.NATIONAL_SECURITY,
                    "Refused",
                    null,
                    null,
                    null);
            store.insert(proposal);
            store.insert(refusal);
            assertThat(store.decisions(id)).containsExactly(proposal, refusal);
        }

        // ---- helpers ----------------------------------------------------------------------------------------------

        ReviewCase reviewCase(
                String reference, ApplicationState state, List<String> destinations, List<String> elements) {
            ApplicationId id = new ApplicationId(UUID.randomUUID());
            insertApplication(id, reference);
            return new ReviewCase(
                    id,
                    BUREAU,
                    reference,
                    "Exporter 稀土 <b>",
                    state,
                    true,
                    destinations,
                    elements,
                    trunc(AT),
                    DAY,
                    null,
                    null,
                    null,
                    DAY,
                    false,
                    DAY.plusDays(63),
                    45,
                    null,
                    null);
        }

        static ReviewCase withClock(ReviewCase c, boolean paused, LocalDate deadline, int balance) {
            return new ReviewCase(
                    c.application(),
                    c.authority(),
                    c.reference(),
                    c.applicantName(),
                    c.state(),
                    c.open(),
                    c.destinations(),
                    c.elements(),
                    c.submittedAt(),
                    c.submittedOn(),
                    null,
                    null,
                    null,
                    c.clockStartedOn(),
                    paused,
                    deadline,
                    balance,
                    null,
                    null);
        }

        void insertApplication(ApplicationId id, String reference) {
            if (sql.sql("SELECT COUNT(*) FROM la_application WHERE id = :id")
                            .param("id", id.value())
                            .query(Long.class)
                            .single()
                    > 0) {
                return;
            }
            sql.sql("""
                    INSERT INTO la_application (id, reference, state, applicant_org, applicant_name, applicant_country,
                        decl_accuracy, decl_end_use, decl_no_reexport, revision, version, created_by, created_at,
                        updated_at)
                    VALUES (:id, :ref, 'SUBMITTED', :org, 'Exporter', 'CN', FALSE, FALSE, FALSE, 1, 1, 'applicant',
                        :at, :at)""")
                    .param("id", id.value())
                    .param("ref", reference)
                    .param("org", UUID.randomUUID())
                    .param("at", AT.atOffset(java.time.ZoneOffset.UTC))
                    .update();
        }

        List<String> refs(ReviewStore.QueueQuery q) {
            return store.queue(q).stream().map(ReviewCase::reference).toList();
        }

        static Instant trunc(Instant i) {
            return i.truncatedTo(ChronoUnit.MICROS);
        }

        static Query query() {
            return new Query();
        }
    }

    /** Builds queue queries for the bureau, everything optional. */
    static final class Query {
        List<ApplicationState> states = List.of();
        String element;
        String destination;
        LocalDate deadlineAtMost;
        Integer balanceAtMost;
        LocalDate overdueBefore;
        String text;

        Query states(ApplicationState... s) {
            states = List.of(s);
            return this;
        }

        Query element(String e) {
            element = e;
            return this;
        }

        Query destination(String d) {
            destination = d;
            return this;
        }

        Query daysLeft(LocalDate deadline, int balance) {
            deadlineAtMost = deadline;
            balanceAtMost = balance;
            return this;
        }

        Query overdue(LocalDate lastWorkingDay) {
            overdueBefore = lastWorkingDay;
            return this;
        }

        Query text(String t) {
            text = t;
            return this;
        }

        ReviewStore.QueueQuery build() {
            return new ReviewStore.QueueQuery(
                    BUREAU,
                    states,
                    element,
                    destination,
                    null,
                    deadlineAtMost,
                    balanceAtMost,
                    overdueBefore,
                    null,
                    false,
                    text,
                    QueueFilter.Sort.DEADLINE,
                    0,
                    50);
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.postgres();
        }
    }
}
