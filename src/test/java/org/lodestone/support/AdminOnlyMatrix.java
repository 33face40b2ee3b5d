package org.lodestone.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.lodestone.identity.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The authorization matrix of endpoints only administrators may call: every {@code METHOD PATH} line of a table ×
 * anonymous and each role. Anonymous gets 401 with a Bearer challenge, ADMIN one of the statuses its endpoint
 * answers, every other role 403 as problem+json.
 */
public final class AdminOnlyMatrix {

    private AdminOnlyMatrix() {}

    /** The cases (method, path, caller) of a table of {@code METHOD PATH} lines. */
    public static Stream<Arguments> cases(String table) {
        List<Arguments> cases = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            String[] request = line.strip().split("\\s+");
            cases.add(Arguments.of(request[0], request[1], "anonymous"));
            for (Role role : Role.values()) {
                cases.add(Arguments.of(request[0], request[1], role.name()));
            }
        }
        return cases.stream();
    }

    /** Calls the endpoint as the caller and checks the answer; {@code adminStatuses} are those ADMIN may get. */
    public static void check(MockMvcTester mvc, String method, String path, String caller, Integer... adminStatuses) {
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
            assertThat(status).isIn((Object[]) adminStatuses);
        } else {
            assertThat(status).isEqualTo(403);
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }
}
