package org.lodestone.traceability.epcis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Role;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.epcis.CaptureJobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The reporter's capture page and the event browser (#5): a reporter uploads a document through the page and finds the
 * job and its events; a competitor does not see them; the pages answer only their roles (matrix: page × anonymous and
 * every role).
 */
@IntegrationTest
class EpcisPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CaptureJobs jobs;

    private static DemoSessions sessions;

    private DemoSessions sessions() {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        return sessions;
    }

    private static String document(String lot) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-10-01T00:00:00Z",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "eventTime": "2026-10-01T08:00:00Z", "eventTimeZoneOffset": "+08:00",
                    "action": "ADD", "bizStep": "commissioning",
                    "quantityList": [{"epcClass": "%s", "quantity": 120, "uom": "KGM"}]},
                   {"type": "ObjectEvent", "eventTime": "2026-10-02T08:00:00Z", "eventTimeZoneOffset": "+08:00",
                    "action": "OBSERVE", "bizStep": "not-a-cbv-step",
                    "quantityList": [{"epcClass": "%s", "quantity": 120, "uom": "KGM"}]}
                 ]}}""".formatted(lot, lot);
    }

    @Test
    void aReporterCapturesThroughThePageAndBrowsesItsEvents() throws Exception {
        String lot = "urn:epc:class:lgtin:6901234.000099."
                + UUID.randomUUID().toString().substring(0, 8);
        var file = new MockMultipartFile(
                "file", "lots.jsonld", "application/ld+json", document(lot).getBytes(StandardCharsets.UTF_8));

        MvcTestResult upload = mvc.post()
                .uri("/traceability/capture")
                .multipart()
                .file(file)
                .param("behaviour", "proceed")
                .session(sessions().of("producer"))
                .with(csrf())
                .exchange();
        assertThat(upload).hasStatus(302);
        String location = upload.getResponse().getHeader("Location");
        assertThat(location).contains("/traceability/capture?job=");
        assertThat(jobs.awaitIdle(20_000)).isTrue();

        MvcTestResult job =
                mvc.get().uri(location).session(sessions().of("producer")).exchange();
        assertThat(job).hasStatusOk();
        String page = job.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("1 stored", "1 rejected", "bizStep");

        MvcTestResult events = mvc.get()
                .uri("/traceability/events")
                .param("MATCH_anyEPCClass", lot)
                .session(sessions().of("producer"))
                .exchange();
        assertThat(events).hasStatusOk();
        assertThat(events.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(lot, "commissioning")
                .doesNotContain("not-a-cbv-step");

        // the national enforcement analyst reads it too (CN covers the reporter's CN-JX); the consignee has no page
        assertThat(mvc.get()
                        .uri("/traceability/events")
                        .param("MATCH_anyEPCClass", lot)
                        .session(sessions().of("enforcement"))
                        .exchange()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains(lot);
    }

    @Test
    void anEmptyUploadAndABadFilterAreExplained() throws Exception {
        MvcTestResult empty = mvc.post()
                .uri("/traceability/capture")
                .multipart()
                .file(new MockMultipartFile("file", "empty.json", "application/json", new byte[0]))
                .session(sessions().of("producer"))
                .with(csrf())
                .exchange();
        assertThat(empty).hasStatus(302);
        MvcTestResult after = mvc.get()
                .uri("/traceability/capture")
                .session(sessions().of("producer"))
                .flashAttrs(empty.getMvcResult().getFlashMap())
                .exchange();
        assertThat(after.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("capture-problem", "file: choose an EPCIS document");

        MvcTestResult bad = mvc.get()
                .uri("/traceability/events")
                .param("GE_eventTime", "yesterday")
                .session(sessions().of("producer"))
                .exchange();
        assertThat(bad).hasStatusOk();
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("events-problem", "GE_eventTime");
    }

    record Page(String method, String path, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> matrix() {
        List<Page> pages = List.of(
                new Page("GET", "/traceability/capture", Set.of(Role.REPORTER)),
                new Page("POST", "/traceability/capture", Set.of(Role.REPORTER)),
                new Page("GET", "/traceability/events", Set.of(Role.REPORTER, Role.REVIEWER, Role.ENFORCEMENT)));
        List<Arguments> cases = new ArrayList<>();
        for (Page p : pages) {
            cases.add(Arguments.of(p, null));
            for (Role r : Role.values()) {
                cases.add(Arguments.of(p, r));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyThePagesRolesPass(Page page, @Nullable Role role) {
        MvcTestResult result;
        if (page.method().equals("GET")) {
            var request = mvc.get().uri(page.path());
            if (role != null) {
                request = request.session(sessions().of(DemoLogins.username(role.name())));
            }
            result = request.exchange();
        } else {
            var request = mvc.post().uri(page.path()).multipart().with(csrf());
            if (role != null) {
                request = request.session(sessions().of(DemoLogins.username(role.name())));
            }
            result = request.exchange();
        }
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader("Location");
        boolean refused = status == 403 || (status == 302 && location != null && location.endsWith("/login"));
        assertThat(!refused)
                .as("%s as %s answered %d %s", page, role, status, location)
                .isEqualTo(role != null && page.allowed().contains(role));
    }
}
