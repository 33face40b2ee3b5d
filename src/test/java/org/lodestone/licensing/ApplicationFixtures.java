package org.lodestone.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.support.DemoLogins;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Builds applications through the real API (as the demo applicant unless told otherwise), for all licensing tests: the
 * one way tests make drafts, complete applications (with evidence uploaded through the evidence API) and submissions.
 */
public final class ApplicationFixtures {

    public static final String CONSIGNEE = """
            {"role": "CONSIGNEE", "nameOriginal": "Motorenwerk GmbH", "nameLatin": "Motorenwerk GmbH",
             "country": "DE", "address": "Industriestr. 1, 80331 München",
             "identifiers": [{"type": "HRB", "value": "HRB 123456"}],
             "contact": {"name": "Anna Weber", "email": "anna@example.de", "phone": "+49 89 1234"}}""";

    public static final String END_USER = """
            {"role": "END_USER", "nameLatin": "Antrieb AG", "country": "DE", "address": "Werkstr. 5, Stuttgart"}""";

    public static final String MAGNET_ITEM = """
            {"controlEntry": "1C905.a", "form": "magnet", "description": "Sintered NdFeB magnet, Dy grade",
             "quantity": "1200", "unit": "kg", "unitValue": "85.5", "currency": "EUR",
             "elements": {"Nd": "29.5", "Dy": "4.5", "Fe": "64", "B": "1"}, "hsCode": "8505111000"}""";

    public static final String DETAILS = """
            {"endUse": {"sector": "EV_TRACTION_MOTORS", "finalProduct": "Traction motor TM-400",
                        "statement": "Magnets are built into traction motors for passenger cars."},
             "production": {"description": "Sintering, machining and coating in our Ganzhou plant",
                            "process": "Strip casting, hydrogen decrepitation, jet milling, pressing, sintering",
                            "site": "Ganzhou, Jiangxi"},
             "relationship": {"since": "2019-03-01", "volumes": [{"year": "2024", "quantity": "8", "unit": "t",
                              "value": "640000", "currency": "EUR"}], "notes": "Long-standing customer"},
             "declarations": {"accuracy": true, "endUseUndertaking": true, "noReExportWithoutConsent": true,
                              "signatoryName": "Li Na", "signedOn": "2026-01-15"},
             "version": %d}""";

    private final MockMvcTester mvc;

    public ApplicationFixtures(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** Bearer tokens of users created by a test (not demo users), by username. */
    static final java.util.Map<String, String> EXTRA_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    public RequestPostProcessor as(String user) {
        String token = EXTRA_TOKENS.get(user);
        if (token == null) {
            return DemoLogins.as(mvc, user);
        }
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** A new EXPORTER organisation in {@code region} with one APPLICANT; returns the applicant's username. */
    public String otherExporter(String region) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult org = post("admin", "/api/v1/admin/organisations", """
                {"name": "Other Exporter %s", "kind": "EXPORTER", "country": "CN", "region": "%s"}""".formatted(suffix, region));
        assertThat(org).as(body(org)).hasStatus(201);
        String username = "other-" + suffix;
        String password = "other-password-" + suffix;
        MvcTestResult user = post("admin", "/api/v1/admin/users", """
                {"username": "%s", "displayName": "Other Applicant", "password": "%s", "organisationId": "%s",
                 "roles": ["APPLICANT"]}""".formatted(username, password, read(org, "$.id")));
        assertThat(user).as(body(user)).hasStatus(201);
        registerToken(username, password);
        return username;
    }

    /** Signs in as a user a test created and keeps its bearer token for {@link #as}. */
    public void registerToken(String username, String password) {
        MvcTestResult token = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, DemoLogins.basic(username, password))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"test\"}")
                .exchange();
        assertThat(token).as(body(token)).hasStatus(201);
        EXTRA_TOKENS.put(username, read(token, "$.token"));
    }

    public MvcTestResult post(String user, String uri, String json) {
        return mvc.post()
                .uri(uri)
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    public MvcTestResult put(String user, String uri, String json, long version) {
        return mvc.put()
                .uri(uri)
                .with(as(user))
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    public MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(as(user)).exchange();
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(MvcTestResult result, String path) {
        return JsonPath.read(body(result), path);
    }

    /** A new empty draft of the demo exporter; returns its id. */
    public String draft() {
        return draft("applicant");
    }

    public String draft(String applicant) {
        MvcTestResult created = post(applicant, "/api/v1/applications", "{}");
        assertThat(created).hasStatus(201);
        return read(created, "$.id");
    }

    public long version(String id) {
        return version("applicant", id);
    }

    public long version(String applicant, String id) {
        return ((Number) read(get(applicant, "/api/v1/applications/" + id), "$.version")).longValue();
    }

    public String addParty(String id, String json) {
        return addParty("applicant", id, json);
    }

    public String addParty(String applicant, String id, String json) {
        MvcTestResult r = post(applicant, "/api/v1/applications/" + id + "/parties", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return read(r, "$.id");
    }

    public String addItem(String id, String json) {
        return addItem("applicant", id, json);
    }

    public String addItem(String applicant, String id, String json) {
        MvcTestResult r = post(applicant, "/api/v1/applications/" + id + "/items", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return read(r, "$.id");
    }

    public void fillDetails(String id) {
        fillDetails("applicant", id);
    }

    public void fillDetails(String applicant, String id) {
        long v = version(applicant, id);
        MvcTestResult r = put(applicant, "/api/v1/applications/" + id, DETAILS.formatted(v), v);
        assertThat(r).as(body(r)).hasStatusOk();
    }

    /** Uploads a small real file of a kind {@code type} accepts, through the evidence API; returns the document id. */
    public String file(String id, DocumentType type, @Nullable String partyId, @Nullable String itemId) {
        return file("applicant", id, type, partyId, itemId);
    }

    public String file(
            String applicant, String id, DocumentType type, @Nullable String partyId, @Nullable String itemId) {
        boolean photo = type == DocumentType.PRODUCT_PHOTO;
        byte[] content = photo ? EvidenceFixtures.image("png") : EvidenceFixtures.pdf(type + " " + UUID.randomUUID());
        String filename = type.name().toLowerCase() + (photo ? ".png" : ".pdf");
        var request = mvc.post()
                .uri("/api/v1/applications/" + id + "/documents")
                .with(as(applicant))
                .multipart()
                .file(new MockMultipartFile("file", filename, photo ? "image/png" : "application/pdf", content))
                .param("type", type.name());
        if (partyId != null) {
            request.param("partyId", partyId);
        }
        if (itemId != null) {
            request.param("itemId", itemId);
        }
        MvcTestResult r = request.exchange();
        assertThat(r).as(body(r)).hasStatus(201);
        return read(r, "$.id");
    }

    /** A draft that passes the completeness check: parties, one magnet item, details, and the evidence on file. */
    public String complete() {
        return complete("applicant");
    }

    public String complete(String applicant) {
        return complete(applicant, CONSIGNEE);
    }

    /** A complete application whose consignee is {@code consigneeJson} (a party body like {@link #CONSIGNEE}). */
    public String complete(String applicant, String consigneeJson) {
        String id = draft(applicant);
        addParty(applicant, id, consigneeJson);
        String endUser = addParty(applicant, id, END_USER);
        String item = addItem(applicant, id, MAGNET_ITEM);
        fillDetails(applicant, id);
        file(applicant, id, DocumentType.END_USER_CERTIFICATE, endUser, null);
        file(applicant, id, DocumentType.PRODUCT_PHOTO, null, item);
        file(applicant, id, DocumentType.CUSTOMER_ORDER, null, null);
        return id;
    }

    /** A complete application of {@code applicant}, submitted (so routed to its competent authority); returns its id. */
    public String submitted(String applicant) {
        return submitted(applicant, CONSIGNEE);
    }

    /** A complete application with the given consignee, submitted; returns its id. */
    public String submitted(String applicant, String consigneeJson) {
        String id = complete(applicant, consigneeJson);
        MvcTestResult r = submit(applicant, id, null);
        assertThat(r).as(body(r)).hasStatusOk();
        return id;
    }

    public MvcTestResult submit(String user, String id, String key) {
        var request = mvc.post().uri("/api/v1/applications/" + id + "/submit").with(as(user));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.exchange();
    }
}
