package org.lodestone.licensing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * #3 notifications, as a matrix: every notification endpoint × anonymous and each demo role × the caller's own
 * notification or another user's. Everyone signed in may use the inbox; a notification belongs to its recipient only,
 * and another user's id is 404 (indistinguishable from an unknown one). API calls use real tokens, pages a session
 * made by the real login form.
 */
@IntegrationTest
class NotificationAuthorizationMatrixTests {

    enum Owner {
        OWN,
        OTHER
    }

    record Endpoint(HttpMethod method, String path, boolean byId) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/v1/notifications", false),
            new Endpoint(HttpMethod.POST, "/api/v1/notifications/%s/read", true),
            new Endpoint(HttpMethod.POST, "/api/v1/notifications/read-all", false),
            new Endpoint(HttpMethod.GET, "/notifications", false),
            new Endpoint(HttpMethod.GET, "/notifications/bell", false),
            new Endpoint(HttpMethod.GET, "/notifications/%s/open", true),
            new Endpoint(HttpMethod.POST, "/notifications/%s/read", true),
            new Endpoint(HttpMethod.POST, "/notifications/read-all", false));

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Notifications notifications;

    @Autowired
    Identity identity;

    @Autowired
    TransactionTemplate transactions;

    private @Nullable DemoSessions sessions;

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Owner owner : e.byId() ? Owner.values() : new Owner[] {Owner.OWN}) {
                rows.add(Arguments.of(e, null, owner));
                for (Role role : Role.values()) {
                    rows.add(Arguments.of(e, role, owner));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1}, {2} notification")
    @MethodSource("matrix")
    void onlyTheRecipientReachesANotification(Endpoint endpoint, @Nullable Role role, Owner owner) {
        String caller = role == null ? "applicant" : username(role);
        // The "other" user is always someone else than the caller.
        String recipient = owner == Owner.OWN ? caller : (caller.equals("admin") ? "auditor" : "admin");
        String id = notificationFor(recipient);
        String path = endpoint.byId() ? endpoint.path().formatted(id) : endpoint.path();
        boolean api = path.startsWith("/api/");

        var request = mvc.method(endpoint.method()).uri(path);
        if (endpoint.method() == HttpMethod.POST && !api) {
            request = request.with(csrf());
        }
        if (role != null) {
            request = api ? request.with(DemoLogins.as(mvc, caller)) : request.session(session(caller));
        }
        MvcTestResult result = request.exchange();
        int status = result.getResponse().getStatus();
        String as =
                "%s as %s (%s notification): %d".formatted(endpoint, role == null ? "anonymous" : role, owner, status);

        if (role == null) {
            if (api) {
                assertThat(status).as(as).isEqualTo(401);
            } else {
                assertThat(status).as(as).isEqualTo(302);
                assertThat(result.getResponse().getHeader("Location")).as(as).endsWith("/login");
            }
        } else if (owner == Owner.OTHER) {
            assertThat(status).as(as).isEqualTo(404);
        } else {
            assertThat(status).as(as).isBetween(200, 399);
        }
    }

    private String notificationFor(String username) {
        UserContact contact = Stream.of(OrganisationKind.values())
                .flatMap(kind -> identity.organisations(kind).stream())
                .flatMap(o -> Stream.of(Role.values()).flatMap(r -> identity.members(o.id(), r).stream()))
                .filter(c -> c.username().equals(username))
                .findFirst()
                .orElseThrow();
        var ids = transactions.execute(tx -> notifications.notify(Notice.about(
                Category.APPLICATION_SUBMITTED,
                "APPLICATION",
                "matrix",
                "Matrix notice for " + username,
                "Only " + username + " may read this.",
                "/notifications",
                List.of(Recipient.to(contact)))));
        assertThat(ids).hasSize(1);
        return ids.getFirst().toString();
    }

    private MockHttpSession session(String username) {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        return sessions.of(username);
    }

    private static String username(Role role) {
        return DemoLogins.username(role.name());
    }
}
