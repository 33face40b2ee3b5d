package org.lodestone.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Role;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every list endpoint × anonymous and each demo role (#4). Reads go to the demo list's active release; uploads send no
 * file, so an allowed caller gets past authorisation to the 422 (API) or the page's redirect with an error, and no cell
 * changes any list. Refused API calls answer 401/403 problem+json; refused pages 403 or the login redirect.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningListsAuthorizationMatrixTests {

    private static final Set<Role> STAFF =
            Set.of(Role.ADMIN, Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.AUDITOR);
    private static final Set<Role> EVERYONE = Set.of(Role.values());

    record Endpoint(HttpMethod method, String path, Set<Role> allowed, int status, boolean api) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ListReleases releases;

    private String release;

    @BeforeAll
    void demoRelease() {
        release = releases.list(ListsConfiguration.DEMO_LIST).active().id().toString();
    }

    List<Endpoint> endpoints() {
        String list = ListsConfiguration.DEMO_LIST;
        return List.of(
                new Endpoint(HttpMethod.GET, "/api/v1/screening/lists", EVERYONE, 200, true),
                new Endpoint(
                        HttpMethod.POST,
                        "/api/v1/screening/lists/" + list + "/releases",
                        Set.of(Role.ADMIN),
                        422,
                        true),
                new Endpoint(HttpMethod.GET, "/api/v1/screening/lists/" + list + "/releases", STAFF, 200, true),
                new Endpoint(
                        HttpMethod.GET, "/api/v1/screening/lists/" + list + "/releases/" + release, STAFF, 200, true),
                new Endpoint(
                        HttpMethod.GET,
                        "/api/v1/screening/lists/" + list + "/releases/" + release + "/diff?kind=ADDED",
                        STAFF,
                        200,
                        true),
                new Endpoint(HttpMethod.GET, "/screening/lists?list=" + list, STAFF, 200, false),
                new Endpoint(HttpMethod.POST, "/screening/lists/releases", Set.of(Role.ADMIN), 302, false));
    }

    Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            rows.add(Arguments.of(e, null));
            for (Role r : Role.values()) {
                rows.add(Arguments.of(e, r));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyThePolicysRolesPass(Endpoint e, Role role) {
        var request = mvc.method(e.method()).uri(e.path());
        if (e.method() == HttpMethod.POST) {
            request = request.contentType(MediaType.MULTIPART_FORM_DATA)
                    .param("format", "lodestone-csv")
                    .param("listCode", ListsConfiguration.DEMO_LIST)
                    .with(csrf());
        }
        if (role != null) {
            String username = DemoLogins.username(role.name());
            request = e.api()
                    ? request.with(DemoLogins.as(mvc, username))
                    : request.with(user(username).roles(role.name()));
        }
        MvcTestResult result = request.exchange();
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader("Location");
        String what = e + " as " + (role == null ? "anonymous" : role) + " answered " + status + " " + location;
        if (role == null) {
            if (e.api()) {
                assertThat(status).as(what).isEqualTo(401);
            } else {
                assertThat(status == 401 || (status == 302 && location != null && location.endsWith("/login")))
                        .as(what)
                        .isTrue();
            }
        } else if (e.allowed().contains(role)) {
            assertThat(status).as(what).isEqualTo(e.status());
            if (status == 302) {
                assertThat(location).as(what).endsWith("/screening/lists");
            }
        } else {
            assertThat(status).as(what).isEqualTo(403);
        }
        if (e.api() && status >= 400) {
            assertThat(result.getResponse().getContentType()).as(what).startsWith("application/problem+json");
        }
    }
}
