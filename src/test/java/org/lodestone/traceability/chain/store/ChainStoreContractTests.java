package org.lodestone.traceability.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.shared.CountryCode;
import org.lodestone.support.TestDatabases;
import org.lodestone.traceability.chain.Activity;
import org.lodestone.traceability.chain.Enterprise;
import org.lodestone.traceability.chain.LotProfile;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.chain.Quota;
import org.lodestone.traceability.chain.Site;
import org.lodestone.traceability.chain.SiteKind;
import org.lodestone.traceability.chain.TradingParty;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The chain registry tables behave the same on H2 (PostgreSQL mode) and on PostgreSQL (#5). */
class ChainStoreContractTests {

    abstract static class Contract {

        static final CountryCode CN = new CountryCode("CN");
        static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

        ChainStore store;

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            store = new ChainStore(JdbcClient.create(dataSource()));
        }

        private Enterprise enterprise(String prefix) {
            var e = new Enterprise(
                    new OrganisationId(UUID.randomUUID()),
                    "Mine " + prefix,
                    CN,
                    "CN-JX",
                    Set.of(Activity.MINING),
                    List.of(prefix),
                    true,
                    0);
            assertThat(store.createEnterprise(e, NOW)).isTrue();
            return store.enterprise(e.id()).orElseThrow();
        }

        @Test
        void enterprisesKeepPrefixesAndUpdateOptimistically() {
            Enterprise e = enterprise("6901111");
            assertThat(e.companyPrefixes()).containsExactly("6901111");
            assertThat(e.activities()).containsExactly(Activity.MINING);
            assertThat(e.registryOnly()).isTrue();
            assertThat(store.createEnterprise(e, NOW)).isFalse();
            assertThat(store.prefixOwner("6901111")).contains(e.id());

            var changed = new Enterprise(
                    e.id(),
                    e.name(),
                    CN,
                    "CN-JX",
                    Set.of(Activity.MINING, Activity.SEPARATION),
                    List.of("6901112", "6901113"),
                    true,
                    0);
            assertThat(store.updateEnterprise(changed, 0, NOW)).isTrue();
            assertThat(store.updateEnterprise(changed, 0, NOW)).isFalse();
            Enterprise read = store.enterprise(e.id()).orElseThrow();
            assertThat(read.version()).isEqualTo(1);
            assertThat(read.companyPrefixes()).containsExactly("6901112", "6901113");
            assertThat(store.prefixOwner("6901111")).isEmpty();
            assertThat(store.allPrefixes()).containsEntry("6901113", e.id());
            assertThat(store.enterpriseByName(e.name())).contains(read);
        }

        @Test
        void sitesAreUniqueByIdentifierAndUpdateOptimistically() {
            Enterprise e = enterprise("6902222");
            UUID id = UUID.randomUUID();
            var site = new Site("urn:epc:id:sgln:6902222.00001.0", e.id(), SiteKind.MINE, "Pit", CN, "CN-JX");
            assertThat(store.createSite(id, site)).isTrue();
            assertThat(store.createSite(UUID.randomUUID(), site)).isFalse();
            var moved = new Site(site.identifier(), e.id(), SiteKind.WAREHOUSE, "Store", CN, null);
            assertThat(store.updateSite(id, moved, 0)).isTrue();
            assertThat(store.updateSite(id, moved, 0)).isFalse();
            assertThat(store.site(site.identifier()).orElseThrow().site()).isEqualTo(moved);
            assertThat(store.sites(e.id())).hasSize(1);
            assertThat(store.allSites()).extracting(s -> s.site().identifier()).contains(site.identifier());
        }

        @Test
        void quotasAreSetOncePerYearAndKindAndChangedByVersion() {
            Enterprise e = enterprise("6903333");
            var q = new Quota(e.id(), 2026, Quota.QuotaKind.MINING, new BigDecimal("1500.500"));
            assertThat(store.setQuota(q, "supervisor", null, NOW)).isTrue();
            assertThat(store.setQuota(q, "supervisor", null, NOW)).isFalse();
            var raised = new Quota(e.id(), 2026, Quota.QuotaKind.MINING, new BigDecimal("1600"));
            assertThat(store.setQuota(raised, "admin", 0L, NOW)).isTrue();
            assertThat(store.setQuota(raised, "admin", 0L, NOW)).isFalse();
            assertThat(store.quotas(e.id(), 2026)).singleElement().satisfies(s -> {
                assertThat(s.quota().tonnesReo()).isEqualByComparingTo("1600");
                assertThat(s.setBy()).isEqualTo("admin");
                assertThat(s.version()).isEqualTo(1);
            });
            assertThat(store.quotas(e.id(), 2027)).isEmpty();
            assertThat(store.quotas(e.id(), null)).hasSize(1);
        }

        @Test
        void partiesAreUniquePerRegisteringEnterpriseAndTheEarliestAnswers() {
            Enterprise a = enterprise("6904444");
            Enterprise b = enterprise("6904445");
            String pgln = "urn:epc:id:pgln:4012345.00000";
            UUID first = UUID.randomUUID();
            assertThat(store.createParty(
                            first, new TradingParty(pgln, "Motorenwerk", new CountryCode("DE"), null, a.id()), NOW))
                    .isTrue();
            assertThat(store.createParty(
                            UUID.randomUUID(), new TradingParty(pgln, "Dup", new CountryCode("DE"), null, a.id()), NOW))
                    .isFalse();
            assertThat(store.createParty(
                            UUID.randomUUID(),
                            new TradingParty(pgln, "Motorenwerk GmbH", new CountryCode("DE"), null, b.id()),
                            NOW.plusSeconds(1)))
                    .isTrue();
            assertThat(store.party(pgln).orElseThrow().id()).isEqualTo(first);
            assertThat(store.updateParty(
                            first, new TradingParty(pgln, "Motorenwerk AG", new CountryCode("AT"), null, a.id()), 0))
                    .isTrue();
            assertThat(store.party(first).orElseThrow().party().country().value())
                    .isEqualTo("AT");
            assertThat(store.parties(b.id())).hasSize(1);
        }

        @Test
        void lotsKeepTheirElementFractionsAndOwners() {
            Enterprise e = enterprise("6905555");
            String lot = "urn:epc:class:lgtin:6905555.012345.L1";
            UUID id = UUID.randomUUID();
            var profile = new LotProfile(
                    lot,
                    ProductType.SEPARATED_OXIDE,
                    Map.of("Dy", new BigDecimal("0.871"), "Tb", new BigDecimal("0.002")),
                    null);
            assertThat(store.createLot(id, profile, "EVENT", "urn:uuid:1", NOW)).isTrue();
            assertThat(store.createLot(UUID.randomUUID(), profile, "EVENT", "urn:uuid:2", NOW))
                    .isFalse();
            assertThat(store.lotOwners(List.of(lot))).isEmpty();
            store.claimLot(lot, e.id());
            store.claimLot(lot, new OrganisationId(UUID.randomUUID()));
            assertThat(store.lotOwners(List.of(lot, "urn:other"))).containsExactly(Map.entry(lot, e.id()));
            var read = store.lot(lot).orElseThrow();
            assertThat(read.lot().elementFractions()).containsEntry("Dy", new BigDecimal("0.871"));
            assertThat(read.eventId()).isEqualTo("urn:uuid:1");

            var updated = new LotProfile(lot, ProductType.METAL, Map.of("Dy", new BigDecimal("0.999")), e.id());
            assertThat(store.updateLot(id, updated, read.version())).isTrue();
            assertThat(store.updateLot(id, updated, read.version())).isFalse();
            assertThat(store.lot(id).orElseThrow().lot().elementFractions()).containsOnlyKeys("Dy");
            assertThat(store.lots(e.id(), 10)).hasSize(1);
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
