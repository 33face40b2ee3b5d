package org.lodestone.licensing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.ApplicationSubmitted;
import org.lodestone.licensing.ApplicationWithdrawn;
import org.lodestone.licensing.LicenceIssued;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications end to end on the demo data (#3): a submission published in a transaction reaches the authority's
 * reviewers and the applicant's applicants in-app, nobody else; a rolled-back transaction notifies nobody; read and
 * read-all; another user's notification is a 404 both in the API and on the page; the page and the bell render.
 */
@IntegrationTest
class NotificationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Identity identity;

    OrganisationId organisation(OrganisationKind kind, String name) {
        return identity.organisations(kind).stream()
                .filter(o -> o.name().equals(name))
                .map(OrganisationProfile::id)
                .findFirst()
                .orElseThrow();
    }

    OrganisationId exporter() {
        return organisation(OrganisationKind.EXPORTER, "Demo Magnetics Co., Ltd.");
    }

    OrganisationId jiangxi() {
        return organisation(OrganisationKind.AUTHORITY, "Jiangxi Provincial Department of Commerce");
    }

    static String reference() {
        return "LA-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    String submitted(String reference) {
        ApplicationSubmitted event = new ApplicationSubmitted(
                new ApplicationId(UUID.randomUUID()), reference, exporter(), jiangxi(), 1, java.time.Instant.now());
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
        return event.application().toString();
    }

    MvcTestResult inbox(String user, boolean unread) {
        return mvc.get()
                .uri("/api/v1/notifications?unread=" + unread)
                .with(DemoLogins.as(mvc, user))
                .exchange();
    }

    /** Ids of the user's notifications whose subject mentions the reference. */
    List<String> idsAbout(String user, String reference, boolean unread) throws Exception {
        MvcTestResult result = inbox(user, unread);
        assertThat(result).hasStatusOk();
        return JsonPath.read(
                result.getResponse().getContentAsString(StandardCharsets.UTF_8),
                "$.items[?(@.subject =~ /.*" + reference + ".*/)].id");
    }

    @Test
    void aSubmissionReachesTheAuthoritysReviewersAndTheApplicant() throws Exception {
        String ref = reference();
        String applicationId = submitted(ref);

        MvcTestResult reviewer = inbox("reviewer", false);
        assertThat(reviewer).hasStatusOk();
        String id = idsAbout("reviewer", ref, false).getFirst();
        var item = assertThat(reviewer).bodyJson();
        item.extractingPath("$.items[?(@.id == '" + id + "')].category")
                .asArray()
                .containsExactly("APPLICATION_SUBMITTED");
        item.extractingPath("$.items[?(@.id == '" + id + "')].subject")
                .asArray()
                .containsExactly("Application " + ref + ": submitted");
        item.extractingPath("$.items[?(@.id == '" + id + "')].link")
                .asArray()
                .containsExactly("/applications/" + applicationId);
        item.extractingPath("$.items[?(@.id == '" + id + "')].objectType")
                .asArray()
                .containsExactly("APPLICATION");
        item.extractingPath("$.items[?(@.id == '" + id + "')].objectId")
                .asArray()
                .containsExactly(applicationId);
        item.extractingPath("$.items[?(@.id == '" + id + "')].readAt").asArray().isEmpty();

        assertThat(idsAbout("applicant", ref, true)).hasSize(1);
        assertThat(idsAbout("reviewer", ref, true)).hasSize(1);
        // Other organisations and other roles of the same authority hear nothing.
        assertThat(idsAbout("consignee", ref, false)).isEmpty();
        assertThat(idsAbout("enforcement", ref, false)).isEmpty();
        assertThat(idsAbout("admin", ref, false)).isEmpty();
    }

    @Test
    void aRolledBackTransactionNotifiesNobody() throws Exception {
        String ref = reference();
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new ApplicationSubmitted(
                    new ApplicationId(UUID.randomUUID()), ref, exporter(), jiangxi(), 1, java.time.Instant.now()));
            tx.setRollbackOnly();
        });

        assertThat(idsAbout("reviewer", ref, false)).isEmpty();
        assertThat(idsAbout("applicant", ref, false)).isEmpty();
    }

    @Test
    void withdrawnDraftIsNewsOnlyForTheApplicant() throws Exception {
        String ref = reference();
        transactions.executeWithoutResult(tx -> events.publishEvent(new ApplicationWithdrawn(
                new ApplicationId(UUID.randomUUID()), ref, exporter(), null, "DRAFT", null, java.time.Instant.now())));

        assertThat(idsAbout("applicant", ref, false)).hasSize(1);
        assertThat(idsAbout("reviewer", ref, false)).isEmpty();
    }

    @Test
    void withdrawalAndLicenceIssueAreNotified() throws Exception {
        String ref = reference();
        transactions.executeWithoutResult(tx -> events.publishEvent(new ApplicationWithdrawn(
                new ApplicationId(UUID.randomUUID()),
                ref,
                exporter(),
                jiangxi(),
                "SUBMITTED",
                null,
                java.time.Instant.now())));
        String licence = "CN-EX-2099-" + (100_000_000L + new java.util.Random().nextInt(900_000_000));
        transactions.executeWithoutResult(tx -> events.publishEvent(new LicenceIssued(
                new LicenceNumber(licence),
                new ApplicationId(UUID.randomUUID()),
                exporter(),
                jiangxi(),
                java.time.LocalDate.of(2099, 1, 1),
                java.time.LocalDate.of(2099, 12, 31))));

        assertThat(idsAbout("reviewer", ref, false)).hasSize(1);
        assertThat(idsAbout("applicant", ref, false)).hasSize(1);
        assertThat(idsAbout("applicant", licence, false)).hasSize(1);
        assertThat(idsAbout("reviewer", licence, false)).as("only the holder").isEmpty();
        assertThat(inbox("applicant", false))
                .bodyJson()
                .extractingPath("$.items[?(@.subject == 'Licence " + licence + ": issued')].link")
                .asArray()
                .containsExactly("/licences/" + licence);
    }

    @Test
    void readMarksOneAndReadAllMarksTheRest() throws Exception {
        String ref = reference();
        submitted(ref);
        submitted(ref);
        List<String> ids = idsAbout("reviewer", ref, true);
        assertThat(ids).hasSize(2);

        assertThat(mvc.post()
                        .uri("/api/v1/notifications/" + ids.getFirst() + "/read")
                        .with(DemoLogins.as(mvc, "reviewer")))
                .hasStatus(204);
        assertThat(mvc.post()
                        .uri("/api/v1/notifications/" + ids.getFirst() + "/read")
                        .with(DemoLogins.as(mvc, "reviewer")))
                .as("idempotent")
                .hasStatus(204);
        assertThat(idsAbout("reviewer", ref, true)).containsExactly(ids.get(1));
        assertThat(idsAbout("reviewer", ref, false)).containsExactlyInAnyOrderElementsOf(ids);

        MvcTestResult all = mvc.post()
                .uri("/api/v1/notifications/read-all")
                .with(DemoLogins.as(mvc, "reviewer"))
                .exchange();
        assertThat(all).hasStatusOk();
        assertThat(all)
                .bodyJson()
                .extractingPath("$.marked")
                .asNumber()
                .satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(1));
        assertThat(idsAbout("reviewer", ref, true)).isEmpty();
        assertThat(inbox("reviewer", true))
                .bodyJson()
                .extractingPath("$.unread")
                .isEqualTo(0);
        assertThat(idsAbout("applicant", ref, true))
                .as("the applicant's own stay unread")
                .hasSize(2);
    }

    @Test
    void someoneElsesNotificationIsNotFound() throws Exception {
        String ref = reference();
        submitted(ref);
        String reviewers = idsAbout("reviewer", ref, false).getFirst();

        MvcTestResult foreign = mvc.post()
                .uri("/api/v1/notifications/" + reviewers + "/read")
                .with(DemoLogins.as(mvc, "applicant"))
                .exchange();
        assertThat(foreign).hasStatus(404);
        assertThat(foreign.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(foreign).bodyJson().extractingPath("$.title").isEqualTo("Notification not found");
        assertThat(mvc.post()
                        .uri("/api/v1/notifications/" + UUID.randomUUID() + "/read")
                        .with(DemoLogins.as(mvc, "reviewer")))
                .hasStatus(404);
        assertThat(idsAbout("reviewer", ref, true))
                .as("still unread for its owner")
                .containsExactly(reviewers);
        assertThat(mvc.post().uri("/api/v1/notifications/not-a-uuid/read").with(DemoLogins.as(mvc, "reviewer")))
                .hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/notifications")).as("anonymous").hasStatus(401);
    }

    MockHttpSession login(String user) {
        MvcTestResult login = mvc.post()
                .uri("/login")
                .param("username", user)
                .param("password", "demo")
                .with(csrf())
                .exchange();
        assertThat(login).hasStatus3xxRedirection();
        return (MockHttpSession) login.getRequest().getSession();
    }

    @Test
    void thePageListsOpensAndMarksNotifications() throws Exception {
        String ref = reference();
        String applicationId = submitted(ref);
        String id = idsAbout("reviewer", ref, true).getFirst();
        MockHttpSession reviewer = login("reviewer");

        assertThat(mvc.get().uri("/notifications").session(reviewer))
                .hasStatusOk()
                .bodyText()
                .contains("Application " + ref + ": submitted")
                .contains("/notifications/" + id + "/open")
                .contains("Mark all read");
        assertThat(mvc.get().uri("/notifications/bell").session(reviewer))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"notification-bell\"")
                .containsPattern("id=\"notification-unread\">[1-9][0-9]*<");

        assertThat(mvc.get().uri("/notifications/" + id + "/open").session(reviewer))
                .hasRedirectedUrl("/applications/" + applicationId);
        assertThat(idsAbout("reviewer", ref, true)).isEmpty();

        MockHttpSession applicant = login("applicant");
        assertThat(mvc.get().uri("/notifications/" + id + "/open").session(applicant))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/notifications/" + id + "/read")
                        .session(applicant)
                        .with(csrf()))
                .hasStatus(404);
        String applicants = idsAbout("applicant", ref, true).getFirst();
        assertThat(mvc.post()
                        .uri("/notifications/" + applicants + "/read")
                        .session(applicant)
                        .with(csrf()))
                .hasRedirectedUrl("/notifications");
        assertThat(idsAbout("applicant", ref, true)).isEmpty();

        assertThat(mvc.post().uri("/notifications/read-all").session(applicant).with(csrf()))
                .hasRedirectedUrl("/notifications");
        assertThat(mvc.get().uri("/notifications?unread=true").session(applicant))
                .hasStatusOk()
                .bodyText()
                .contains("No unread notifications.");
        assertThat(mvc.get().uri("/notifications/bell").session(applicant))
                .bodyText()
                .doesNotContain("notification-unread");
    }

    @Test
    void scriptInASubjectIsEscapedOnThePage() throws Exception {
        String ref = reference() + "<script>alert(1)</script>";
        transactions.executeWithoutResult(tx -> events.publishEvent(new ApplicationSubmitted(
                new ApplicationId(UUID.randomUUID()), ref, exporter(), jiangxi(), 1, java.time.Instant.now())));

        assertThat(mvc.get().uri("/notifications").session(login("reviewer")))
                .bodyText()
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
    }
}
