package org.lodestone.audit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The auditors' REST API (#2) on the whole application: verify, query with filters, precise 400 problems. */
@IntegrationTest
class AuditApiTests {

    static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AuditTrail trail;

    @Test
    void verifyReportsTheApplicationsChainIntactAndIsItselfRecorded() {
        trail.record(AuditRecord.success("TESTED", "API_TEST", "verify"));

        var result = mvc.get().uri("/api/v1/audit/verify").with(AUDITOR).exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.intact").isEqualTo(true);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rowsChecked")
                .asNumber()
                .satisfies(n -> assertThat(n.longValue()).isPositive());
        // the nulls are part of the documented shape, not omitted
        assertThat(result).bodyJson().hasPath("$.firstBrokenSequence").hasPath("$.reason");
        AuditEntry recorded = trail.find(new AuditQuery("AUDIT_TRAIL", null, "auditor", null, null, 1))
                .getFirst();
        assertThat(recorded.action()).isEqualTo("AUDIT_VERIFIED");
        assertThat(recorded.outcome()).isEqualTo(AuditRecord.Outcome.SUCCESS);
        assertThat(recorded.detail()).startsWith("audit chain intact:");
    }

    @Test
    void entriesAreFilteredByObjectActorAndTimeNewestFirst() {
        String id = UUID.randomUUID().toString();
        AuditEntry first =
                trail.record(AuditRecord.success("CREATED", "API_TEST", id).by(new AuditActor("alice", "org-a")));
        AuditEntry second =
                trail.record(AuditRecord.success("UPDATED", "API_TEST", id).by(new AuditActor("bob", "org-a")));
        trail.record(AuditRecord.success("CREATED", "API_TEST", "other-" + id).by(new AuditActor("alice", "org-a")));

        var byObject = mvc.get()
                .uri("/api/v1/audit/entries")
                .param("objectType", "API_TEST")
                .param("objectId", id)
                .with(AUDITOR)
                .exchange();
        assertThat(byObject).hasStatusOk();
        assertThat(byObject)
                .bodyJson()
                .extractingPath("$.entries[*].sequence")
                .convertTo(InstanceOfAssertFactories.list(Long.class))
                .containsExactly(second.sequence(), first.sequence());
        assertThat(byObject).bodyJson().extractingPath("$.entries[0].action").isEqualTo("UPDATED");
        assertThat(byObject)
                .bodyJson()
                .extractingPath("$.entries[0].occurredAt")
                .isEqualTo(second.occurredAt().toString());
        assertThat(byObject).bodyJson().extractingPath("$.entries[0].hash").isEqualTo(second.hash());

        var byActorAndObject = mvc.get()
                .uri("/api/v1/audit/entries")
                .param("objectType", "API_TEST")
                .param("objectId", id)
                .param("actor", "alice")
                .with(AUDITOR)
                .exchange();
        assertThat(byActorAndObject)
                .bodyJson()
                .extractingPath("$.entries[*].sequence")
                .convertTo(InstanceOfAssertFactories.list(Long.class))
                .containsExactly(first.sequence());

        var byTime = mvc.get()
                .uri("/api/v1/audit/entries")
                .param("objectType", "API_TEST")
                .param("objectId", id)
                .param("from", second.occurredAt().toString())
                .param("to", second.occurredAt().plusNanos(1000).toString())
                .with(AUDITOR)
                .exchange();
        assertThat(byTime)
                .bodyJson()
                .extractingPath("$.entries[*].sequence")
                .convertTo(InstanceOfAssertFactories.list(Long.class))
                .containsExactly(second.sequence());

        var limited = mvc.get()
                .uri("/api/v1/audit/entries")
                .param("objectType", "API_TEST")
                .param("limit", "1")
                .with(AUDITOR)
                .exchange();
        assertThat(limited).bodyJson().extractingPath("$.entries").asArray().hasSize(1);
    }

    @Test
    void malformedFromIsAProblemNamingTheParameter() {
        var result = mvc.get()
                .uri("/api/v1/audit/entries")
                .param("from", "yesterday")
                .with(AUDITOR)
                .exchange();

        assertThat(result)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Invalid audit query");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("'from'")
                .contains("ISO 8601");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
    }

    @Test
    void badLimitIsAProblemNamingTheParameter() {
        for (String limit : new String[] {"0", "-3", "abc", String.valueOf(AuditQuery.MAX_LIMIT + 1)}) {
            var result = mvc.get()
                    .uri("/api/v1/audit/entries")
                    .param("limit", limit)
                    .with(AUDITOR)
                    .exchange();

            assertThat(result).as("limit=" + limit).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        }
    }

    @Test
    void emptyOrReversedTimeRangeIsAProblemNamingTo() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        var result = mvc.get()
                .uri("/api/v1/audit/entries")
                .param("from", now.toString())
                .param("to", now.toString())
                .with(AUDITOR)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
    }

    @Test
    void queryingTheTrailIsRecorded() {
        String marker = UUID.randomUUID().toString();

        mvc.get()
                .uri("/api/v1/audit/entries")
                .param("objectId", marker)
                .with(AUDITOR)
                .exchange();

        assertThat(trail.find(new AuditQuery("AUDIT_TRAIL", null, "auditor", null, null, 1))
                        .getFirst())
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("AUDIT_QUERIED");
                    assertThat(e.detail()).contains("objectId=" + marker);
                });
    }
}
