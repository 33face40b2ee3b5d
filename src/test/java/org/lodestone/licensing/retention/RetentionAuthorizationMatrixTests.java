package org.lodestone.licensing.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Role;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Retention is for administrators only: anonymous 401, ADMIN 200, every other demo role 403 (#6). */
@IntegrationTest
class RetentionAuthorizationMatrixTests {

    private static final String TABLE = """
            GET    /api/v1/retention
            POST   /api/v1/retention/runs
            """;

    @Autowired
    MockMvcTester mvc;

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] request = line.strip().split("\\s+");
            cases.add(Arguments.of(request[0], request[1], "anonymous"));
            for (Role role : Role.values()) {
                cases.add(Arguments.of(request[0], request[1], role.name()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("matrix")
    void onlyAdministratorsSeeAndRunRetention(String method, String path, String caller) {
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (!caller.equals("anonymous")) {
            request.with(DemoLogins.as(mvc, DemoLogins.username(caller)));
        }
        var response = request.exchange().getResponse();
        int status = response.getStatus();
        if (caller.equals("anonymous")) {
            assertThat(status).isEqualTo(401);
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        } else if (caller.equals(Role.ADMIN.name())) {
            assertThat(status).isEqualTo(200);
        } else {
            assertThat(status).isEqualTo(403);
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }
}
