package org.lodestone.traceability.massbalance.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.support.TestDatabases;
import org.lodestone.traceability.chain.LotProfile;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.chain.store.ChainStore;
import org.lodestone.traceability.massbalance.store.MovementStore.Movement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Movements and the balance sums (joined with lot element content) are the same on H2 and PostgreSQL (#5). */
class MovementStoreContractTests {

    abstract static class Contract {

        static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
        static final String SITE = "urn:epc:id:sgln:6901234.00001.0";
        static final String LOT = "urn:epc:class:lgtin:6901234.012345.L1";

        MovementStore movements;
        OrganisationId enterprise = new OrganisationId(UUID.randomUUID());

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            DataSource ds = dataSource();
            movements = new MovementStore(JdbcClient.create(ds), new JdbcTemplate(ds));
            new ChainStore(JdbcClient.create(ds))
                    .createLot(
                            UUID.randomUUID(),
                            new LotProfile(
                                    LOT,
                                    ProductType.ALLOY,
                                    Map.of("Nd", new BigDecimal("0.3"), "Dy", new BigDecimal("0.05")),
                                    null),
                            "REGISTRY",
                            null,
                            T);
        }

        private Movement m(String event, long seconds, String kind, String kg) {
            return new Movement(1, event, T.plusSeconds(seconds), enterprise, SITE, kind, LOT, new BigDecimal(kg));
        }

        @Test
        void sumsElementsPerKindWithinTheWindow() {
            movements.record(List.of(
                    m("e0", 0, "STOCK", "100"),
                    m("e1", 10, "RECEIVED", "200"),
                    m("e2", 20, "RECEIVED", "100"),
                    m("e3", 30, "SHIPPED", "50"),
                    m("e4", 40, "STOCK", "340"),
                    m("e5", 50, "RECEIVED", "1000")));

            assertThat(movements.sites(enterprise, T.plusSeconds(100))).containsExactly(SITE);
            assertThat(movements.declarations(enterprise, SITE, T.plusSeconds(100)))
                    .extracting(MovementStore.Declaration::eventId)
                    .containsExactly("e0", "e4");
            var flows = movements.flows(enterprise, SITE, "Nd", T, T.plusSeconds(40));
            assertThat(flows).extracting(MovementStore.Flow::kind).containsExactlyInAnyOrder("RECEIVED", "SHIPPED");
            assertThat(flows)
                    .filteredOn(f -> f.kind().equals("RECEIVED"))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.kg()).isEqualByComparingTo("90");
                        assertThat(f.events()).isEqualTo(2);
                    });
            assertThat(movements.flows(enterprise, SITE, null, T, T.plusSeconds(40)))
                    .extracting(MovementStore.Flow::element)
                    .contains("Nd", "Dy");
            assertThat(movements.stock(enterprise, SITE, List.of("e4"), null))
                    .hasEntrySatisfying("Nd", v -> assertThat(v).isEqualByComparingTo("102"))
                    .hasEntrySatisfying("Dy", v -> assertThat(v).isEqualByComparingTo("17"));
            assertThat(movements
                            .events(enterprise, SITE, "Dy", T, T.plusSeconds(40), 1)
                            .get("RECEIVED|Dy"))
                    .containsExactly("e1");
            assertThat(movements.ofEvent("e3"))
                    .singleElement()
                    .satisfies(x -> assertThat(x.kind()).isEqualTo("SHIPPED"));
        }

        @Test
        void producedAtSitesWithinAYear() {
            movements.record(List.of(m("p1", 0, "PRODUCED", "1000"), m("p2", 400 * 86400, "PRODUCED", "1000")));
            Map<String, BigDecimal> produced =
                    movements.produced(enterprise, List.of(SITE), T, T.plusSeconds(365 * 86400));
            assertThat(produced.get("Dy")).isEqualByComparingTo("50");
            assertThat(movements.produced(enterprise, List.of(), T, T.plusSeconds(1)))
                    .isEmpty();
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource dataSource() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource dataSource() {
            return TestDatabases.postgres();
        }
    }
}
