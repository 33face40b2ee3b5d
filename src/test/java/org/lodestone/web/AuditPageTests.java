package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The auditor's page at {@code /audit}: filters become the right {@link AuditQuery}, entries and chain verification are
 * shown, htmx gets fragments, and nobody but an auditor gets in. The trail is a mock so the page can be checked
 * against exact queries and a broken chain (its own context, because of the mock).
 */
@IntegrationTest
class AuditPageTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AuditTrail trail;

    private static final AuditEntry ENTRY = new AuditEntry(
            41,
            Instant.parse("2025-03-04T10:15:30Z"),
            "applicant",
            null,
            "DETERMINATION_MADE",
            "determination",
            "d-1",
            AuditRecord.Outcome.SUCCESS,
            "destination=DE",
            "req-9",
            "aa",
            "bb");

    @Test
    void filtersBecomeAQueryOverWholeUtcDays() {
        when(trail.find(any())).thenReturn(List.of(ENTRY));
        var result = mvc.get()
                .uri(
                        "/audit?objectType=determination&objectId=d-1&actor=applicant&from=2025-03-01&to=2025-03-04&limit=50")
                .with(user("auditor").roles("AUDITOR"))
                .exchange();
        assertThat(result).hasStatusOk().hasViewName("web/audit");
        verify(trail)
                .find(new AuditQuery(
                        "determination",
                        "d-1",
                        "applicant",
                        Instant.parse("2025-03-01T00:00:00Z"),
                        Instant.parse("2025-03-05T00:00:00Z"),
                        50));
        assertThat(result)
                .bodyText()
                .contains("DETERMINATION_MADE", "destination=DE", "req-9", "2025-03-04 10:15:30", "1 entries shown")
                .contains("value=\"determination\"", "value=\"2025-03-01\"");
    }

    @Test
    void blankFiltersMeanNoFilter() {
        when(trail.find(any())).thenReturn(List.of());
        var result = mvc.get()
                .uri("/audit")
                .param("objectType", "")
                .param("actor", "  ")
                .with(user("auditor").roles("AUDITOR"))
                .exchange();
        assertThat(result).hasStatusOk();
        verify(trail).find(new AuditQuery(null, null, null, null, null, AuditPage.DEFAULT_LIMIT));
        assertThat(result).bodyText().contains("No entries match these filters.");
    }

    @Test
    void reversedDatesAreExplainedNotQueried() {
        var result = mvc.get()
                .uri("/audit?from=2025-03-05&to=2025-03-01")
                .with(user("auditor").roles("AUDITOR"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("The &#39;to&#39; date must not be before the &#39;from&#39; date.");
        verify(trail, never()).find(any());
    }

    @Test
    void htmxGetsOnlyTheEntriesFragment() {
        when(trail.find(any())).thenReturn(List.of(ENTRY));
        var result = mvc.get()
                .uri("/audit")
                .header("HX-Request", "true")
                .with(user("auditor").roles("AUDITOR"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("id=\"entries\"", "DETERMINATION_MADE")
                .doesNotContain("<html", "demo-banner");
    }

    @Test
    void verifyReportsAnIntactChain() {
        when(trail.verify()).thenReturn(ChainVerification.intact(42));
        var result = mvc.post()
                .uri("/audit/verify")
                .with(csrf())
                .with(user("auditor").roles("AUDITOR"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Chain intact: 42 entries checked");
    }

    @Test
    void verifyReportsWhereTheChainBreaks() {
        when(trail.verify()).thenReturn(ChainVerification.brokenAt(7, 7, "hash mismatch"));
        var result = mvc.post()
                .uri("/audit/verify")
                .header("HX-Request", "true")
                .with(csrf())
                .with(user("auditor").roles("AUDITOR"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("Chain broken at entry 7 (7 entries checked): hash mismatch")
                .doesNotContain("<html");
    }

    @Test
    void verifyNeedsTheCsrfToken() {
        var result = mvc.post()
                .uri("/audit/verify")
                .with(user("auditor").roles("AUDITOR"))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        verify(trail, never()).verify();
    }

    @Test
    void otherRolesAreForbidden() {
        for (String role : List.of("APPLICANT", "REVIEWER", "ADMIN")) {
            assertThat(mvc.get().uri("/audit").with(user("someone").roles(role)).exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post()
                            .uri("/audit/verify")
                            .with(csrf())
                            .with(user("someone").roles(role))
                            .exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        verify(trail, never()).find(any());
        verify(trail, never()).verify();
    }

    @Test
    void anonymousCallersDoNotGetIn() {
        var result = mvc.get().uri("/audit").exchange();
        assertThat(result.getResponse().getStatus()).isIn(302, 401, 403);
        verify(trail, never()).find(any());
    }
}
