package org.lodestone.screening.hits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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
 * A live licence is re-screened when a list changes (#4): its consignee, clean at approval, is listed afterwards; the
 * re-screen opens a hit on the licence (not on the decided application), a REVIEWER of the issuing authority confirms
 * it, and the confirmation is audited for the licence. The entry is a random-token name only this test's party
 * carries.
 */
@IntegrationTest
class LicenceRescreeningApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestEntries entries;

    @Autowired
    AuditTrail audit;

    String list = "test-lic-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void tearDown() {
        entries.remove(list, "L-1");
        entries.activate(list);
    }

    @Test
    void aConsigneeListedAfterIssueIsHitOnTheLiveLicenceAndTheConfirmationIsAudited() {
        ApplicationFixtures apps = new ApplicationFixtures(mvc);
        ReviewFixtures reviews = new ReviewFixtures(mvc);
        String name =
                "Brovantis" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + " Antriebstechnik";
        String id = apps.submitted("applicant", """
                {"role": "CONSIGNEE", "nameOriginal": "%1$s", "nameLatin": "%1$s", "country": "DE",
                 "address": "Industriestr. 1, 80331 München", "identifiers": [{"type": "HRB", "value": "HRB 7"}]}""".formatted(name));
        assertThat(reviews.assign("reviewer", id, "reviewer")).hasStatusOk();
        MvcTestResult proposed = reviews.proposeApproval("reviewer", id);
        assertThat(proposed).as(body(proposed)).hasStatusOk();
        MvcTestResult signed = reviews.countersign("supervisor", id);
        assertThat(signed).as(body(signed)).hasStatusOk();
        String licence = read(signed, "$.decisions[-1].licenceNumber");

        entries.put(list, "L-1", 1, name.toUpperCase(java.util.Locale.ROOT));
        entries.activate(list);

        MvcTestResult open = apps.get("reviewer", "/api/v1/screening/hits?state=OPEN&size=200");
        assertThat(open).as(body(open)).hasStatusOk();
        List<Map<String, Object>> items = read(open, "$.items[?(@.entry.listCode == '" + list + "')]");
        assertThat(items).as(body(open)).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) items.getFirst().get("subject");
        assertThat(subject).containsEntry("kind", "LICENCE").containsEntry("reference", licence);
        String hit = (String) items.getFirst().get("id");
        int version = (Integer) items.getFirst().get("version");

        MvcTestResult confirmed =
                apps.post("reviewer", "/api/v1/screening/hits/" + hit + "/adjudication", """
                {"decision": "TRUE_MATCH", "rationale": "Same company, same commercial register number", "version": %d}""".formatted(version));
        assertThat(confirmed).as(body(confirmed)).hasStatusOk();
        assertThat((String) read(confirmed, "$.state")).isEqualTo("TRUE_MATCH");
        assertThat(audit.find(new AuditQuery("LICENCE", licence, null, null, null, 10)))
                .extracting(AuditEntry::action)
                .contains("SCREENING_TRUE_MATCH_ON_LICENCE");
    }
}
