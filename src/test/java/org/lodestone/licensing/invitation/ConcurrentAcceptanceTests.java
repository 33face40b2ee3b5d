package org.lodestone.licensing.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.ForeignPartyRegistration;
import org.lodestone.identity.security.Principals;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.ErrorResponseException;

/**
 * An invitation is consumed atomically (#6): two foreign parties accepting the same link at the same moment — or two
 * browsers opening an account with it — end with exactly one winner; the other is told the link is gone (410) and, for
 * accounts, no second account exists.
 */
@IntegrationTest
class ConcurrentAcceptanceTests {

    private static final int ROUNDS = 5;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Invitations invitations;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoConcurrentAcceptancesHaveExactlyOneWinner() throws Exception {
        var inv = new InvitationFixtures(mvc);
        String app = inv.fx.complete("applicant");
        String endUser = inv.party("applicant", app, "END_USER");
        CurrentUser first = principals.byUsername("consignee").orElseThrow().user();
        CurrentUser second =
                principals.byUsername(inv.otherForeignParty()).orElseThrow().user();

        for (int round = 0; round < ROUNDS; round++) {
            String token = inv.invite("applicant", app, endUser).token();
            List<Object> outcomes =
                    race(() -> invitations.accept(token, first), () -> invitations.accept(token, second));
            assertThat(outcomes).filteredOn(ApplicationId.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.equals(410)).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM la_invitation WHERE token_hash = :h AND accepted_by IS NOT NULL")
                            .param("h", Invitations.hash(token))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void twoConcurrentSignUpsOpenOneAccount() throws Exception {
        var inv = new InvitationFixtures(mvc);
        String app = inv.fx.complete("applicant");
        String token = inv.invite("applicant", app, inv.party("applicant", app, "END_USER"))
                .token();
        String a = "race-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "race-b-" + UUID.randomUUID().toString().substring(0, 8);

        List<Object> outcomes =
                race(() -> invitations.register(token, signUp(a)), () -> invitations.register(token, signUp(b)));

        assertThat(outcomes).filteredOn(CurrentUser.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.equals(410)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username IN (:a, :b)")
                        .param("a", a)
                        .param("b", b)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static ForeignPartyRegistration signUp(String username) {
        return new ForeignPartyRegistration(
                username, "Racer " + username, null, InvitationFixtures.password(username), "Org " + username, "DE");
    }

    /** Runs both at once (released by one barrier); each outcome is the result or the problem's status. */
    private static List<Object> race(java.util.concurrent.Callable<?> one, java.util.concurrent.Callable<?> two)
            throws Exception {
        var barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (var work : List.of(one, two)) {
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                        return (Object) work.call();
                    } catch (ErrorResponseException e) {
                        return (Object) e.getStatusCode().value();
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
