package org.lodestone.licensing.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.IssueLicence;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceExhausted;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceProblem;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.LicenceType;
import org.lodestone.licensing.RecordShipment;
import org.lodestone.licensing.ShipmentLine;
import org.lodestone.shared.CountryCode;
import org.lodestone.support.TestDatabases;

/**
 * Depletion under real concurrency on each supported database (#3): shipments racing for the same quantity never
 * take more than is licensed, exactly the right number succeed, and exactly one of them marks the licence EXHAUSTED.
 */
class ConcurrentDepletionTests {

    abstract static class Contract {

        TestLedgers ledgers;
        ExecutorService pool;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            ledgers = new TestLedgers(freshDatabase(), Clock.systemUTC());
            pool = Executors.newFixedThreadPool(20);
        }

        @AfterEach
        void tearDown() throws InterruptedException {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }

        @Test
        void twentyShipmentsOfTenAgainstOneHundredLetExactlyTenThrough() throws Exception {
            Licence licence = issue("100");
            List<Outcome> outcomes = race(licence, 20, "10");

            assertThat(outcomes.stream().filter(Outcome::ok)).hasSize(10);
            assertThat(outcomes.stream().filter(o -> !o.ok()))
                    .hasSize(10)
                    .allSatisfy(o -> assertThat(o.status()).isEqualTo(409));
            Licence after = ledgers.ledger.find(licence.number()).orElseThrow();
            assertThat(after.lines().getFirst().remaining()).isEqualByComparingTo("0");
            assertThat(after.status()).isEqualTo(LicenceStatus.EXHAUSTED);
            assertThat(ledgers.ledger.shipments(licence.number())).hasSize(10);
            assertThat(ledgers.events.stream().filter(LicenceExhausted.class::isInstance))
                    .hasSize(1);
            assertThat(ledgers.audited.stream().filter(a -> a.action().equals("LICENCE_EXHAUSTED")))
                    .hasSize(1);
        }

        @Test
        void twoShipmentsOfSixtyAgainstOneHundredOneWins() throws Exception {
            Licence licence = issue("100");
            List<Outcome> outcomes = race(licence, 2, "60");

            assertThat(outcomes.stream().filter(Outcome::ok)).hasSize(1);
            Outcome loser = outcomes.stream().filter(o -> !o.ok()).findFirst().orElseThrow();
            assertThat(loser.status()).isEqualTo(409);
            assertThat(loser.type()).isEqualTo("licence-exhausted");
            assertThat(loser.detail()).contains("Line 1", "40 kg left", "60 kg");
            Licence after = ledgers.ledger.find(licence.number()).orElseThrow();
            assertThat(after.lines().getFirst().remaining()).isEqualByComparingTo("40");
            assertThat(after.status()).isEqualTo(LicenceStatus.ISSUED);
        }

        @Test
        void theSameReferenceRacingIsRecordedOnce() throws Exception {
            Licence licence = issue("100");
            var start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(attempt(licence, start, "SAME-REF", "10")));
            }
            start.countDown();
            for (Future<Outcome> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS).ok()).isTrue();
            }
            assertThat(ledgers.ledger.shipments(licence.number())).hasSize(1);
            assertThat(ledgers.ledger
                            .find(licence.number())
                            .orElseThrow()
                            .lines()
                            .getFirst()
                            .remaining())
                    .isEqualByComparingTo("90");
        }

        private Licence issue(String quantity) {
            var party = new LicenceParty("Race GmbH", null, new CountryCode("DE"));
            return ledgers.ledger.issue(new IssueLicence(
                    new ApplicationId(UUID.randomUUID()),
                    "RACE",
                    TestLedgers.EXPORTER,
                    TestLedgers.AUTHORITY,
                    party,
                    party,
                    List.of(new IssueLicence.Line(
                            1,
                            "1C905.b",
                            "dy-oxide",
                            "Dysprosium oxide",
                            new BigDecimal(quantity),
                            "kg",
                            BigDecimal.TEN,
                            "USD")),
                    List.of(),
                    LocalDate.now().minusDays(1),
                    null,
                    LicenceType.SINGLE));
        }

        private List<Outcome> race(Licence licence, int threads, String quantity) throws Exception {
            var start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(attempt(licence, start, "REF-" + i, quantity)));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        }

        private Callable<Outcome> attempt(Licence licence, CountDownLatch start, String reference, String quantity) {
            return () -> {
                start.await();
                try {
                    ledgers.ledger.recordShipment(new RecordShipment(
                            licence.number(),
                            LocalDate.now(),
                            reference,
                            List.of(new ShipmentLine(1, new BigDecimal(quantity), "kg")),
                            null,
                            "TEST"));
                    return new Outcome(true, 201, "", "");
                } catch (LicenceProblem p) {
                    return new Outcome(false, p.getStatusCode().value(), p.type(), p.detail());
                }
            };
        }
    }

    record Outcome(boolean ok, int status, String type, String detail) {}

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.postgres();
        }
    }
}
