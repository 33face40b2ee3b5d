package org.lodestone.screening.hits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.review.ReviewFixtures;
import org.lodestone.screening.TestEntries;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The screening workflow end to end over the API (#4): a submitted application whose consignee is on a list has an
 * open hit that blocks approval; a REVIEWER's false positive unblocks it and is remembered across re-screening until
 * the entry changes; a true match keeps blocking; decisions are audited. Each test lists a name only its own parties
 * carry (a random token), and removes it afterwards, so the shared database's other cases are never blocked.
 */
@IntegrationTest
class ScreeningWorkflowApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestEntries entries;

    @Autowired
    AuditTrail audit;

    ApplicationFixtures apps;
    ReviewFixtures reviews;
    String token;
    String list;
    String listedName;

    @BeforeEach
    void setUp() {
        apps = new ApplicationFixtures(mvc);
        reviews = new ReviewFixtures(mvc);
        token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        list = "test-" + token;
        listedName = "Zorvex" + token + " Quillon Metallurgy";
        entries.put(list, "E-1", 1, listedName);
        entries.activate(list);
    }

    @AfterEach
    void tearDown() {
        entries.remove(list, "E-1");
        entries.activate(list);
    }

    private String consignee(String name) {
        return """
                {"role": "CONSIGNEE", "nameOriginal": "%1$s", "nameLatin": "%1$s", "country": "DE",
                 "address": "Industriestr. 1, 80331 München", "identifiers": [{"type": "HRB", "value": "HRB 1"}]}""".formatted(name);
    }

    private String submittedAndTaken(String consigneeName) {
        String id = apps.submitted("applicant", consignee(consigneeName));
        MvcTestResult r = reviews.assign("reviewer", id, "reviewer");
        assertThat(r).as(body(r)).hasStatusOk();
        return id;
    }

    private MvcTestResult hits(String user, String id, String state) {
        return apps.get(user, "/api/v1/screening/hits?state=" + state + "&application=" + id);
    }

    private MvcTestResult adjudicate(String user, String hit, String decision, String rationale, long version) {
        return apps.post(
                user, "/api/v1/screening/hits/" + hit + "/adjudication", """
                {"decision": "%s", "rationale": "%s", "version": %d}""".formatted(decision, rationale, version));
    }

    @Test
    void openHitBlocksApprovalUntilAFalsePositiveIsRecordedAndTheDecisionIsRememberedUntilTheEntryChanges() {
        String id = submittedAndTaken(listedName);

        MvcTestResult open = hits("reviewer", id, "OPEN");
        assertThat(open).as(body(open)).hasStatusOk();
        assertThat((Integer) read(open, "$.total")).isEqualTo(1);
        assertThat((String) read(open, "$.items[0].party.role")).isEqualTo("CONSIGNEE");
        assertThat((String) read(open, "$.items[0].entry.listCode")).isEqualTo(list);
        assertThat((String) read(open, "$.items[0].entry.programme")).isEqualTo("Test programme");
        assertThat((Map<?, ?>) read(open, "$.items[0].features")).isNotEmpty();
        assertThat((Double) read(open, "$.items[0].score")).isGreaterThanOrEqualTo(0.7);
        String hit = read(open, "$.items[0].id");
        int version = read(open, "$.items[0].version");

        MvcTestResult review = apps.get("reviewer", "/api/v1/applications/" + id + "/review");
        assertThat((Integer) read(review, "$.screening.openHits")).isEqualTo(1);
        assertThat((Boolean) read(review, "$.screening.blocksApproval")).isTrue();
        assertThat(body(apps.get("applicant", "/api/v1/applications/" + id + "/review")))
                .as("the applicant is never told of screening hits")
                .doesNotContain("openHits");

        MvcTestResult blocked = reviews.proposeApproval("reviewer", id);
        assertThat(blocked).as(body(blocked)).hasStatus(409);
        assertThat((String) read(blocked, "$.type")).isEqualTo("urn:lodestone:problem:screening-hits-open");
        assertThat((String) read(blocked, "$.detail")).isEqualTo("1 screening hit awaits adjudication");

        MvcTestResult shortRationale = adjudicate("reviewer", hit, "FALSE_POSITIVE", "no", version);
        assertThat(shortRationale).as(body(shortRationale)).hasStatus(422);
        assertThat((String) read(shortRationale, "$.errors[0].field")).isEqualTo("rationale");
        MvcTestResult badDecision = adjudicate("reviewer", hit, "MAYBE", "Different company, other country", version);
        assertThat(badDecision).hasStatus(422);
        assertThat((String) read(badDecision, "$.errors[0].field")).isEqualTo("decision");
        MvcTestResult stale = adjudicate("reviewer", hit, "FALSE_POSITIVE", "Different registry number", version + 7);
        assertThat(stale).as(body(stale)).hasStatus(409);
        MvcTestResult notReviewer = adjudicate("supervisor", hit, "FALSE_POSITIVE", "Different registry no", version);
        assertThat(notReviewer).hasStatus(403);

        MvcTestResult decided =
                adjudicate("reviewer", hit, "FALSE_POSITIVE", "Listed entity is a different company", version);
        assertThat(decided).as(body(decided)).hasStatusOk();
        assertThat((String) read(decided, "$.state")).isEqualTo("FALSE_POSITIVE");
        assertThat((String) read(decided, "$.adjudication.by")).isEqualTo("reviewer");
        MvcTestResult again = adjudicate("reviewer", hit, "TRUE_MATCH", "Changed my mind about it", version + 1);
        assertThat(again).as(body(again)).hasStatus(409);

        List<AuditEntry> trail = audit.find(new AuditQuery("SCREENING_HIT", hit, null, null, null, 10));
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("SCREENING_HIT_ADJUDICATED");
            assertThat(e.detail()).contains("FALSE_POSITIVE").contains("Listed entity is a different company");
        });

        // a new release of the list with the entry unchanged: the false positive is remembered
        entries.activateByEvent(list);
        assertThat((Integer) read(hits("reviewer", id, "OPEN"), "$.total")).isZero();
        MvcTestResult proposed = reviews.proposeApproval("reviewer", id);
        assertThat(proposed).as(body(proposed)).hasStatusOk();

        // the entry changes (new alias, new fingerprint): the question is open again, also for the countersignature
        entries.put(list, "E-1", 2, listedName, "Quillon Zorvex" + token + " Holding");
        entries.activate(list);
        MvcTestResult reopened = hits("reviewer", id, "OPEN");
        assertThat((Integer) read(reopened, "$.total")).isEqualTo(1);
        assertThat((String) read(reopened, "$.items[0].id")).isNotEqualTo(hit);
        MvcTestResult countersign = reviews.countersign("supervisor", id);
        assertThat(countersign).as(body(countersign)).hasStatus(409);
        assertThat((String) read(countersign, "$.type")).isEqualTo("urn:lodestone:problem:screening-hits-open");
        assertThat((Integer) read(hits("reviewer", id, "ALL"), "$.total")).isEqualTo(2);
    }

    @Test
    void aTrueMatchKeepsBlockingAndOnlyTheCompetentReviewerSeesOrDecides() {
        String id = submittedAndTaken(listedName);
        MvcTestResult open = hits("reviewer", id, "OPEN");
        String hit = read(open, "$.items[0].id");
        int version = read(open, "$.items[0].version");

        MvcTestResult stranger = apps.get("applicant", "/api/v1/screening/hits/" + hit);
        assertThat(stranger).hasStatus(403);
        MvcTestResult national = apps.get("enforcement", "/api/v1/screening/hits/" + hit);
        assertThat(national).as(body(national)).hasStatusOk();
        assertThat((Boolean) read(national, "$.mayAdjudicate")).isFalse();

        MvcTestResult decided = adjudicate("reviewer", hit, "TRUE_MATCH", "Same name, same address as listed", version);
        assertThat(decided).as(body(decided)).hasStatusOk();
        entries.activate(list);
        assertThat((Integer) read(hits("reviewer", id, "TRUE_MATCH"), "$.total"))
                .isEqualTo(1);
        assertThat((Integer) read(hits("reviewer", id, "OPEN"), "$.total")).isZero();

        MvcTestResult blocked = reviews.proposeApproval("reviewer", id);
        assertThat(blocked).as(body(blocked)).hasStatus(409);
        assertThat((String) read(blocked, "$.detail"))
                .isEqualTo("a party was confirmed as a restricted party: refuse with RESTRICTED_PARTY");

        MvcTestResult refused = reviews.post(
                "reviewer", "/api/v1/applications/" + id + "/decision", """
                {"outcome": "REFUSE", "version": %d, "reasonCode": "RESTRICTED_PARTY",
                 "text": "The consignee is on a restricted list."}""".formatted(reviews.version("reviewer", id)));
        assertThat(refused).as(body(refused)).hasStatusOk();
    }

    @Test
    void anEntryLeavingItsListClearsTheOpenHitAndUnrelatedPartiesAreNotHit() {
        String listed = submittedAndTaken(listedName);
        String unrelated = submittedAndTaken(
                "Harmless Motoren GmbH " + UUID.randomUUID().toString().substring(0, 8));
        assertThat((Integer) read(hits("reviewer", unrelated, "ALL"), "$.total"))
                .isZero();
        assertThat((Integer) read(hits("reviewer", listed, "OPEN"), "$.total")).isEqualTo(1);

        entries.remove(list, "E-1");
        entries.activate(list);
        MvcTestResult all = hits("reviewer", listed, "ALL");
        assertThat((Integer) read(all, "$.total")).isEqualTo(1);
        assertThat((String) read(all, "$.items[0].state")).isEqualTo("CLEARED");
        assertThat((String) read(all, "$.items[0].clearedReason")).isEqualTo("the entry left its list");
        MvcTestResult proposed = reviews.proposeApproval("reviewer", listed);
        assertThat(proposed).as(body(proposed)).hasStatusOk();
    }
}
