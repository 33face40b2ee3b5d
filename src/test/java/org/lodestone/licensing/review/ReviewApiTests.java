package org.lodestone.licensing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The review workflow over the API (#3): queue and filters, assignment, internal notes, information requests that stop
 * and restart the clock, consultation, the four-eyes approval that issues the licence, coded refusals, and the 409
 * when two reviewers decide at once.
 */
@IntegrationTest
class ReviewApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AuditTrail audit;

    private ReviewFixtures review() {
        return new ReviewFixtures(mvc);
    }

    @Test
    void submittedApplicationsQueueAtTheCompetentAuthorityWithTheirClock() {
        ReviewFixtures f = review();
        String id = f.applications().submitted("applicant");
        String reference = read(f.applications().get("applicant", "/api/v1/applications/" + id), "$.reference");

        MvcTestResult queue = f.applications()
                .get(
                        "reviewer",
                        "/api/v1/review/queue?element=Dy&destination=DE&q=" + reference
                                + "&state=SUBMITTED&assignee=none");
        assertThat(queue).as(body(queue)).hasStatusOk();
        assertThat(body(queue)).contains(reference);
        assertThat((Integer) read(queue, "$.items[0].clock.limit")).isEqualTo(45);
        assertThat((Integer) read(queue, "$.items[0].clock.daysLeft")).isBetween(44, 45);
        assertThat((Boolean) read(queue, "$.items[0].clock.overdue")).isFalse();
        assertThat((List<String>) read(queue, "$.items[0].elements")).contains("Dy", "Nd");
        assertThat((List<String>) read(queue, "$.items[0].destinations")).containsExactly("DE");

        // Filters that exclude it
        assertThat(body(f.applications().get("reviewer", "/api/v1/review/queue?element=Tb&q=" + reference)))
                .doesNotContain(reference);
        assertThat(body(f.applications().get("reviewer", "/api/v1/review/queue?destination=US&q=" + reference)))
                .doesNotContain(reference);
        assertThat(body(f.applications().get("reviewer", "/api/v1/review/queue?overdue=true&q=" + reference)))
                .doesNotContain(reference);
        assertThat(body(f.applications().get("reviewer", "/api/v1/review/queue?minAgeDays=3&q=" + reference)))
                .doesNotContain(reference);
        assertThat(body(f.applications().get("reviewer", "/api/v1/review/queue?maxDaysLeft=10&q=" + reference)))
                .doesNotContain(reference);
        assertThat(body(f.applications().get("reviewer", "/api/v1/review/queue?maxDaysLeft=45&q=" + reference)))
                .contains(reference);

        // Bad filters are named
        MvcTestResult bad = f.applications().get("reviewer", "/api/v1/review/queue?element=Xx&destination=ZZZ");
        assertThat(bad).hasStatus(422);
        assertThat(body(bad)).contains("element").contains("destination");
        assertThat(f.applications().get("reviewer", "/api/v1/review/queue?state=DRAFT"))
                .hasStatus(422);

        // Only reviewers and supervisors have a queue
        assertThat(f.applications().get("applicant", "/api/v1/review/queue")).hasStatus(403);
        assertThat(f.applications().get("enforcement", "/api/v1/review/queue")).hasStatus(403);
        assertThat(f.applications().get("supervisor", "/api/v1/review/queue?q=" + reference))
                .hasStatusOk();
    }

    @Test
    void theWholeStoryFromInformationRequestToIssuedLicence() {
        ReviewFixtures f = review();
        ApplicationFixtures apps = f.applications();
        String id = apps.submitted("applicant");
        String base = "/api/v1/applications/" + id;

        // Take up: SUBMITTED -> IN_REVIEW, assigned
        MvcTestResult taken = f.assign("reviewer", id, "reviewer");
        assertThat(taken).as(body(taken)).hasStatusOk();
        assertThat((String) read(taken, "$.state")).isEqualTo("IN_REVIEW");
        assertThat((String) read(taken, "$.assignee.username")).isEqualTo("reviewer");

        // Internal note: the applicant never sees it
        MvcTestResult note = f.post("reviewer", base + "/notes", "{\"body\": \"Check the Stuttgart end user <b>\"}");
        assertThat(note).as(body(note)).hasStatus(201);
        assertThat(apps.get("applicant", base + "/notes")).hasStatus(403);
        MvcTestResult applicantView = apps.get("applicant", base + "/review");
        assertThat(applicantView).hasStatusOk();
        assertThat(body(applicantView)).doesNotContain("Stuttgart end user").doesNotContain("\"reviewer\"");
        assertThat(body(apps.get("supervisor", base + "/review"))).contains("Stuttgart end user");

        // Information request: clock stops, application editable again
        MvcTestResult requested = f.requestEndUserCertificate("reviewer", id);
        assertThat(requested).as(body(requested)).hasStatus(201);
        String rid = read(requested, "$.id");
        MvcTestResult paused = apps.get("applicant", base + "/review");
        assertThat((String) read(paused, "$.state")).isEqualTo("INFORMATION_REQUESTED");
        assertThat((Boolean) read(paused, "$.clock.paused")).isTrue();
        assertThat((Boolean) read(paused, "$.mayAct.respond")).isTrue();
        assertThat(body(paused)).contains("Please send the signed end-user certificate.");

        // Answer: missing the document for item 1 is refused, naming it
        long v = f.version("applicant", id);
        MvcTestResult incomplete =
                f.post("applicant", base + "/information-requests/" + rid + "/response", """
                {"version": %d, "answers": [{"no": 1, "text": "attached"}, {"no": 2, "text": "Our partner"}]}""".formatted(v));
        assertThat(incomplete).hasStatus(422);
        assertThat(body(incomplete)).contains("answers[0].documentIds");

        String endUser = ((List<Map<String, Object>>) read(apps.get("applicant", base + "/parties"), "$"))
                .stream()
                        .filter(p -> "END_USER".equals(p.get("role")))
                        .map(p -> (String) p.get("id"))
                        .findFirst()
                        .orElseThrow();
        String doc = apps.file(id, DocumentType.END_USER_CERTIFICATE, endUser, null);
        v = f.version("applicant", id);
        MvcTestResult answered =
                f.post("applicant", base + "/information-requests/" + rid + "/response", """
                {"version": %d, "answers": [{"no": 1, "documentIds": ["%s"]},
                                            {"no": 2, "text": "Antrieb AG installs them in Stuttgart."}]}""".formatted(v, doc));
        assertThat(answered).as(body(answered)).hasStatusOk();
        assertThat((String) read(answered, "$.state")).isEqualTo("ANSWERED");
        assertThat((Integer) read(answered, "$.answeredRevision")).isEqualTo(2);
        MvcTestResult running = apps.get("reviewer", base + "/review");
        assertThat((String) read(running, "$.state")).isEqualTo("IN_REVIEW");
        assertThat((Boolean) read(running, "$.clock.paused")).isFalse();
        // Answering twice is a conflict
        assertThat(f.post("applicant", base + "/information-requests/" + rid + "/response", """
                {"version": %d, "answers": [{"no": 2, "text": "again"}]}""".formatted(
                                f.version("applicant", id))))
                .hasStatus(409);

        // Propose, then the proposer cannot countersign: a reviewer-supervisor proposes, another supervisor signs
        String both = f.bureauUser("REVIEWER", "SUPERVISOR");
        MvcTestResult proposed = f.proposeApproval(both, id);
        assertThat(proposed).as(body(proposed)).hasStatusOk();
        assertThat((String) read(proposed, "$.state")).isEqualTo("APPROVAL_PROPOSED");
        MvcTestResult own = f.countersign(both, id);
        assertThat(own).hasStatus(403);
        assertThat(body(own)).contains("countersignature-by-proposer");
        assertThat(f.countersign("reviewer", id)).hasStatus(403);

        MvcTestResult signed = f.countersign("supervisor", id);
        assertThat(signed).as(body(signed)).hasStatusOk();
        assertThat((String) read(signed, "$.state")).isEqualTo("APPROVED");
        assertThat((Boolean) read(signed, "$.open")).isFalse();
        String licence = read(signed, "$.decisions[-1].licenceNumber");
        assertThat(licence).isNotBlank();

        // The applicant sees the licence with the proposal's condition, and the decision without internals
        MvcTestResult lic = apps.get("applicant", "/api/v1/licences/" + licence);
        assertThat(lic).as(body(lic)).hasStatusOk();
        assertThat(body(lic)).contains("Report arrival within 30 days");
        assertThat(apps.get("applicant", "/api/v1/licences/" + licence + "/certificate.pdf"))
                .hasStatusOk();
        MvcTestResult history = apps.get("applicant", base + "/history");
        assertThat(body(history))
                .contains("IN_REVIEW", "INFORMATION_REQUESTED", "APPROVAL_PROPOSED", "APPROVED", "supervisor");
    }

    @Test
    void refusalCarriesAReasonCodeAndATextTheApplicantReads() {
        ReviewFixtures f = review();
        String id = f.inReview();
        String base = "/api/v1/applications/" + id;
        long v = f.version("reviewer", id);

        MvcTestResult missing = f.post("reviewer", base + "/decision", """
                {"outcome": "REFUSE", "version": %d}""".formatted(v));
        assertThat(missing).hasStatus(422);
        assertThat(body(missing)).contains("reasonCode").contains("text");
        MvcTestResult unknown = f.post("reviewer", base + "/decision", """
                {"outcome": "REFUSE", "reasonCode": "BAD_VIBES", "text": "x", "version": %d}""".formatted(v));
        assertThat(unknown).hasStatus(422);
        assertThat(body(unknown)).contains("INSUFFICIENT_END_USER_EVIDENCE");
        assertThat(f.post("reviewer", base + "/decision", """
                {"outcome": "REFUSE", "reasonCode": "END_USE_CONCERN", "text": "x"}""")).hasStatus(428);

        MvcTestResult refused = f.post("reviewer", base + "/decision", """
                {"outcome": "REFUSE", "reasonCode": "INSUFFICIENT_END_USER_EVIDENCE",
                 "text": "The end user's certificate does not name the final product.",
                 "internalNote": "Ministry flagged Antrieb AG last year", "version": %d}""".formatted(v));
        assertThat(refused).as(body(refused)).hasStatusOk();
        assertThat((String) read(refused, "$.state")).isEqualTo("REFUSED");

        MvcTestResult seen = f.applications().get("applicant", base + "/review");
        assertThat(body(seen))
                .contains("INSUFFICIENT_END_USER_EVIDENCE")
                .contains("does not name the final product")
                .doesNotContain("Ministry flagged");
        // Closed: nothing more can be decided
        assertThat(f.post("reviewer", base + "/decision", """
                {"outcome": "PROPOSE_APPROVAL", "version": %d}""".formatted(f.version("reviewer", id))))
                .hasStatus(409);
    }

    @Test
    void twoReviewersDecidingAtOnceOneWinsTheOtherGets409() throws Exception {
        ReviewFixtures f = review();
        String second = f.bureauUser("REVIEWER");
        String id = f.inReview();
        String base = "/api/v1/applications/" + id;
        long v = f.version("reviewer", id);
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<MvcTestResult> refuse = CompletableFuture.supplyAsync(() -> {
            await(start);
            return f.post("reviewer", base + "/decision", """
                    {"outcome": "REFUSE", "reasonCode": "END_USE_CONCERN", "text": "Military use suspected",
                     "version": %d}""".formatted(v));
        });
        CompletableFuture<MvcTestResult> propose = CompletableFuture.supplyAsync(() -> {
            await(start);
            return f.post(second, base + "/decision", """
                    {"outcome": "PROPOSE_APPROVAL", "version": %d}""".formatted(v));
        });
        List<Integer> statuses = List.of(
                refuse.get().getResponse().getStatus(),
                propose.get().getResponse().getStatus());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String state = read(f.applications().get("reviewer", base + "/review"), "$.state");
        assertThat(state).isIn("REFUSED", "APPROVAL_PROPOSED");
        long decisions = ((List<?>) read(f.applications().get("reviewer", base + "/decisions"), "$")).size();
        assertThat(decisions).isEqualTo(1);
    }

    @Test
    void takingACaseSomeoneElseHasIsAConflictButASupervisorReassigns() {
        ReviewFixtures f = review();
        String second = f.bureauUser("REVIEWER");
        String id = f.inReview();
        assertThat(f.assign(second, id, second)).hasStatus(409);
        assertThat(f.assign(second, id, "reviewer")).hasStatus(403);
        MvcTestResult reassigned = f.assign("supervisor", id, second);
        assertThat(reassigned).as(body(reassigned)).hasStatusOk();
        assertThat((String) read(reassigned, "$.assignee.username")).isEqualTo(second);
        assertThat(f.assign("supervisor", id, "applicant")).hasStatus(422);
        assertThat(f.assign("applicant", id, "applicant")).hasStatus(403);
    }

    @Test
    void aConsultedAuthorityReadsTheCaseAndAnswersWhileTheClockStands() {
        ReviewFixtures f = review();
        String id = f.inReview();
        String base = "/api/v1/applications/" + id;
        // Before consultation the ministry's enforcement staff reads nationally, but cannot answer anything
        String ministry = read(f.applications().get("enforcement", "/api/v1/me"), "$.organisationId");
        MvcTestResult consult = f.post("reviewer", base + "/consultations", """
                {"authority": "%s", "question": "Is Antrieb AG known to you?"}""".formatted(ministry));
        assertThat(consult).as(body(consult)).hasStatus(201);
        String cid = read(consult, "$.id");
        assertThat((Boolean) read(f.applications().get("reviewer", base + "/review"), "$.clock.paused"))
                .isTrue();
        // Proposing while the consultation is open is refused
        assertThat(f.proposeApproval("reviewer", id)).hasStatus(409);
        assertThat(f.post("reviewer", base + "/consultations/" + cid + "/answer", "{\"answer\": \"self\"}"))
                .hasStatus(403);
        MvcTestResult answered =
                f.post("enforcement", base + "/consultations/" + cid + "/answer", "{\"answer\": \"No record.\"}");
        assertThat(answered).as(body(answered)).hasStatusOk();
        MvcTestResult after = f.applications().get("reviewer", base + "/review");
        assertThat((Boolean) read(after, "$.clock.paused")).isFalse();
        assertThat(body(after)).contains("No record.");
        // The applicant never sees consultations
        assertThat(body(f.applications().get("applicant", base + "/review"))).doesNotContain("Antrieb AG known");
        assertThat(f.applications().get("applicant", base + "/consultations")).hasStatus(403);
        // Consulting the reviewing authority itself is refused
        String bureau = read(f.applications().get("reviewer", "/api/v1/me"), "$.organisationId");
        MvcTestResult self = f.post("reviewer", base + "/consultations", """
                {"authority": "%s", "question": "?"}""".formatted(bureau));
        assertThat(self).hasStatus(422);
        assertThat(body(self)).contains("authority");
    }

    @Test
    void aSupervisorReturnsAProposalWithACommentAndTheReviewGoesOn() {
        ReviewFixtures f = review();
        String id = f.inReview();
        String base = "/api/v1/applications/" + id;
        assertThat(f.proposeApproval("reviewer", id)).hasStatusOk();
        assertThat(f.post("supervisor", base + "/countersignature", """
                {"outcome": "RETURN", "version": %d}""".formatted(f.version("supervisor", id))))
                .hasStatus(422);
        MvcTestResult returned =
                f.post("supervisor", base + "/countersignature", """
                {"outcome": "RETURN", "comment": "Limit the quantity to 600 kg", "version": %d}""".formatted(f.version("supervisor", id)));
        assertThat(returned).as(body(returned)).hasStatusOk();
        assertThat((String) read(returned, "$.state")).isEqualTo("IN_REVIEW");
        MvcTestResult tooMuch = f.post("reviewer", base + "/decision", """
                {"outcome": "PROPOSE_APPROVAL", "version": %d,
                 "terms": {"quantities": [{"itemNo": 1, "quantity": "5000"}]}}""".formatted(f.version("reviewer", id)));
        assertThat(tooMuch).hasStatus(422);
        assertThat(body(tooMuch)).contains("terms.quantities[0].quantity");
        assertThat(f.post("reviewer", base + "/decision", """
                {"outcome": "PROPOSE_APPROVAL", "version": %d,
                 "terms": {"quantities": [{"itemNo": 1, "quantity": "600"}]}}""".formatted(f.version("reviewer", id))))
                .hasStatusOk();
        MvcTestResult signed = f.countersign("supervisor", id);
        assertThat(signed).hasStatusOk();
        String licence = read(signed, "$.decisions[-1].licenceNumber");
        assertThat(body(f.applications().get("applicant", "/api/v1/licences/" + licence)))
                .contains("600");
    }

    @Test
    void malformedOversizedAndHostileInputIsRefusedNamingTheFieldAndChangesNothing() {
        ReviewFixtures f = review();
        String id = f.inReview();
        String base = "/api/v1/applications/" + id;
        long before = f.version("reviewer", id);

        MvcTestResult tooLong = f.post("reviewer", base + "/notes", "{\"body\": \"" + "x".repeat(4001) + "\"}");
        assertThat(tooLong).hasStatus(422);
        assertThat(body(tooLong)).contains("\"field\":\"body\"").contains("longer than 4000");
        MvcTestResult control = f.post("reviewer", base + "/notes", "{\"body\": \"bell\\u0007\"}");
        assertThat(control).hasStatus(422);
        assertThat(body(control)).contains("control characters");
        assertThat(f.post("reviewer", base + "/notes", "{\"body\": ")).hasStatus(400);
        assertThat(f.applications()
                        .get("reviewer", "/api/v1/applications/not-a-uuid/review")
                        .getResponse()
                        .getStatus())
                .isBetween(400, 404);

        MvcTestResult badRequest = f.post("reviewer", base + "/information-requests", """
                {"version": %d, "message": "m", "dueOn": "2020-01-01",
                 "items": [{"kind": "DOCUMENT", "question": "?"}, {"kind": "CLARIFICATION", "question": "",
                            "target": "no-such-party"}]}""".formatted(before));
        assertThat(badRequest).hasStatus(422);
        assertThat(body(badRequest)).contains("items[0].documentType", "items[1].question", "items[1].target", "dueOn");

        MvcTestResult script = f.post("reviewer", base + "/notes", "{\"body\": \"<script>alert(1)</script>\"}");
        assertThat(script).hasStatus(201);
        assertThat((String) read(script, "$.body")).isEqualTo("<script>alert(1)</script>");

        // Nothing of the refused requests was stored or moved
        assertThat(f.version("reviewer", id)).isEqualTo(before);
        assertThat((String) read(f.applications().get("reviewer", base + "/review"), "$.state"))
                .isEqualTo("IN_REVIEW");
        assertThat(((List<?>) read(f.applications().get("reviewer", base + "/notes"), "$")))
                .hasSize(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
