package org.lodestone.licensing.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.lodestone.licensing.ApplicationFixtures;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Data-export requests in the states tests need, made through the real API; {@code ministrySupervisor} is created once. */
final class ExportFixtures {

    private final ApplicationFixtures fx;
    private String ministrySupervisor;

    ExportFixtures(ApplicationFixtures fx) {
        this.fx = fx;
    }

    /** A PENDING request of {@code user}, covering the last week up to today; returns its id. */
    String pending(String user) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String weekAgo = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();
        MvcTestResult created = fx.post(user, "/api/v1/data-exports", """
                {"reason": "quarterly compliance review", "from": "%s", "to": "%s"}""".formatted(weekAgo, today));
        assertThat(created).as(body(created)).hasStatus(201);
        return read(created, "$.id");
    }

    /** A request of {@code user} approved by {@code supervisor}. */
    String approved(String user, String supervisor) {
        String id = pending(user);
        MvcTestResult decided = fx.post(supervisor, "/api/v1/data-exports/" + id + "/decision", """
                {"decision": "APPROVED", "reason": "within the review mandate"}""");
        assertThat(decided).as(body(decided)).hasStatusOk();
        return id;
    }

    /** A SUPERVISOR of the ministry (the demo world has none), to decide the enforcement officer's requests. */
    String ministrySupervisor() {
        if (ministrySupervisor == null) {
            MvcTestResult orgs = fx.get("admin", "/api/v1/admin/organisations");
            List<String> ids = read(orgs, "$[?(@.name == 'Ministry of Commerce')].id");
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String username = "msup-" + suffix;
            String password = "msup-password-" + suffix;
            MvcTestResult user =
                    fx.post("admin", "/api/v1/admin/users", """
                    {"username": "%s", "displayName": "Ministry Supervisor", "password": "%s",
                     "organisationId": "%s", "roles": ["SUPERVISOR"]}""".formatted(username, password, ids.getFirst()));
            assertThat(user).as(body(user)).hasStatus(201);
            fx.registerToken(username, password);
            ministrySupervisor = username;
        }
        return ministrySupervisor;
    }
}
