package org.lodestone.licensing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.security.Principals;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.ApplicationSubmitted;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The applicant's story over the API, and every kind of bad input and race the issue names (#3). */
@IntegrationTest
@RecordApplicationEvents
class ApplicationApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Identity identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    Principals principals;

    @Autowired
    ApplicationEvents events;

    ApplicationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ApplicationFixtures(mvc);
    }

    @Test
    void draftToSubmissionRoutedToTheJiangxiBureau() {
        MvcTestResult created = fx.post("applicant", "/api/v1/applications", "{}");
        assertThat(created).hasStatus(201);
        String id = read(created, "$.id");
        assertThat((String) read(created, "$.reference")).matches("LA-\\d{4}-\\d{6}");
        assertThat((String) read(created, "$.state")).isEqualTo("DRAFT");
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/applications/" + id);

        String endUser = fx.addParty(id, ApplicationFixtures.END_USER);
        fx.addParty(id, ApplicationFixtures.CONSIGNEE);
        String item = fx.addItem(id, ApplicationFixtures.MAGNET_ITEM);

        MvcTestResult completeness = fx.get("applicant", "/api/v1/applications/" + id + "/completeness");
        assertThat(completeness).hasStatusOk();
        assertThat((Boolean) read(completeness, "$.complete")).isFalse();
        List<String> codes = read(completeness, "$.missing[*].code");
        assertThat(codes)
                .contains(
                        "END_USER_CERTIFICATE",
                        "PRODUCT_EVIDENCE",
                        "PRODUCTION_EVIDENCE",
                        "CUSTOMER_ORDER",
                        "END_USE_SECTOR",
                        "RELATIONSHIP_SINCE",
                        "DECLARATION_ACCURACY")
                .doesNotContain("END_USER_PARTY", "CONSIGNEE_PARTY", "ITEMS");
        List<String> messages = read(completeness, "$.missing[*].message");
        assertThat(messages)
                .contains("end-user certificate missing for END_USER 'Antrieb AG'")
                .anyMatch(m -> m.startsWith("no production-line evidence for item 1"));
        List<String> targets = read(completeness, "$.missing[?(@.code == 'END_USER_CERTIFICATE')].target");
        assertThat(targets).containsExactly("parties/" + endUser);

        MvcTestResult refused = fx.submit("applicant", id, null);
        assertThat(refused).hasStatus(422);
        assertThat(refused.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        List<String> refusedCodes = read(refused, "$.missing[*].code");
        assertThat(refusedCodes).containsExactlyInAnyOrderElementsOf(codes);
        assertThat((String) read(refused, "$.detail"))
                .contains("end-user certificate missing for END_USER 'Antrieb AG'");

        fx.fillDetails(id);
        fx.file(id, DocumentType.END_USER_CERTIFICATE, endUser, null);
        fx.file(id, DocumentType.PRODUCT_PHOTO, null, item);
        fx.file(id, DocumentType.CUSTOMER_ORDER, null, null);
        assertThat((Boolean) read(fx.get("applicant", "/api/v1/applications/" + id + "/completeness"), "$.complete"))
                .isTrue();

        MvcTestResult submitted = fx.submit("applicant", id, null);
        assertThat(submitted).as(body(submitted)).hasStatusOk();
        assertThat((String) read(submitted, "$.state")).isEqualTo("SUBMITTED");
        assertThat((Integer) read(submitted, "$.revision")).isEqualTo(1);
        String bureau = identity.organisations(OrganisationKind.AUTHORITY).stream()
                .filter(o -> "CN-JX".equals(o.jurisdiction()))
                .findFirst()
                .orElseThrow()
                .id()
                .toString();
        assertThat((String) read(submitted, "$.competentAuthority")).isEqualTo(bureau);

        List<String> toStates = read(fx.get("applicant", "/api/v1/applications/" + id + "/history"), "$[*].to");
        assertThat(toStates).containsExactly("DRAFT", "SUBMITTED");
        MvcTestResult history = fx.get("applicant", "/api/v1/applications/" + id + "/history");
        assertThat((String) read(history, "$[1].actor")).isEqualTo("applicant");
        assertThat((String) read(history, "$[1].from")).isEqualTo("DRAFT");

        var entries = audit.find(new AuditQuery("APPLICATION", id, null, null, null, 50));
        assertThat(entries).extracting(e -> e.action()).contains("APPLICATION_CREATED", "APPLICATION_SUBMITTED");
        assertThat(events.stream(ApplicationSubmitted.class))
                .extracting(ApplicationSubmitted::application)
                .containsExactly(ApplicationId.of(id));

        // the reviewer at the bureau sees it; the national auditor too; the consignee does not
        assertThat(fx.get("reviewer", "/api/v1/applications/" + id)).hasStatusOk();
        assertThat(fx.get("auditor", "/api/v1/applications/" + id)).hasStatusOk();
        assertThat(fx.get("consignee", "/api/v1/applications/" + id)).hasStatus(404);
        List<String> reviewerList = read(fx.get("reviewer", "/api/v1/applications?size=100"), "$.content[*].id");
        assertThat(reviewerList).contains(id);
    }

    @Test
    void sameIdempotencyKeyTwiceIsOneSubmissionWithTheSameAnswer() {
        String id = fx.complete();
        String key = UUID.randomUUID().toString();
        MvcTestResult first = fx.submit("applicant", id, key);
        MvcTestResult second = fx.submit("applicant", id, key);
        assertThat(first).hasStatusOk();
        assertThat(second).hasStatusOk();
        assertThat(body(second)).isEqualTo(body(first));
        assertThat(second.getResponse().getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(submissions(id)).isEqualTo(1);
        // a different key is a new request, and a draft can only be submitted once
        assertThat(fx.submit("applicant", id, UUID.randomUUID().toString())).hasStatus(409);
    }

    @Test
    void concurrentSubmissionsWithTheSameKeySubmitOnce() throws Exception {
        String id = fx.complete();
        String key = UUID.randomUUID().toString();
        fx.as("applicant"); // token created before the race
        var barrier = new CyclicBarrier(2);
        var a = CompletableFuture.supplyAsync(() -> race(barrier, id, key));
        var b = CompletableFuture.supplyAsync(() -> race(barrier, id, key));
        MvcTestResult ra = a.get();
        MvcTestResult rb = b.get();
        assertThat(ra).as(body(ra)).hasStatusOk();
        assertThat(rb).as(body(rb)).hasStatusOk();
        assertThat(body(ra)).isEqualTo(body(rb));
        assertThat(submissions(id)).isEqualTo(1);
        assertThat(revisions(id)).isEqualTo(1);
    }

    private MvcTestResult race(CyclicBarrier barrier, String id, String key) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return fx.submit("applicant", id, key);
    }

    @Test
    void stalePutIsAConflictAndEditAfterSubmitToo() {
        String id = fx.draft();
        long v = fx.version(id);
        String change = "{\"production\": {\"description\": \"first\"}, \"version\": null}";
        assertThat(fx.put("applicant", "/api/v1/applications/" + id, change, v)).hasStatusOk();
        MvcTestResult stale = fx.put("applicant", "/api/v1/applications/" + id, change, v);
        assertThat(stale).hasStatus(409);
        assertThat((String) read(stale, "$.detail")).contains("version " + v).contains("current version is " + (v + 1));

        MvcTestResult noVersion = mvc.put()
                .uri("/api/v1/applications/" + id)
                .with(fx.as("applicant"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(change)
                .exchange();
        assertThat(noVersion).hasStatus(428);

        String done = fx.complete();
        assertThat(fx.submit("applicant", done, null)).hasStatusOk();
        MvcTestResult late = fx.put("applicant", "/api/v1/applications/" + done, change, fx.version(done));
        assertThat(late).hasStatus(409);
        assertThat((String) read(late, "$.detail")).contains("SUBMITTED").contains("can no longer be changed");
        assertThat(fx.post("applicant", "/api/v1/applications/" + done + "/parties", ApplicationFixtures.END_USER))
                .hasStatus(409);
    }

    @Test
    void withdrawFromSubmittedThenNothingMoreIsPossible() {
        String id = fx.complete();
        assertThat(fx.submit("applicant", id, null)).hasStatusOk();
        MvcTestResult withdrawn =
                fx.post("applicant", "/api/v1/applications/" + id + "/withdraw", "{\"reason\": \"order cancelled\"}");
        assertThat(withdrawn).hasStatusOk();
        assertThat((String) read(withdrawn, "$.state")).isEqualTo("WITHDRAWN");
        MvcTestResult again = fx.post("applicant", "/api/v1/applications/" + id + "/withdraw", "{}");
        assertThat(again).hasStatus(409);
        assertThat((String) read(again, "$.detail")).contains("Cannot withdraw").contains("it is WITHDRAWN");
        List<String> reasons = read(fx.get("applicant", "/api/v1/applications/" + id + "/history"), "$[*].reason");
        assertThat(reasons).contains("order cancelled");
        // the reviewer may read but not withdraw it
        assertThat(fx.post("reviewer", "/api/v1/applications/" + id + "/withdraw", "{}"))
                .hasStatus(403);
    }

    @Test
    void markupIsStoredVerbatimAndEscapedInThePage() throws Exception {
        String id = fx.draft();
        String evil = "<script>alert('x')</script><b>Bold & Co</b>";
        String party = """
                {"role": "END_USER", "nameLatin": "%s", "country": "DE", "address": "<img src=x onerror=alert(1)>"}""".formatted(evil.replace("\"", "\\\""));
        String pid = fx.addParty(id, party);
        MvcTestResult read = fx.get("applicant", "/api/v1/applications/" + id + "/parties/" + pid);
        assertThat((String) read(read, "$.nameLatin")).isEqualTo(evil);
        assertThat((String) read(read, "$.address")).isEqualTo("<img src=x onerror=alert(1)>");

        MvcTestResult page = mvc.get()
                .uri("/applications/" + id)
                .with(user(principals.byUsername("applicant").orElseThrow()))
                .accept(MediaType.TEXT_HTML)
                .exchange();
        assertThat(page).hasStatusOk();
        String html = body(page);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        // a draft's page carries the evidence list with the upload form
        assertThat(html).contains("id=\"evidence-documents\"").contains("id=\"evidence-upload\"");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        zero quantity          | items[0].quantity     | items   | {"controlEntry": "dy-oxide", "form": "oxide", "description": "Dy2O3", "quantity": "0", "unit": "kg", "unitValue": "300", "currency": "USD"}
        negative quantity      | items[0].quantity     | items   | {"controlEntry": "dy-oxide", "form": "oxide", "description": "Dy2O3", "quantity": "-5", "unit": "kg", "unitValue": "300", "currency": "USD"}
        unknown control entry  | items[0].controlEntry | items   | {"controlEntry": "9Z999", "form": "oxide", "description": "Dy2O3", "quantity": "5", "unit": "kg", "unitValue": "300", "currency": "USD"}
        bad currency           | items[0].currency     | items   | {"controlEntry": "dy-oxide", "form": "oxide", "description": "Dy2O3", "quantity": "5", "unit": "kg", "unitValue": "300", "currency": "XYZ"}
        bad unit               | items[0].unit         | items   | {"controlEntry": "dy-oxide", "form": "oxide", "description": "Dy2O3", "quantity": "5", "unit": "barrel", "unitValue": "300", "currency": "USD"}
        form not of the entry  | items[0].form         | items   | {"controlEntry": "dy-oxide", "form": "magnet", "description": "Dy2O3", "quantity": "5", "unit": "kg", "unitValue": "300", "currency": "USD"}
        element above 100      | items[0].elements.Dy  | items   | {"controlEntry": "dy-oxide", "form": "oxide", "description": "Dy2O3", "quantity": "5", "unit": "kg", "unitValue": "300", "currency": "USD", "elements": {"Dy": "101"}}
        element sum above 100.5| items[0].elements     | items   | {"controlEntry": "dy-oxide", "form": "oxide", "description": "Dy2O3", "quantity": "5", "unit": "kg", "unitValue": "300", "currency": "USD", "elements": {"Dy": "87", "O": "14"}}
        unknown element        | items[0].elements.Qq  | items   | {"controlEntry": "dy-oxide", "form": "oxide", "description": "Dy2O3", "quantity": "5", "unit": "kg", "unitValue": "300", "currency": "USD", "elements": {"Qq": "5"}}
        short hs code          | items[0].hsCode       | items   | {"controlEntry": "dy-oxide", "form": "oxide", "description": "Dy2O3", "quantity": "5", "unit": "kg", "unitValue": "300", "currency": "USD", "hsCode": "28469"}
        bad country            | parties[0].country    | parties | {"role": "END_USER", "nameLatin": "X", "country": "XX", "address": "Somewhere"}
        unknown role           | parties[0].role       | parties | {"role": "BUYER", "nameLatin": "X", "country": "DE", "address": "Somewhere"}
        missing name           | parties[0].nameLatin  | parties | {"role": "END_USER", "country": "DE", "address": "Somewhere"}
        bad e-mail             | parties[0].contact.email | parties | {"role": "END_USER", "nameLatin": "X", "country": "DE", "address": "A", "contact": {"email": "nope"}}
        """)
    void badInputIsA422NamingTheField(String what, String field, String collection, String json) {
        String id = fx.draft();
        MvcTestResult result = fx.post("applicant", "/api/v1/applications/" + id + "/" + collection, json);
        assertThat(result).as(body(result)).hasStatus(422);
        List<String> fields = read(result, "$.errors[*].field");
        assertThat(fields).as(what).contains(field);
        assertThat((String) read(result, "$.detail")).contains(field);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        bad sector          | endUse.sector                   | {"endUse": {"sector": "MILITARY"}, "version": %d}
        bad since date      | relationship.since              | {"relationship": {"since": "2019-13-01"}, "version": %d}
        volume bad currency | relationship.volumes[0].currency | {"relationship": {"volumes": [{"year": "2024", "value": "5", "currency": "ABC"}]}, "version": %d}
        volume zero qty     | relationship.volumes[0].quantity | {"relationship": {"volumes": [{"year": "2024", "quantity": "0", "unit": "t"}]}, "version": %d}
        unknown consignee   | consigneeOrganisation           | {"consigneeOrganisation": "00000000-0000-0000-0000-000000000000", "version": %d}
        """)
    void badSectionsAreA422NamingTheField(String what, String field, String json) {
        String id = fx.draft();
        long v = fx.version(id);
        MvcTestResult result = fx.put("applicant", "/api/v1/applications/" + id, json.formatted(v), v);
        assertThat(result).as(body(result)).hasStatus(422);
        List<String> fields = read(result, "$.errors[*].field");
        assertThat(fields).as(what).contains(field);
    }

    @Test
    void consigneeOrganisationMustBeAForeignParty() {
        String id = fx.draft();
        String foreign = identity.organisations(OrganisationKind.FOREIGN_PARTY)
                .getFirst()
                .id()
                .toString();
        String exporter = identity.organisations(OrganisationKind.EXPORTER)
                .getFirst()
                .id()
                .toString();
        long v = fx.version(id);
        MvcTestResult ok = fx.put(
                "applicant", "/api/v1/applications/" + id, "{\"consigneeOrganisation\": \"" + foreign + "\"}", v);
        assertThat(ok).as(body(ok)).hasStatusOk();
        assertThat((String) read(ok, "$.consigneeOrganisation")).isEqualTo(foreign);
        MvcTestResult wrong = fx.put(
                "applicant", "/api/v1/applications/" + id, "{\"consigneeOrganisation\": \"" + exporter + "\"}", v + 1);
        assertThat(wrong).hasStatus(422);
        assertThat((String) read(wrong, "$.errors[0].reason")).contains("is not a FOREIGN_PARTY");
    }

    @Test
    void unknownPropertyIsA400() {
        String id = fx.draft();
        assertThat(fx.post(
                        "applicant", "/api/v1/applications/" + id + "/parties", "{\"role\": \"END_USER\", \"foo\": 1}"))
                .hasStatus(400);
    }

    @Test
    void partiesAndItemsCanBeChangedAndRemovedInADraft() {
        String id = fx.draft();
        String pid = fx.addParty(id, ApplicationFixtures.END_USER);
        MvcTestResult changed = fx.put(
                "applicant",
                "/api/v1/applications/" + id + "/parties/" + pid,
                ApplicationFixtures.END_USER.replace("Antrieb AG", "Antrieb SE"),
                fx.version(id));
        assertThat(changed).hasStatusOk();
        assertThat((String) read(changed, "$.nameLatin")).isEqualTo("Antrieb SE");
        String iid = fx.addItem(id, ApplicationFixtures.MAGNET_ITEM);
        MvcTestResult item = fx.get("applicant", "/api/v1/applications/" + id + "/items/" + iid);
        assertThat((String) read(item, "$.controlEntry")).isEqualTo("dy-metal-alloys-targets-magnets");
        assertThat((String) read(item, "$.controlNumber")).isEqualTo("1C905.a");
        Map<String, Object> elements = read(item, "$.elements");
        assertThat(elements).containsKeys("Dy", "Nd");
        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + id + "/items/" + iid)
                        .with(fx.as("applicant"))
                        .exchange())
                .hasStatus(204);
        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + id + "/parties/" + pid)
                        .with(fx.as("applicant"))
                        .exchange())
                .hasStatus(204);
        List<Object> parties = read(fx.get("applicant", "/api/v1/applications/" + id + "/parties"), "$");
        assertThat(parties).isEmpty();
        List<Object> items = read(fx.get("applicant", "/api/v1/applications/" + id + "/items"), "$");
        assertThat(items).isEmpty();
    }

    @Test
    void revisionsAreFrozenOnSubmissionAndDiffable() {
        String id = fx.complete();
        assertThat(fx.submit("applicant", id, null)).hasStatusOk();
        MvcTestResult versions = fx.get("applicant", "/api/v1/applications/" + id + "/versions");
        assertThat(versions).hasStatusOk();
        List<Integer> numbers = read(versions, "$[*].number");
        assertThat(numbers).containsExactly(1);
        MvcTestResult content = fx.get("applicant", "/api/v1/applications/" + id + "/versions/1");
        assertThat((String) read(content, "$.endUse.finalProduct")).isEqualTo("Traction motor TM-400");
        MvcTestResult diff = fx.get("applicant", "/api/v1/applications/" + id + "/versions/1/diff");
        List<String> paths = read(diff, "$[*].path");
        assertThat(paths).contains("items[0].quantity", "parties[1].nameLatin", "endUse.sector");
        assertThat(fx.get("applicant", "/api/v1/applications/" + id + "/versions/2"))
                .hasStatus(404);
    }

    @Test
    void otherRolesCannotCreate() {
        assertThat(fx.post("reviewer", "/api/v1/applications", "{}")).hasStatus(403);
        assertThat(fx.post("consignee", "/api/v1/applications", "{}")).hasStatus(403);
    }

    private long submissions(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM la_transition WHERE application_id = :id AND to_state = 'SUBMITTED'")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    private long revisions(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM la_revision WHERE application_id = :id")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }
}
