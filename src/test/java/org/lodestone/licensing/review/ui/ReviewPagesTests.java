package org.lodestone.licensing.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.review.ReviewFixtures;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * #3 review in the server-rendered UI without JavaScript: the queue and its filters, every form of the review panel
 * with its readable refusals, and what the applicant never sees. Sessions come from the real login form.
 */
@IntegrationTest
class ReviewPagesTests {

    @Autowired
    MockMvcTester mvc;

    private ApplicationFixtures apps() {
        return new ApplicationFixtures(mvc);
    }

    @Test
    void queueListsTheCaseAndFiltersItInAndOut() {
        ApplicationFixtures apps = apps();
        String id = apps.submitted("applicant");
        String reference = ApplicationFixtures.read(apps.get("applicant", "/api/v1/applications/" + id), "$.reference");
        MockHttpSession reviewer = login("reviewer");
        String row = "data-reference=\"" + reference + "\""; // the filter form echoes the reference too

        String page = html(get(reviewer, "/review?q=" + reference + "&element=Dy&destination=de&assignee=none"));
        assertThat(page).contains("id=\"queue-filter\"").contains("hx-push-url=\"true\"");
        assertThat(page).contains(row).contains("href=\"/applications/" + id + "\"");
        assertThat(page)
                .contains("<td>B, Dy, Fe, Nd</td>")
                .contains("<td>DE</td>")
                .contains("SUBMITTED");

        assertThat(html(get(reviewer, "/review?q=" + reference + "&element=Tb")))
                .doesNotContain(row);
        assertThat(html(get(reviewer, "/review?q=" + reference + "&overdue=true")))
                .doesNotContain(row);
        assertThat(html(get(reviewer, "/review?q=" + reference + "&state=IN_REVIEW")))
                .doesNotContain(row);
        assertThat(html(get(reviewer, "/review?q=" + reference + "&maxDaysLeft=45&sort=age")))
                .contains(row);

        // htmx asks for the results only
        MvcTestResult fragment = mvc.get()
                .uri("/review?q=" + reference)
                .session(reviewer)
                .header("HX-Request", "true")
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(html(fragment))
                .contains("id=\"queue-results\"")
                .contains(row)
                .doesNotContain("<html")
                .doesNotContain("queue-filter");

        // bad filters are named with their reason, not a 500
        MvcTestResult bad = get(reviewer, "/review?element=Xx&destination=ZZZ&minAgeDays=abc&maxDaysLeft=-1");
        assertThat(bad).hasStatus(422);
        assertThat(html(bad)).contains("minAgeDays").contains("&#39;abc&#39; is no whole number");
        MvcTestResult bad2 = get(reviewer, "/review?element=Xx&destination=ZZZ&maxDaysLeft=-1");
        assertThat(bad2).hasStatus(422);
        assertThat(html(bad2))
                .contains("&#39;Xx&#39; is no element symbol")
                .contains("no ISO 3166 alpha-2 country code")
                .contains("maxDaysLeft");

        assertThat(get(login("applicant"), "/review")).hasStatus(403);
    }

    @Test
    void reviewerTakesNotesRequestsInformationAndTheApplicantAnswersInTheBrowserForms() {
        ApplicationFixtures apps = apps();
        String id = apps.submitted("applicant");
        String page = "/applications/" + id;
        MockHttpSession reviewer = login("reviewer");
        MockHttpSession applicant = login("applicant");

        assertThat(html(get(reviewer, page)))
                .contains("id=\"review\"")
                .contains("id=\"take-button\"")
                .contains("of 45 working days used");
        assertThat(post(reviewer, page + "/assignment", "assignee", "reviewer"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(page + "#review");
        String taken = html(get(reviewer, page));
        assertThat(taken).contains("Case assigned to reviewer.").contains("id=\"release-button\"");

        // a note with markup is escaped; an empty note is refused naming the field
        assertThat(post(reviewer, page + "/notes", "body", "Check <script>alert('x')</script> the end user"))
                .hasStatus3xxRedirection();
        assertThat(html(get(reviewer, page)))
                .contains("Check &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; the end user")
                .doesNotContain("<script>alert");
        MvcTestResult emptyNote = post(reviewer, page + "/notes", "body", " ");
        assertThat(emptyNote).hasStatus(422);
        assertThat(html(emptyNote))
                .contains("id=\"review-errors\"")
                .contains("<strong>body</strong>: <span>is required");

        // an information request without a message or items is refused field by field
        long version = apps.version("reviewer", id);
        MvcTestResult incomplete = mvc.post()
                .uri(page + "/information-requests")
                .session(reviewer)
                .with(csrf())
                .param("version", String.valueOf(version))
                .param("message", "")
                .param("kind", "DOCUMENT", "CLARIFICATION")
                .param("documentType", "", "")
                .param("target", "", "")
                .param("question", "", "")
                .exchange();
        assertThat(incomplete).hasStatus(422);
        assertThat(html(incomplete)).contains("<strong>message</strong>").contains("<strong>items</strong>");

        MvcTestResult requested = mvc.post()
                .uri(page + "/information-requests")
                .session(reviewer)
                .with(csrf())
                .param("version", String.valueOf(version))
                .param("message", "Please send the signed end-user certificate.")
                .param("kind", "DOCUMENT", "CLARIFICATION", "DOCUMENT")
                .param("documentType", "END_USER_CERTIFICATE", "", "")
                .param("target", "", "", "")
                .param("question", "End-user certificate signed by Antrieb AG", "Who installs the motors?", "")
                .param("dueOn", "")
                .exchange();
        assertThat(requested).hasStatus3xxRedirection().hasRedirectedUrl(page + "#review");

        // the applicant sees the request, its clock paused, and the answer form, but none of the internals
        String applicantView = html(get(applicant, page));
        assertThat(applicantView)
                .contains("Please send the signed end-user certificate.")
                .contains("id=\"response-form\"")
                .contains("id=\"clock-paused\"")
                .contains("href=\"/applications/" + id + "/documents\"")
                .contains("end_user_certificate.pdf");
        assertThat(applicantView)
                .doesNotContain("review-notes")
                .doesNotContain("the end user</p>")
                .doesNotContain("&lt;script&gt;")
                .doesNotContain("review-assignment")
                .doesNotContain("Assigned to")
                .doesNotContain("review-consultations")
                .doesNotContain("take-button")
                .doesNotContain("request-form");

        // answering without the document is refused naming the item; with it, the clock runs again
        String rid = match(applicantView, "information-requests/([0-9a-f-]{36})/response");
        long v2 = apps.version("applicant", id);
        MvcTestResult noDocument = mvc.post()
                .uri(page + "/information-requests/" + rid + "/response")
                .session(applicant)
                .with(csrf())
                .param("version", String.valueOf(v2))
                .param("text-1", "")
                .param("text-2", "Our service partner")
                .exchange();
        assertThat(noDocument).hasStatus(422);
        assertThat(html(noDocument)).contains("answers[0].documentIds").contains("upload it and name it");

        String document = apps.file(id, DocumentType.END_USER_CERTIFICATE, null, null);
        MvcTestResult answered = mvc.post()
                .uri(page + "/information-requests/" + rid + "/response")
                .session(applicant)
                .with(csrf())
                .param("version", String.valueOf(v2))
                .param("documents-1", document)
                .param("text-1", "Signed certificate attached")
                .param("text-2", "Our service partner <b>Motorservice</b>")
                .exchange();
        assertThat(answered).hasStatus3xxRedirection().hasRedirectedUrl(page + "#review");
        String reviewerView = html(get(reviewer, page));
        assertThat(reviewerView)
                .contains("Our service partner &lt;b&gt;Motorservice&lt;/b&gt;")
                .contains("IN_REVIEW")
                .contains("id=\"propose-form\"");
    }

    @Test
    void staleVersionIsAConflictToReloadAndTheFourEyesApprovalIssuesTheLicence() {
        ReviewFixtures review = new ReviewFixtures(mvc);
        String id = review.inReview();
        String page = "/applications/" + id;
        MockHttpSession reviewer = login("reviewer");
        long version = review.applications().version("reviewer", id);

        MvcTestResult stale = mvc.post()
                .uri(page + "/decision")
                .session(reviewer)
                .with(csrf())
                .param("version", String.valueOf(version - 1))
                .param("outcome", "PROPOSE_APPROVAL")
                .exchange();
        assertThat(stale).hasStatus(409);
        assertThat(html(stale))
                .contains("Someone else acted on this case first")
                .contains("reload the page");

        MvcTestResult tooMuch = mvc.post()
                .uri(page + "/decision")
                .session(reviewer)
                .with(csrf())
                .param("version", String.valueOf(version))
                .param("outcome", "PROPOSE_APPROVAL")
                .param("quantity-1", "5000")
                .param("validTo", "not-a-date")
                .exchange();
        assertThat(tooMuch).hasStatus(422);
        assertThat(html(tooMuch)).contains("terms.validTo").contains("is no date");

        MvcTestResult proposed = mvc.post()
                .uri(page + "/decision")
                .session(reviewer)
                .with(csrf())
                .param("version", String.valueOf(version))
                .param("outcome", "PROPOSE_APPROVAL")
                .param("conditions", "Report arrival within 30 days\n\nNo transfer to third parties")
                .param("quantity-1", "800")
                .exchange();
        assertThat(proposed).as(html(proposed)).hasStatus3xxRedirection();

        MockHttpSession supervisor = login("supervisor");
        String supervisorView = html(get(supervisor, page));
        assertThat(supervisorView).contains("id=\"countersign-form\"").contains("awaiting countersignature");
        long v2 = review.applications().version("supervisor", id);
        MvcTestResult returnWithout = mvc.post()
                .uri(page + "/countersignature")
                .session(supervisor)
                .with(csrf())
                .param("version", String.valueOf(v2))
                .param("outcome", "RETURN")
                .param("comment", "")
                .exchange();
        assertThat(returnWithout).hasStatus(422);
        assertThat(html(returnWithout)).contains("<strong>comment</strong>");

        MvcTestResult signed = mvc.post()
                .uri(page + "/countersignature")
                .session(supervisor)
                .with(csrf())
                .param("version", String.valueOf(v2))
                .param("outcome", "COUNTERSIGN")
                .exchange();
        assertThat(signed).hasStatus3xxRedirection();
        String applicantView = html(get(login("applicant"), page));
        assertThat(applicantView).contains("Approved").doesNotContain("countersign-form");
        assertThat(match(applicantView, "href=\"/licences/([^\"]+)\" id=\"licence-link\""))
                .isNotBlank();
    }

    @Test
    void consultationAndAnswerByTheMinistryThenACodedRefusal() {
        ReviewFixtures review = new ReviewFixtures(mvc);
        String id = review.inReview();
        String page = "/applications/" + id;
        MockHttpSession reviewer = login("reviewer");

        String reviewerView = html(get(reviewer, page));
        String ministry = match(reviewerView, "<option value=\"([0-9a-f-]{36})\">Ministry");
        MvcTestResult noQuestion = mvc.post()
                .uri(page + "/consultations")
                .session(reviewer)
                .with(csrf())
                .param("authority", ministry)
                .param("question", "")
                .param("pausesClock", "true")
                .exchange();
        assertThat(noQuestion).hasStatus(422);
        assertThat(html(noQuestion)).contains("<strong>question</strong>");
        MvcTestResult consulted = mvc.post()
                .uri(page + "/consultations")
                .session(reviewer)
                .with(csrf())
                .param("authority", ministry)
                .param("question", "Is Antrieb AG known to you?")
                .param("pausesClock", "true")
                .exchange();
        assertThat(consulted).hasStatus3xxRedirection();
        assertThat(html(get(reviewer, page)))
                .contains("Is Antrieb AG known to you?")
                .contains("id=\"clock-paused\"");

        MockHttpSession enforcement = login("enforcement");
        String ministryView = html(get(enforcement, page));
        String answerUri = match(ministryView, "action=\"(/applications/[^\"]+/answer)\"");
        assertThat(post(enforcement, answerUri, "answer", "Not known; no concerns."))
                .hasStatus3xxRedirection();
        assertThat(html(get(reviewer, page))).contains("Not known; no concerns.");
        assertThat(html(get(login("applicant"), page)))
                .doesNotContain("Is Antrieb AG known to you?")
                .doesNotContain("Not known; no concerns.");

        long version = review.applications().version("reviewer", id);
        MvcTestResult noReason = mvc.post()
                .uri(page + "/decision")
                .session(reviewer)
                .with(csrf())
                .param("version", String.valueOf(version))
                .param("outcome", "REFUSE")
                .param("reasonCode", "")
                .param("text", "")
                .exchange();
        assertThat(noReason).hasStatus(422);
        assertThat(html(noReason)).contains("<strong>reasonCode</strong>").contains("<strong>text</strong>");
        MvcTestResult refused = mvc.post()
                .uri(page + "/decision")
                .session(reviewer)
                .with(csrf())
                .param("version", String.valueOf(version))
                .param("outcome", "REFUSE")
                .param("reasonCode", "END_USE_CONCERN")
                .param("text", "The stated end use is not plausible.")
                .param("internalNote", "Ministry hint, do not disclose")
                .exchange();
        assertThat(refused).hasStatus3xxRedirection();
        String applicantView = html(get(login("applicant"), page));
        assertThat(applicantView)
                .contains("Concern about the stated end use")
                .contains("The stated end use is not plausible.")
                .doesNotContain("Ministry hint");
        assertThat(html(get(reviewer, page))).contains("Ministry hint, do not disclose");
    }

    private MvcTestResult get(MockHttpSession session, String uri) {
        return mvc.get().uri(uri).session(session).exchange();
    }

    private MvcTestResult post(MockHttpSession session, String uri, String name, String value) {
        return mvc.post()
                .uri(uri)
                .session(session)
                .with(csrf())
                .param(name, value)
                .exchange();
    }

    private MockHttpSession login(String username) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", "demo")
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static String match(String html, String regex) {
        var m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as("'" + regex + "' in the page").isTrue();
        return m.group(1);
    }

    private static String html(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
