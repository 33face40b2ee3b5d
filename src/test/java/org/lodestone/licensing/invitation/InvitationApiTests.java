package org.lodestone.licensing.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Invitations of foreign parties and their sealed evidence, end to end through the API and the pages (#6): a one-time
 * link stored only as a hash; replayed, expired, revoked and unknown links; accounts opened at the link (CSRF
 * protected); what the exporter sees of sealed evidence (metadata, never content: 403) and what the foreign party sees
 * of the case (its own party, missing evidence and documents, nothing else); completeness counting sealed evidence.
 */
@IntegrationTest
class InvitationApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    InvitationFixtures inv;
    ApplicationFixtures fx;

    @BeforeEach
    void fixtures() {
        inv = new InvitationFixtures(mvc);
        fx = inv.fx;
    }

    @Test
    void theLinkIsShownOnceAndOnlyItsHashIsStored() {
        String app = fx.complete("applicant");
        String endUser = inv.party("applicant", app, "END_USER");
        var issued = inv.invite("applicant", app, endUser);

        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}"); // 256 bits, base64url
        assertThat(issued.link()).endsWith("/invitations/" + issued.token());
        String stored = jdbc.sql("SELECT token_hash FROM la_invitation WHERE id = :id")
                .param("id", UUID.fromString(issued.id()))
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(Invitations.hash(issued.token())).doesNotContain(issued.token());

        MvcTestResult list = fx.get("applicant", "/api/v1/applications/" + app + "/invitations");
        assertThat(list).hasStatusOk();
        assertThat(body(list)).doesNotContain(issued.token()).contains("\"state\":\"PENDING\"");
        assertThat(actions(issued.id())).contains("INVITATION_CREATED");
    }

    @Test
    void invitingChecksThePartyTheEmailAndTheValidity() {
        String app = fx.complete("applicant");
        String endUser = inv.party("applicant", app, "END_USER");
        String uri = "/api/v1/applications/" + app + "/invitations";

        assertThat(fx.post("applicant", uri, "{\"partyId\": \"" + UUID.randomUUID() + "\", \"email\": \"a@b.de\"}"))
                .hasStatus(422);
        assertThat(fx.post("applicant", uri, "{\"partyId\": \"" + endUser + "\", \"email\": \"nope\"}"))
                .hasStatus(422);
        assertThat(fx.post(
                        "applicant",
                        uri,
                        "{\"partyId\": \"" + endUser + "\", \"email\": \"a@b.de\", \"validityDays\": 31}"))
                .hasStatus(422);
        // the consignee party's contact e-mail is the default
        String consignee = inv.party("applicant", app, "CONSIGNEE");
        MvcTestResult byContact = fx.post("applicant", uri, "{\"partyId\": \"" + consignee + "\"}");
        assertThat(byContact).as(body(byContact)).hasStatus(201);
        assertThat((String) read(byContact, "$.invitation.email")).isEqualTo("anna@example.de");
        MvcTestResult dated = fx.post(
                "applicant",
                uri,
                "{\"partyId\": \"" + endUser + "\", \"email\": \"a@b.de\", \"expiresOn\": \""
                        + Instant.now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(3) + "\"}");
        assertThat(dated).as(body(dated)).hasStatus(201);
    }

    @Test
    void aForeignPartyOpensItsAccountAtTheLinkAndUploadsSealedEvidenceThatCompletesTheApplication() {
        // complete but for the end-user certificate, which only the end user can give
        String app = fx.draft("applicant");
        fx.addParty("applicant", app, ApplicationFixtures.CONSIGNEE);
        String endUser = fx.addParty("applicant", app, ApplicationFixtures.END_USER);
        String item = fx.addItem("applicant", app, ApplicationFixtures.MAGNET_ITEM);
        fx.fillDetails("applicant", app);
        String exportersOwn = fx.file("applicant", app, DocumentType.PRODUCT_PHOTO, null, item);
        fx.file("applicant", app, DocumentType.CUSTOMER_ORDER, null, null);
        MvcTestResult before = fx.get("applicant", "/api/v1/applications/" + app + "/completeness");
        assertThat((Boolean) read(before, "$.complete")).isFalse();
        assertThat((List<String>) read(before, "$.missing[*].code")).containsExactly("END_USER_CERTIFICATE");

        var issued = inv.invite("applicant", app, endUser);
        MvcTestResult landing = mvc.get().uri("/invitations/" + issued.token()).exchange();
        assertThat(landing).hasStatusOk();
        assertThat(body(landing)).contains("Antrieb AG").doesNotContain("Sintered NdFeB");
        assertThat(landing.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");

        String username = "enduser-" + UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult opened = inv.register(issued.token(), username, null, true);
        assertThat(opened).as(body(opened)).hasStatusOk();
        assertThat(body(opened)).contains("invitation-welcome");
        fx.registerToken(username, InvitationFixtures.password(username));
        assertThat(actions(issued.id())).contains("INVITATION_ACCEPTED");

        // the foreign party's view: its party, what is missing about it, nothing of the exporter's data
        MvcTestResult mine = fx.get(username, "/api/v1/contributions");
        assertThat(mine).as(body(mine)).hasStatusOk();
        assertThat((List<String>) read(mine, "$[*].applicationId")).containsExactly(app);
        assertThat((List<String>) read(mine, "$[0].parties[*].name")).containsExactly("Antrieb AG");
        assertThat((List<String>) read(mine, "$[0].missingEvidence[*].code")).containsExactly("END_USER_CERTIFICATE");
        assertThat(body(mine))
                .doesNotContain("Motorenwerk", "Sintered NdFeB", "85.5", exportersOwn, "Ganzhou")
                .contains("Demo");
        // nor may it read the application or the exporter's documents
        assertThat(fx.get(username, "/api/v1/applications/" + app)).hasStatus(404);
        assertThat(fx.get(username, "/api/v1/documents/" + exportersOwn)).hasStatus(404);
        assertThat(fx.get(username, "/api/v1/documents/" + exportersOwn + "/content?purpose=" + app))
                .hasStatus(404);
        MvcTestResult listed = fx.get(username, "/api/v1/applications/" + app + "/documents");
        assertThat(listed).hasStatusOk();
        assertThat(body(listed)).isEqualTo("[]");

        // an item or another party is refused; its own party is the default
        assertThat(inv.upload(
                        username, app, DocumentType.END_USER_CERTIFICATE, inv.party("applicant", app, "CONSIGNEE")))
                .hasStatus(422);
        String sealed = inv.uploadSealed(username, app, DocumentType.END_USER_CERTIFICATE, null);

        MvcTestResult after = fx.get("applicant", "/api/v1/applications/" + app + "/completeness");
        assertThat((Boolean) read(after, "$.complete")).as(body(after)).isTrue();
        assertThat((List<?>) read(fx.get(username, "/api/v1/contributions/" + app), "$.missingEvidence"))
                .isEmpty();

        // the exporter sees that it exists, never its name, description or content
        MvcTestResult exporterList = fx.get("applicant", "/api/v1/applications/" + app + "/documents");
        assertThat(body(exporterList)).doesNotContain("secret-certificate", "confidential customer detail");
        assertThat((List<Boolean>) read(exporterList, "$[?(@.id == '" + sealed + "')].locked"))
                .containsExactly(true);
        assertThat((List<String>) read(exporterList, "$[?(@.id == '" + sealed + "')].partyId"))
                .containsExactly(endUser);
        assertThat((List<String>) read(exporterList, "$[?(@.id == '" + sealed + "')].uploadedBy"))
                .containsExactly("the foreign party");
        assertThat((List<String>) read(exporterList, "$[?(@.id == '" + sealed + "')].sha256"))
                .singleElement()
                .asString()
                .hasSize(64);
        MvcTestResult describe = fx.get("applicant", "/api/v1/documents/" + sealed);
        assertThat(body(describe)).doesNotContain("secret-certificate").contains("\"sealed\":true");
        MvcTestResult content = fx.get("applicant", "/api/v1/documents/" + sealed + "/content?purpose=" + app);
        assertThat(content).hasStatus(403);
        assertThat(body(content)).contains("sealed evidence: only the reviewing authority reads it");
        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + app + "/documents/" + sealed)
                        .with(fx.as("applicant"))
                        .exchange())
                .hasStatus(403);
        assertThat(reads(sealed, "applicant")).isZero();

        // the foreign party reads its own upload
        MvcTestResult own = fx.get(username, "/api/v1/documents/" + sealed + "/content?purpose=" + app);
        assertThat(own).hasStatusOk();
        assertThat(body(fx.get(username, "/api/v1/contributions/" + app))).contains("secret-certificate");

        // submitted: the competent authority's reviewer reads it (audited); another jurisdiction's does not see it
        MvcTestResult submitted = fx.submit("applicant", app, null);
        assertThat(submitted).as(body(submitted)).hasStatusOk();
        assertThat(fx.get("reviewer", "/api/v1/documents/" + sealed + "/content?purpose=" + app))
                .hasStatusOk();
        assertThat(reads(sealed, "reviewer")).isEqualTo(1);
        String ministry = inv.ministryReviewer();
        assertThat(fx.get(ministry, "/api/v1/documents/" + sealed + "/content?purpose=" + app))
                .hasStatus(404);
        // and the foreign party can no longer remove it
        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + app + "/documents/" + sealed)
                        .with(fx.as(username))
                        .exchange())
                .hasStatus(409);
    }

    @Test
    void aLinkWorksOnce() {
        String app = fx.complete("applicant");
        var issued = inv.invite("applicant", app, inv.party("applicant", app, "END_USER"));
        assertThat(inv.accept("consignee", issued.token())).hasStatus(201);

        assertThat(inv.accept("consignee", issued.token())).hasStatus(410);
        assertThat(mvc.get().uri("/invitations/" + issued.token()).exchange()).hasStatus(410);
        String username = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(inv.register(issued.token(), username, null, true)).hasStatus(410);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .as("no account opened with a used link")
                .isZero();
        MvcTestResult list = fx.get("applicant", "/api/v1/applications/" + app + "/invitations");
        assertThat(body(list)).contains("\"state\":\"ACCEPTED\"");
    }

    @Test
    void revokingAnAcceptedInvitationEndsTheContributionButKeepsItsSealedEvidence() {
        String app = fx.complete("applicant");
        String endUser = inv.party("applicant", app, "END_USER");
        var issued = inv.invite("applicant", app, endUser);
        String foreign = inv.otherForeignParty();
        assertThat(inv.accept(foreign, issued.token())).hasStatus(201);
        String sealed = inv.uploadSealed(foreign, app, DocumentType.END_USER_CERTIFICATE, null);

        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + app + "/invitations/" + issued.id())
                        .with(fx.as("applicant"))
                        .exchange())
                .hasStatus(204);
        assertThat(body(fx.get("applicant", "/api/v1/applications/" + app + "/invitations")))
                .contains("\"state\":\"REVOKED\"");
        assertThat(actions(issued.id())).contains("INVITATION_REVOKED");

        // the former contributor is a stranger again
        assertThat(fx.get(foreign, "/api/v1/contributions/" + app)).hasStatus(404);
        assertThat(body(fx.get(foreign, "/api/v1/contributions"))).doesNotContain(app);
        assertThat(fx.get(foreign, "/api/v1/documents/" + sealed)).hasStatus(404);
        assertThat(inv.upload(foreign, app, DocumentType.CUSTOMER_ORDER, null)).hasStatus(404);
        // its evidence stays on file, sealed from the exporter
        MvcTestResult exporterList = fx.get("applicant", "/api/v1/applications/" + app + "/documents");
        assertThat((List<Boolean>) read(exporterList, "$[?(@.id == '" + sealed + "')].locked"))
                .containsExactly(true);
        assertThat(fx.get("applicant", "/api/v1/documents/" + sealed + "/content?purpose=" + app))
                .hasStatus(403);
    }

    @Test
    void expiredRevokedAndUnknownLinksAreRefused() {
        String app = fx.complete("applicant");
        String endUser = inv.party("applicant", app, "END_USER");

        var expired = inv.invite("applicant", app, endUser);
        jdbc.sql("UPDATE la_invitation SET expires_at = :past WHERE id = :id")
                .param("past", Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC))
                .param("id", UUID.fromString(expired.id()))
                .update();
        assertThat(mvc.get().uri("/invitations/" + expired.token()).exchange()).hasStatus(410);
        assertThat(inv.accept("consignee", expired.token())).hasStatus(410);
        assertThat(body(fx.get("applicant", "/api/v1/applications/" + app + "/invitations")))
                .contains("\"state\":\"EXPIRED\"");

        var revoked = inv.invite("applicant", app, endUser);
        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + app + "/invitations/" + revoked.id())
                        .with(fx.as("applicant"))
                        .exchange())
                .hasStatus(204);
        assertThat(actions(revoked.id())).contains("INVITATION_REVOKED");
        assertThat(inv.accept("consignee", revoked.token())).hasStatus(410);
        MvcTestResult gone = mvc.get().uri("/invitations/" + revoked.token()).exchange();
        assertThat(gone).hasStatus(410);

        String unknown = "A".repeat(43);
        MvcTestResult notFound = mvc.get().uri("/invitations/" + unknown).exchange();
        assertThat(notFound).hasStatus(404);
        // the same words for a used and an unknown link: no oracle beyond the status
        assertThat(body(notFound)).contains("This invitation link is not valid");
        assertThat(body(gone)).contains("This invitation link is not valid");
        assertThat(inv.accept("consignee", unknown)).hasStatus(404);
        assertThat(inv.accept("consignee", "not-a-token")).hasStatus(404);
    }

    @Test
    void theAccountFormAndTheApplicantsFormsNeedTheirCsrfToken() {
        String app = fx.complete("applicant");
        String endUser = inv.party("applicant", app, "END_USER");
        var issued = inv.invite("applicant", app, endUser);

        String username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(inv.register(issued.token(), username, null, false)).hasStatus(403);
        assertThat(mvc.get().uri("/invitations/" + issued.token()).exchange())
                .as("still pending")
                .hasStatusOk();

        var session = new org.lodestone.support.DemoSessions(mvc).of("applicant");
        int before = count(app);
        assertThat(mvc.post()
                        .uri("/applications/" + app + "/invitations")
                        .session(session)
                        .param("partyId", endUser)
                        .param("email", "x@example.de")
                        .exchange())
                .hasStatus(403);
        assertThat(count(app)).isEqualTo(before);
        assertThat(mvc.post()
                        .uri("/applications/" + app + "/invitations")
                        .session(session)
                        .with(csrf())
                        .param("partyId", endUser)
                        .param("email", "x@example.de")
                        .exchange())
                .hasStatus(302);
        assertThat(count(app)).isEqualTo(before + 1);
        assertThat(mvc.post()
                        .uri("/applications/" + app + "/invitations/" + issued.id() + "/revoke")
                        .session(session)
                        .exchange())
                .hasStatus(403);
        var consignee = new org.lodestone.support.DemoSessions(mvc).of("consignee");
        assertThat(mvc.post()
                        .uri("/invitations/" + issued.token() + "/accept")
                        .session(consignee)
                        .exchange())
                .hasStatus(403);
        assertThat(mvc.get().uri("/invitations/" + issued.token()).exchange()).hasStatusOk();
    }

    @Test
    void aRefusedAccountLeavesTheInvitationUnused() {
        String app = fx.complete("applicant");
        var issued = inv.invite("applicant", app, inv.party("applicant", app, "END_USER"));
        MvcTestResult shortPassword = mvc.post()
                .uri("/invitations/" + issued.token() + "/account")
                .with(csrf())
                .param("username", "short-" + UUID.randomUUID().toString().substring(0, 8))
                .param("displayName", "Short")
                .param("password", "short")
                .param("passwordRepeated", "short")
                .exchange();
        assertThat(shortPassword).hasStatus(422);
        assertThat(body(shortPassword)).contains("at least 12");
        MvcTestResult takenUsername = inv.register(issued.token(), "consignee", null, true);
        assertThat(takenUsername).hasStatus(409);
        assertThat(mvc.get().uri("/invitations/" + issued.token()).exchange()).hasStatusOk();
        assertThat(inv.accept("consignee", issued.token())).hasStatus(201);
    }

    private int count(String app) {
        return ((List<?>) read(fx.get("applicant", "/api/v1/applications/" + app + "/invitations"), "$")).size();
    }

    private List<String> actions(String invitation) {
        return audit.find(new AuditQuery("INVITATION", invitation, null, null, null, AuditQuery.MAX_LIMIT)).stream()
                .map(AuditEntry::action)
                .toList();
    }

    private long reads(String doc, String username) {
        return audit.find(new AuditQuery("DOCUMENT", doc, username, null, null, AuditQuery.MAX_LIMIT)).stream()
                .map(AuditEntry::action)
                .filter("DOCUMENT_READ"::equals)
                .count();
    }
}
