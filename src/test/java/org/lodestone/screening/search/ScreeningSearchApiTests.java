package org.lodestone.screening.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.screening.TestEntries;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Ad-hoc screening over the API (#4): the documented answer shape, best first, {@code match} where the score reaches
 * the threshold; bad input refused naming the field; a CSV batch answered as CSV with one line per row and hit and
 * invalid rows named in the error column; malformed files refused as a whole. Searches are audited.
 */
@IntegrationTest
class ScreeningSearchApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestEntries entries;

    @Autowired
    AuditTrail audit;

    String list;
    String listed;

    @BeforeEach
    void list() {
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        list = "search-" + token;
        listed = "Kelvaro" + token + " Brightstone Minerals";
        entries.put(list, "S-1", 1, listed, "布赖特斯通" + token);
        entries.put(list, "S-2", 1, "Kelvaro" + token + " Unrelated Shipping Agency");
        entries.activate(list);
    }

    @AfterEach
    void unlist() {
        entries.remove(list, "S-1");
        entries.remove(list, "S-2");
        entries.activate(list);
    }

    private MvcTestResult search(String user, String json) {
        return mvc.post()
                .uri("/api/v1/screening/search")
                .with(DemoLogins.as(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private MvcTestResult batch(String user, String csv) {
        return mvc.post()
                .uri("/api/v1/screening/batch")
                .with(DemoLogins.as(mvc, user))
                .multipart()
                .file(new MockMultipartFile("file", "customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .exchange();
    }

    @Test
    void aListedNameIsAMatchWithItsFeaturesBestFirst() {
        Instant before = Instant.now();
        MvcTestResult r = search("consignee", """
                {"name": "%s", "country": "cn", "identifiers": [{"type": "USCC", "value": "9136 0700"}],
                 "schema": "company"}""".formatted(listed));
        assertThat(r).as(body(r)).hasStatusOk();
        assertThat((Double) read(r, "$.threshold")).isBetween(0.0, 1.0);
        List<Map<String, Object>> hits = read(r, "$.hits");
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst())
                .containsOnlyKeys("listCode", "entryId", "name", "score", "match", "features")
                .containsEntry("listCode", list)
                .containsEntry("entryId", "S-1")
                .containsEntry("name", listed)
                .containsEntry("match", true);
        assertThat((Map<?, ?>) hits.getFirst().get("features")).isNotEmpty();
        double threshold = read(r, "$.threshold");
        for (int i = 0; i < hits.size(); i++) {
            double score = ((Number) hits.get(i).get("score")).doubleValue();
            assertThat(hits.get(i).get("match")).isEqualTo(score >= threshold);
            if (i > 0) {
                assertThat(score).isLessThanOrEqualTo(((Number) hits.get(i - 1).get("score")).doubleValue());
            }
        }
        assertThat(audit.find(new AuditQuery("SCREENING", null, "consignee", before, null, 10)))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("SCREENING_SEARCH");
                    assertThat(e.detail()).contains(listed);
                });
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndOddButValidInputIsAnswered() {
        assertField(search("applicant", "{\"name\": \"   \"}"), "name");
        assertField(search("applicant", "{}"), "name");
        assertField(search("applicant", "{\"name\": \"" + "x".repeat(10_000) + "\"}"), "name");
        assertField(search("applicant", "{\"name\": \"Acme\", \"country\": \"XX\"}"), "country");
        assertField(search("applicant", "{\"name\": \"Acme\", \"schema\": \"Spaceship\"}"), "schema");
        assertField(
                search("applicant", "{\"name\": \"Acme\", \"identifiers\": [{\"type\": \"VAT\"}]}"),
                "identifiers[0].value");
        assertField(search("applicant", "{\"name\": \"a\\u0000b\"}"), "name");

        MvcTestResult mixed = search("applicant", "{\"name\": \"Брайт 布赖特 Ωmega لودستون\"}");
        assertThat(mixed).as(body(mixed)).hasStatusOk();
        MvcTestResult unknownField = search("applicant", "{\"name\": \"Acme\", \"nmae\": \"x\"}");
        assertThat(unknownField.getResponse().getStatus()).isEqualTo(400);
    }

    private static void assertField(MvcTestResult r, String field) {
        assertThat(r).as(body(r)).hasStatus(422);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat((String) read(r, "$.errors[0].field")).isEqualTo(field);
    }

    @Test
    void aBatchIsAnsweredAsCsvWithInvalidRowsNamed() {
        String csv = "ref,name,country,identifiers,schema\r\n"
                + "c-1,\"" + listed + "\",CN,USCC:91360700,Company\r\n"
                + "c-2,,DE,,\r\n"
                + "c-3,Quiet Harbour Bakery,XX,,\r\n"
                + "c-4,\"=HYPERLINK(\"\"x\"\")\",,,\r\n";
        MvcTestResult r = batch("applicant", csv);
        assertThat(r).as(body(r)).hasStatusOk();
        assertThat(r.getResponse().getContentType()).startsWith("text/csv");
        List<String> lines = body(r).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("row,ref,name,listCode,entryId,matchedName,score,match,error");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("1,c-1,")
                        .contains(list + ",S-1,")
                        .contains(",true,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("2,c-2,").endsWith("name: is required"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("3,c-3,").contains("country: 'XX'"));
        assertThat(lines)
                .as("a formula is never handed to a spreadsheet")
                .anySatisfy(l -> assertThat(l).startsWith("4,c-4,\"'=HYPERLINK"));
    }

    @Test
    void aMalformedFileIsRefusedNamingTheFile() {
        assertField(batch("reviewer", "nom,pays\r\nAcme,DE\r\n"), "file");
        assertField(batch("reviewer", "country\r\nDE\r\n"), "file");
        assertField(batch("reviewer", "name\r\n\"Acme\r\n"), "file");
        assertField(batch("reviewer", ""), "file");
        MvcTestResult tooMany = batch("reviewer", "name\r\n" + "Acme\r\n".repeat(10_001));
        assertField(tooMany, "file");
        assertThat((String) read(tooMany, "$.detail")).contains("10000");
        MvcTestResult notUtf8 = mvc.post()
                .uri("/api/v1/screening/batch")
                .with(DemoLogins.as(mvc, "reviewer"))
                .multipart()
                .file(new MockMultipartFile(
                        "file", "x.csv", "text/csv", new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xC3}))
                .exchange();
        assertField(notUtf8, "file");
    }
}
