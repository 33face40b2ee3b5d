package org.lodestone.licensing.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import org.junit.jupiter.api.Test;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.review.ReviewFixtures;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Sealed evidence in the review workflow (#6): the bureau asks for an end-user certificate, the foreign party uploads
 * it sealed while the application answers, the exporter answers the request with the sealed document (it knows its id
 * and type, never its content), and a consulted authority reads it — which it could not before the consultation.
 */
@IntegrationTest
class SealedEvidenceReviewTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theForeignPartyAnswersAnInformationRequestSealedAndAConsultedAuthorityReadsIt() {
        var inv = new InvitationFixtures(mvc);
        var review = new ReviewFixtures(mvc);
        String id = review.inReview();
        String base = "/api/v1/applications/" + id;
        String endUser = inv.party("applicant", id, "END_USER");

        // in review, the application accepts no evidence and no invitation
        assertThat(inv.fx.post(
                        "applicant",
                        base + "/invitations",
                        "{\"partyId\": \"" + endUser + "\"," + " \"email\": \"e@x.de\"}"))
                .hasStatus(409);

        MvcTestResult requested = review.requestEndUserCertificate("reviewer", id);
        assertThat(requested).as(body(requested)).hasStatus(201);
        String rid = read(requested, "$.id");

        var issued = inv.invite("applicant", id, endUser);
        String foreign = inv.otherForeignParty();
        assertThat(inv.accept(foreign, issued.token())).hasStatus(201);
        String sealed = inv.uploadSealed(foreign, id, DocumentType.END_USER_CERTIFICATE, null);

        MvcTestResult answered =
                review.post("applicant", base + "/information-requests/" + rid + "/response", """
                {"version": %d, "answers": [{"no": 1, "documentIds": ["%s"]},
                                            {"no": 2, "text": "Antrieb AG installs them."}]}""".formatted(
                                review.version("applicant", id), sealed));
        assertThat(answered).as(body(answered)).hasStatusOk();
        assertThat(body(inv.fx.get("applicant", base + "/review"))).doesNotContain("secret-certificate");
        assertThat(inv.fx.get("applicant", "/api/v1/documents/" + sealed + "/content?purpose=" + id))
                .hasStatus(403);
        // the review is on again: the foreign party can no longer add or remove
        assertThat(inv.upload(foreign, id, DocumentType.CUSTOMER_ORDER, null)).hasStatus(409);

        assertThat(inv.fx.get("reviewer", "/api/v1/documents/" + sealed + "/content?purpose=" + id))
                .hasStatusOk();
        // the foreign party, owner of the document, finds the read in its access log; the exporter does not
        MvcTestResult log = inv.fx.get(foreign, "/api/v1/access-log?size=200");
        assertThat(log).as(body(log)).hasStatusOk();
        assertThat((java.util.List<String>) read(log, "$.entries[*].subject.documentId"))
                .contains(sealed);
        assertThat((java.util.List<String>)
                        read(inv.fx.get("applicant", "/api/v1/access-log?size=200"), "$.entries[*].subject.documentId"))
                .doesNotContain(sealed);
        String ministryReviewer = inv.ministryReviewer();
        assertThat(inv.fx.get(ministryReviewer, "/api/v1/documents/" + sealed + "/content?purpose=" + id))
                .hasStatus(404);
        String ministry = read(inv.fx.get("enforcement", "/api/v1/me"), "$.organisationId");
        MvcTestResult consult = review.post("reviewer", base + "/consultations", """
                {"authority": "%s", "question": "Is the end-user certificate genuine?"}""".formatted(ministry));
        assertThat(consult).as(body(consult)).hasStatus(201);
        MvcTestResult read = inv.fx.get(ministryReviewer, "/api/v1/documents/" + sealed);
        assertThat(read).hasStatusOk();
        assertThat(body(read)).contains("secret-certificate").contains("\"locked\":false");
        assertThat(inv.fx.get(ministryReviewer, "/api/v1/documents/" + sealed + "/content?purpose=" + id))
                .hasStatusOk();
    }
}
