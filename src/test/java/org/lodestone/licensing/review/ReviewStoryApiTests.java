package org.lodestone.licensing.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.support.HttpApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The story of #3 end to end over real HTTP, as an exporter's and an authority's systems would drive it: draft,
 * complete, submit; the reviewer finds it in the queue, takes it, asks for the end-user certificate (clock stops); the
 * applicant uploads and answers (clock runs); the reviewer proposes approval, the supervisor countersigns; the
 * applicant downloads the certificate, whose QR code leads to the public verification; a shipment depletes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewStoryApiTests {

    @LocalServerPort
    int port;

    @Test
    void fromDraftToAVerifiedDepletedLicenceOverHttp() {
        var api = new HttpApi("http://localhost:" + port);
        String id = api.completeApplication("applicant");
        String app = "/api/v1/applications/" + id;

        HttpApi.Reply completeness = api.get("applicant", app + "/completeness").expect(200);
        assertThat((Boolean) completeness.read("$.complete")).isTrue();
        HttpApi.Reply submitted = api.post("applicant", app + "/submit", "{}").expect(200);
        String reference = submitted.read("$.reference");

        // The reviewer finds it in the queue of the Jiangxi bureau
        HttpApi.Reply queue = api.get("reviewer", "/api/v1/review/queue?assignee=none&q=" + reference)
                .expect(200);
        assertThat((String) queue.read("$.items[0].applicationId")).isEqualTo(id);
        assertThat((Integer) queue.read("$.items[0].clock.daysLeft")).isBetween(44, 45);

        api.put("reviewer", app + "/assignment", "{\"assignee\": \"reviewer\"}", null)
                .expect(200);
        long v = api.version("reviewer", id);
        HttpApi.Reply request = api.post("reviewer", app + "/information-requests", """
                {"version": %d, "message": "The end-user certificate must be signed by Antrieb AG.",
                 "items": [{"kind": "DOCUMENT", "documentType": "END_USER_CERTIFICATE",
                            "question": "Signed end-user certificate"}]}""".formatted(v))
                .expect(201);
        String rid = request.read("$.id");
        HttpApi.Reply paused = api.get("applicant", app + "/review").expect(200);
        assertThat((Boolean) paused.read("$.clock.paused")).isTrue();
        assertThat((String) paused.read("$.state")).isEqualTo("INFORMATION_REQUESTED");

        List<Map<String, Object>> parties =
                api.get("applicant", app + "/parties").expect(200).read("$");
        String endUser = parties.stream()
                .filter(p -> "END_USER".equals(p.get("role")))
                .map(p -> (String) p.get("id"))
                .findFirst()
                .orElseThrow();
        String doc = api.upload("applicant", id, DocumentType.END_USER_CERTIFICATE, endUser, null);
        api.post("applicant", app + "/information-requests/" + rid + "/response", """
                {"version": %d, "answers": [{"no": 1, "text": "Signed by the managing director",
                                             "documentIds": ["%s"]}]}""".formatted(
                                api.version("applicant", id), doc))
                .expect(200);
        HttpApi.Reply running = api.get("reviewer", app + "/review").expect(200);
        assertThat((Boolean) running.read("$.clock.paused")).isFalse();
        assertThat((String) running.read("$.state")).isEqualTo("IN_REVIEW");

        api.post("reviewer", app + "/decision", """
                {"outcome": "PROPOSE_APPROVAL", "version": %d,
                 "terms": {"conditions": ["Report installation within 90 days"],
                           "quantities": [{"itemNo": 1, "quantity": "1000"}]}}""".formatted(api.version("reviewer", id)))
                .expect(200);
        HttpApi.Reply approved = api.post(
                        "supervisor", app + "/countersignature", """
                {"outcome": "COUNTERSIGN", "version": %d}""".formatted(api.version("supervisor", id)))
                .expect(200);
        assertThat((String) approved.read("$.state")).isEqualTo("APPROVED");
        String number = approved.read("$.decisions[-1].licenceNumber");

        // The applicant downloads the certificate; its QR code leads to the public verification
        HttpApi.Reply pdf = api.get("applicant", "/api/v1/licences/" + number + "/certificate.pdf")
                .expect(200);
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
        String url = HttpApi.qrUrl(pdf.bytes());
        assertThat(url).contains("/verify/" + number + "?code=");
        String page = api.anonymous(url.replaceFirst("^https?://[^/]+", ""))
                .expect(200)
                .body();
        assertThat(page).contains(number).contains("ISSUED").doesNotContain("Antrieb AG");

        // A shipment depletes the licensed 1000 kg
        HttpApi.Reply shipped = api.post("applicant", "/api/v1/licences/" + number + "/shipments", """
                {"reference": "SHIP-1", "shipmentDate": "%s",
                 "lines": [{"line": 1, "quantity": {"value": 400, "unit": "kg"}}]}""".formatted(
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
        HttpApi.Reply licence =
                api.get("applicant", "/api/v1/licences/" + number).expect(200);
        assertThat(licence.body()).contains("600");

        // The applicant was told at each step
        String inbox = api.get("applicant", "/api/v1/notifications").expect(200).body();
        assertThat(inbox).contains(reference + ": information requested", reference + ": approved");
    }
}
