package org.lodestone.protection.http;

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

/**
 * Key management is for administrators only: every endpoint × anonymous (401) and each demo role (403 for all but
 * ADMIN), through real bearer tokens (#6). Allowed calls answer what the endpoint answers (202 or 409 for a rotation, 404
 * for an unknown KEK).
 */
@IntegrationTest
class KeyManagementAuthorizationMatrixTests {

    private static final String TABLE = """
            GET    /api/v1/protection/keys
            POST   /api/v1/protection/keys/rotation
            GET    /api/v1/protection/keys/rotation
            DELETE /api/v1/protection/keys/kek-999
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
    void onlyAdministratorsManageKeys(String method, String path, String caller) {
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
            assertThat(status).isIn(200, 202, 404, 409);
        } else {
            assertThat(status).isEqualTo(403);
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }
}
