package org.lodestone.traceability.genealogy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.support.TestDatabases;
import org.lodestone.traceability.genealogy.store.GenealogyStore.EventRow;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Link;
import org.lodestone.traceability.genealogy.store.GenealogyStore.NodeKind;
import org.lodestone.traceability.genealogy.store.GenealogyStore.OriginFact;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Scope;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Stock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The genealogy store on H2 and PostgreSQL (#5): identifiers are interned once however often they come; the first
 * origin wins; links are found from either end, disaggregations are not traversed, and scopes select by region prefix
 * (CN covers CN-JX, CN-JX does not cover CN-NM) and by reporter; stock deltas add up; IN lists longer than one chunk
 * are answered whole.
 */
class GenealogyStoreContractTests {

    static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    static final UUID JIANGXI = UUID.randomUUID();
    static final UUID MONGOLIA = UUID.randomUUID();

    abstract static class Contract {

        GenealogyStore store;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            store = new GenealogyStore(new JdbcTemplate(freshDatabase()));
        }

        Link link(long from, long to, String kind, long seq, UUID reporter, String region) {
            return new Link(from, to, kind, seq, AT, new BigDecimal("12.5"), "KGM", null, null, reporter, region);
        }

        @Test
        void internsEachIdentifierOnce() {
            Map<String, Long> first = store.intern(Map.of("urn:a", NodeKind.LOT, "urn:b", NodeKind.INSTANCE));
            Map<String, Long> again = store.intern(Map.of("urn:a", NodeKind.LOT, "urn:c", NodeKind.SHIPMENT));
            assertThat(again.get("urn:a")).isEqualTo(first.get("urn:a"));
            assertThat(again.get("urn:c")).isNotIn(first.values());
            assertThat(store.node("urn:c").orElseThrow().kind()).isEqualTo(NodeKind.SHIPMENT);

            Map<String, NodeKind> many = new LinkedHashMap<>();
            for (int i = 0; i < 1200; i++) {
                many.put("urn:many:" + i, NodeKind.LOT);
            }
            Map<String, Long> ids = store.intern(many);
            assertThat(ids).hasSize(1200);
            assertThat(store.nodes(ids.values())).hasSize(1200);
        }

        @Test
        void theFirstOriginWins() {
            long a = store.intern(Map.of("urn:a", NodeKind.LOT)).get("urn:a");
            UUID owner = UUID.randomUUID();
            store.recordOrigins(List.of(new OriginFact(a, "COMMISSIONED", 7, owner, "MAGNET")));
            store.recordOrigins(List.of(new OriginFact(a, "RECEIVED", 9, UUID.randomUUID(), "ALLOY")));
            var node = store.node("urn:a").orElseThrow();
            assertThat(node.origin()).isEqualTo("COMMISSIONED");
            assertThat(node.originSeq()).isEqualTo(7);
            assertThat(node.owner()).isEqualTo(owner);
            assertThat(node.productType()).isEqualTo("MAGNET");
            store.setInTransit(new HashMap<>(Map.of(a, 11L)));
            store.setGenerations(Map.of(a, 3));
            assertThat(store.node("urn:a").orElseThrow().inTransitSeq()).isEqualTo(11L);
            assertThat(store.node("urn:a").orElseThrow().generation()).isEqualTo(3);
        }

        @Test
        void linksAreFoundFromEitherEndWithinScope() {
            Map<String, Long> ids = store.intern(
                    Map.of("urn:ore", NodeKind.LOT, "urn:oxide", NodeKind.LOT, "urn:pallet", NodeKind.INSTANCE));
            long ore = ids.get("urn:ore"), oxide = ids.get("urn:oxide"), pallet = ids.get("urn:pallet");
            store.insertEvents(List.of(
                    new EventRow(1, "urn:uuid:e1", AT, JIANGXI, "CN-JX"),
                    new EventRow(2, "urn:uuid:e2", AT, MONGOLIA, "CN-NM")));
            store.insertLinks(List.of(
                    link(ore, oxide, "TRANSFORMED", 1, JIANGXI, "CN-JX"),
                    link(oxide, pallet, "AGGREGATED", 2, MONGOLIA, "CN-NM"),
                    link(oxide, pallet, "DISAGGREGATED", 2, MONGOLIA, "CN-NM")));

            assertThat(store.links(List.of(oxide), true, Scope.ALL))
                    .singleElement()
                    .satisfies(l -> {
                        assertThat(l.from()).isEqualTo(ore);
                        assertThat(l.quantity()).isEqualByComparingTo("12.5");
                        assertThat(l.eventTime()).isEqualTo(AT);
                    });
            assertThat(store.links(List.of(oxide), false, Scope.ALL))
                    .extracting(Link::kind)
                    .containsExactly("AGGREGATED");
            assertThat(store.links(List.of(oxide), false, new Scope("CN", null)))
                    .hasSize(1);
            assertThat(store.links(List.of(oxide), false, new Scope("CN-JX", null)))
                    .isEmpty();
            assertThat(store.links(List.of(oxide), true, new Scope("CN-JX", null)))
                    .hasSize(1);
            assertThat(store.links(List.of(oxide), true, new Scope("CN-J", null)))
                    .as("a prefix is a whole region code")
                    .isEmpty();
            assertThat(store.links(List.of(ore, oxide), false, new Scope(null, MONGOLIA)))
                    .extracting(Link::to)
                    .containsExactly(pallet);
            assertThat(store.withLinks(List.of(ore, oxide, pallet), true)).containsExactlyInAnyOrder(oxide, pallet);
            assertThat(store.withLinks(List.of(ore, oxide, pallet), false)).containsExactlyInAnyOrder(ore, oxide);
            assertThat(store.events(List.of(1L, 2L, 3L))).containsOnlyKeys(1L, 2L);
        }

        @Test
        void stockDeltasAddUp() {
            long a = store.intern(Map.of("urn:a", NodeKind.LOT)).get("urn:a");
            store.addStock(List.of(new Stock(a, "site", "KGM", new BigDecimal("100"), BigDecimal.ZERO)));
            var totals = store.addStock(List.of(new Stock(a, "site", "KGM", BigDecimal.ZERO, new BigDecimal("60"))));
            var after = store.addStock(List.of(new Stock(a, "site", "KGM", BigDecimal.ZERO, new BigDecimal("60"))));
            assertThat(totals.get(new Stock.Key(a, "site", "KGM")).out()).isEqualByComparingTo("60");
            Stock total = after.get(new Stock.Key(a, "site", "KGM"));
            assertThat(total.in()).isEqualByComparingTo("100");
            assertThat(total.out()).isEqualByComparingTo("120");
            assertThat(after).hasSize(1);
        }

        @Test
        void shipmentsRoundTrip() {
            long s = store.intern(Map.of("urn:uuid:ship", NodeKind.SHIPMENT)).get("urn:uuid:ship");
            store.insertShipments(List.of(new GenealogyStore.Shipment(
                    s, 5, "urn:src", null, "urn:epc:id:pgln:4012345.00001", "urn:dest", "CN-EX-2026-000001")));
            assertThat(store.shipments(List.of(s)).get(s).licenceNumber()).isEqualTo("CN-EX-2026-000001");
        }
    }

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
