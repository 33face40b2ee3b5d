package org.lodestone.licensing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.security.Principals;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every application endpoint × anonymous and each demo role × the demo exporter's own application and another
 * exporter's (#3). OWN is submitted by the demo applicant (routed to the Jiangxi bureau); OTHER belongs to a second
 * exporter in a region without a provincial authority (routed to the national ministry). Writes of the demo applicant
 * on its own application run against a fresh draft each time, so the rows do not depend on each other's order.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationAuthorizationMatrixTests {

    /** 2xx, or a 409/422 that shows the request got past authorization and need-to-know. */
    enum Expect {
        OK,
        LOGIN,
        DENY,
        HIDDEN
    }

    static final String[] CALLERS = {
        "anonymous", "applicant", "consignee", "reviewer", "supervisor", "enforcement", "auditor", "admin"
    };

    /** Who sees an application: OWN (submitted, Jiangxi) and OTHER (submitted, national). */
    static final Map<String, String> READ_OWN = Map.of(
            "anonymous",
            "LOGIN",
            "applicant",
            "OK",
            "consignee",
            "HIDDEN",
            "reviewer",
            "OK",
            "supervisor",
            "OK",
            "enforcement",
            "OK",
            "auditor",
            "OK",
            "admin",
            "HIDDEN");

    static final Map<String, String> READ_OTHER = Map.of(
            "anonymous",
            "LOGIN",
            "applicant",
            "HIDDEN",
            "consignee",
            "HIDDEN",
            "reviewer",
            "HIDDEN",
            "supervisor",
            "HIDDEN",
            "enforcement",
            "OK",
            "auditor",
            "OK",
            "admin",
            "HIDDEN");

    /** Who may write: the applicant on its own drafts only; every other role is refused by the endpoint policy. */
    static final Map<String, String> WRITE_OWN = Map.of(
            "anonymous",
            "LOGIN",
            "applicant",
            "OK",
            "consignee",
            "DENY",
            "reviewer",
            "DENY",
            "supervisor",
            "DENY",
            "enforcement",
            "DENY",
            "auditor",
            "DENY",
            "admin",
            "DENY");

    static final Map<String, String> WRITE_OTHER = Map.of(
            "anonymous",
            "LOGIN",
            "applicant",
            "HIDDEN",
            "consignee",
            "DENY",
            "reviewer",
            "DENY",
            "supervisor",
            "DENY",
            "enforcement",
            "DENY",
            "auditor",
            "DENY",
            "admin",
            "DENY");

    /** METHOD PATH (id = {id}, party = {pid}, item = {iid}, revision 1) | READ or WRITE | body. */
    static final String TABLE = """
            GET    /api/v1/applications/{id}                       | READ  |
            GET    /api/v1/applications/{id}/parties               | READ  |
            GET    /api/v1/applications/{id}/parties/{pid}         | READ  |
            GET    /api/v1/applications/{id}/items                 | READ  |
            GET    /api/v1/applications/{id}/items/{iid}           | READ  |
            GET    /api/v1/applications/{id}/completeness          | READ  |
            GET    /api/v1/applications/{id}/history               | READ  |
            GET    /api/v1/applications/{id}/versions              | READ  |
            GET    /api/v1/applications/{id}/versions/1            | READ  |
            GET    /api/v1/applications/{id}/versions/1/diff       | READ  |
            GET    /applications/{id}                              | READ  |
            PUT    /api/v1/applications/{id}                       | WRITE | {"version": 0}
            POST   /api/v1/applications/{id}/parties               | WRITE | {"role": "END_USER", "nameLatin": "E", "country": "DE", "address": "A"}
            PUT    /api/v1/applications/{id}/parties/{pid}         | WRITE | {"role": "END_USER", "nameLatin": "E", "country": "DE", "address": "A"}
            DELETE /api/v1/applications/{id}/parties/{pid}         | WRITE |
            POST   /api/v1/applications/{id}/items                 | WRITE | {"controlEntry": "dy-oxide", "form": "oxide", "description": "D", "quantity": "1", "unit": "kg", "unitValue": "1", "currency": "EUR"}
            PUT    /api/v1/applications/{id}/items/{iid}           | WRITE | {"controlEntry": "dy-oxide", "form": "oxide", "description": "D", "quantity": "1", "unit": "kg", "unitValue": "1", "currency": "EUR"}
            DELETE /api/v1/applications/{id}/items/{iid}           | WRITE |
            POST   /api/v1/applications/{id}/submit                | WRITE |
            POST   /api/v1/applications/{id}/withdraw              | WRITE | {}
            POST   /applications/{id}/parties                      | WRITE | role=END_USER&nameLatin=E&country=DE&address=A&version=0
            POST   /applications/{id}/items                        | WRITE | controlEntry=dy-oxide&form=OXIDE&description=D&quantity=1&unit=kg&unitValue=1&currency=EUR&version=0
            POST   /applications/{id}/details                      | WRITE | sector=MEDICAL&version=0
            POST   /applications/{id}/submit                       | WRITE |
            POST   /applications/{id}/withdraw                     | WRITE | version=0
            """;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Principals principals;

    ApplicationFixtures fx;
    String other;
    Target own;
    Target foreign;

    record Target(String id, String party, String item) {}

    @BeforeAll
    void applications() {
        fx = new ApplicationFixtures(mvc);
        other = fx.otherExporter("CN-XZ");
        own = submitted("applicant");
        foreign = submitted(other);
    }

    private Target submitted(String applicant) {
        String id = fx.complete(applicant);
        assertThat(fx.submit(applicant, id, null)).hasStatusOk();
        MvcTestResult app = fx.get(applicant, "/api/v1/applications/" + id);
        return new Target(id, read(app, "$.parties[0].id"), read(app, "$.items[0].id"));
    }

    private Target freshDraft(String applicant) {
        String id = fx.draft(applicant);
        String party = fx.addParty(applicant, id, ApplicationFixtures.END_USER);
        String item = fx.addItem(applicant, id, ApplicationFixtures.MAGNET_ITEM);
        return new Target(id, party, item);
    }

    Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            boolean read = cells[1].strip().equals("READ");
            String body = cells[2].strip();
            for (String caller : CALLERS) {
                out.add(Arguments.of(
                        request[0],
                        request[1],
                        "own",
                        caller,
                        Expect.valueOf((read ? READ_OWN : WRITE_OWN).get(caller)),
                        body));
                out.add(Arguments.of(
                        request[0],
                        request[1],
                        "other",
                        caller,
                        Expect.valueOf((read ? READ_OTHER : WRITE_OTHER).get(caller)),
                        body));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} on {2} as {3} -> {4}")
    @MethodSource("matrix")
    void answersAccordingToNeedToKnow(
            String method, String template, String whose, String caller, Expect expect, String body) {
        boolean api = template.startsWith("/api/");
        boolean write = !method.equals("GET");
        Target target = whose.equals("own") ? own : foreign;
        if (write && whose.equals("own") && caller.equals("applicant")) {
            target = freshDraft("applicant");
        }
        String path = template.replace("{id}", target.id())
                .replace("{pid}", target.party())
                .replace("{iid}", target.item());
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (!body.isEmpty()) {
            if (api) {
                request.contentType(MediaType.APPLICATION_JSON).content(body);
            } else {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body);
            }
        }
        if (!caller.equals("anonymous")) {
            if (api) {
                request.with(fx.as(caller));
            } else {
                request.with(user(principals.byUsername(caller).orElseThrow()));
            }
        }
        if (!api) {
            request.with(csrf());
        }
        MvcTestResult result = request.exchange();
        int status = result.getResponse().getStatus();
        String redirect = result.getResponse().getRedirectedUrl();
        String seen = status + (redirect == null ? "" : " -> " + redirect) + " " + body(result);
        switch (expect) {
            case OK ->
                assertThat(status == 401 || status == 403 || status == 404 || status >= 500 || isLogin(redirect))
                        .as(seen)
                        .isFalse();
            case LOGIN -> {
                if (api) {
                    assertThat(status).as(seen).isEqualTo(401);
                } else {
                    assertThat(isLogin(redirect)).as(seen).isTrue();
                }
            }
            case DENY -> assertThat(status).as(seen).isEqualTo(403);
            case HIDDEN -> assertThat(status).as(seen).isEqualTo(404);
        }
    }

    private static boolean isLogin(String redirect) {
        return redirect != null && redirect.replaceFirst("^https?://[^/]+", "").equals("/login");
    }
}
