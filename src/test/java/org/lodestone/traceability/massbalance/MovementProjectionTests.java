package org.lodestone.traceability.massbalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.TraceFixtures;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.chain.Enterprise;
import org.lodestone.traceability.chain.LotProfile;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.chain.SiteKind;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.massbalance.store.MovementStore;
import org.lodestone.traceability.signals.Evidence;
import org.lodestone.traceability.signals.Signal;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * EventsCaptured published in a transaction (as capture does) → lot profiles from ILMD, movements, and the signals
 * of the mass-balance checks: imbalance, implausible yield, output out of thin air, production over quota (#5).
 */
@IntegrationTest
class MovementProjectionTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Chain chain;

    @Autowired
    MovementStore movements;

    @Autowired
    MassBalance massBalance;

    @Autowired
    Signals signals;

    TraceFixtures f;

    @BeforeEach
    void fixtures() {
        f = new TraceFixtures(context);
    }

    private List<Signal> signalsAbout(SignalKind kind, String text) {
        return signals.list(kind, null, null, 1000).stream()
                .filter(s -> s.key().contains(text)
                        || s.subject().contains(text)
                        || s.summary().contains(text))
                .toList();
    }

    @Test
    void commissioningAtAMineLearnsTheLotAndCountsAsMinedOutputAgainstTheQuota() {
        String prefix = TraceFixtures.prefix();
        Enterprise mine = f.enterprise(prefix, SiteKind.MINE, "CN-JX");
        Instant t = Instant.parse("2031-03-01T08:00:00Z");
        f.quota(mine.id(), 2031, "MINING", "1");
        String ore = TraceFixtures.lot(prefix);
        // 1,000 kg of concentrate with 50 % Dy = 500 kg Dy = 573.8 kg Dy2O3: below 1 t REO.
        EpcisEvent first = f.object(
                Action.ADD,
                "commissioning",
                null,
                TraceFixtures.site(prefix),
                t,
                List.of(TraceFixtures.kg(ore, "1000")),
                f.ilmd("ORE_CONCENTRATE", "Dy", "0.5"));
        f.capture(mine.id(), first);

        LotProfile profile = chain.lot(ore).orElseThrow();
        assertThat(profile.type()).isEqualTo(ProductType.ORE_CONCENTRATE);
        assertThat(profile.elementFractions().get("Dy")).isEqualByComparingTo("0.5");
        assertThat(profile.owner()).isEqualTo(mine.id());
        assertThat(chain.ownersOf(List.of(ore))).containsExactly(mine.id());
        assertThat(movements.ofEvent(first.eventId())).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("PRODUCED");
            assertThat(m.quantityKg()).isEqualByComparingTo("1000");
        });
        assertThat(signalsAbout(SignalKind.OVER_QUOTA, mine.id().toString())).isEmpty();

        // Another tonne: 1,147.7 kg REO in the year, above the 1 t quota.
        String ore2 = TraceFixtures.lot(prefix);
        EpcisEvent second = f.object(
                Action.ADD,
                "commissioning",
                null,
                TraceFixtures.site(prefix),
                t.plusSeconds(3600),
                List.of(new org.lodestone.traceability.epcis.QuantityElement(ore2, new BigDecimal("1"), "TNE")),
                f.ilmd("ORE_CONCENTRATE", "Dy", "0.5"));
        f.capture(mine.id(), second);
        assertThat(signalsAbout(SignalKind.OVER_QUOTA, mine.id().toString()))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.region()).isEqualTo("CN-JX");
                    assertThat(s.enterprise()).isEqualTo(mine.id());
                    assertThat(s.summary()).contains("1.148 t REO").contains("quota of 1.000 t REO");
                });
    }

    @Test
    void aTransformationWithOutputsAndNoInputsIsOutOfThinAir() {
        String prefix = TraceFixtures.prefix();
        Enterprise plant = f.enterprise(prefix, SiteKind.SEPARATION_PLANT, "CN-NM");
        EpcisEvent e = f.transformation(
                TraceFixtures.site(prefix),
                Instant.parse("2031-04-01T00:00:00Z"),
                List.of(),
                List.of(TraceFixtures.kg(TraceFixtures.lot(prefix), "50")),
                f.ilmd("SEPARATED_OXIDE", "Dy", "0.87"));
        f.capture(plant.id(), e);

        assertThat(signalsAbout(SignalKind.IMPLAUSIBLE_YIELD, e.eventId()))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.key()).startsWith("thin-air|");
                    assertThat(s.region()).isEqualTo("CN-NM");
                    assertThat(s.evidence()).extracting(Evidence::eventId).containsExactly(e.eventId());
                });
    }

    @Test
    void outputAboveInputTimesYieldIsImplausibleAndAPlausibleOneIsNot() {
        String prefix = TraceFixtures.prefix();
        Enterprise plant = f.enterprise(prefix, SiteKind.SEPARATION_PLANT, "CN-JX");
        String site = TraceFixtures.site(prefix);
        Instant t = Instant.parse("2031-05-01T00:00:00Z");
        String carbonate = TraceFixtures.lot(prefix);
        f.capture(
                plant.id(),
                f.object(
                        Action.ADD,
                        "commissioning",
                        null,
                        site,
                        t,
                        List.of(TraceFixtures.kg(carbonate, "100")),
                        f.ilmd("MIXED_CARBONATE", "Dy", "0.5", "Nd", "0.2")));

        // 100 kg carbonate = 50 kg Dy in; 60 kg oxide at 87 % Dy = 52.2 kg Dy out: more than 50 × 0.995.
        EpcisEvent implausible = f.transformation(
                site,
                t.plusSeconds(60),
                List.of(TraceFixtures.kg(carbonate, "100")),
                List.of(TraceFixtures.kg(TraceFixtures.lot(prefix), "60")),
                f.ilmd("SEPARATED_OXIDE", "Dy", "0.87"));
        // 50 kg at 87 % = 43.5 kg Dy: plausible.
        EpcisEvent plausible = f.transformation(
                site,
                t.plusSeconds(120),
                List.of(TraceFixtures.kg(carbonate, "100")),
                List.of(TraceFixtures.kg(TraceFixtures.lot(prefix), "50")),
                f.ilmd("SEPARATED_OXIDE", "Dy", "0.87"));
        f.capture(plant.id(), implausible, plausible);

        assertThat(signalsAbout(SignalKind.IMPLAUSIBLE_YIELD, implausible.eventId()))
                .singleElement()
                .satisfies(s -> assertThat(s.evidence())
                        .singleElement()
                        .satisfies(ev -> assertThat(ev.note()).contains("Dy: output 52.200 kg > input 50.000 kg")));
        assertThat(signalsAbout(SignalKind.IMPLAUSIBLE_YIELD, plausible.eventId()))
                .isEmpty();
        assertThat(movements.ofEvent(plausible.eventId()))
                .extracting(MovementStore.Movement::kind)
                .containsExactly("CONSUMED", "PRODUCED");
    }

    @Test
    void aStockDeclarationClosingAPeriodBeyondToleranceRaisesAnImbalance() {
        String prefix = TraceFixtures.prefix();
        Enterprise plant = f.enterprise(prefix, SiteKind.MAGNET_PLANT, "CN-JX");
        String site = TraceFixtures.site(prefix);
        String oxide = TraceFixtures.lot(prefix);
        Instant t0 = Instant.parse("2031-06-30T23:00:00Z");
        // The lot's profile was registered by its creator elsewhere; content counts whenever it is known.
        registerLot(oxide, "0.8");

        EpcisEvent opening = f.object(
                Action.OBSERVE, "cycle_counting", null, site, t0, List.of(TraceFixtures.kg(oxide, "100")), null);
        EpcisEvent received = f.object(
                Action.OBSERVE,
                "receiving",
                null,
                site,
                t0.plusSeconds(3600),
                List.of(TraceFixtures.kg(oxide, "50")),
                null);
        EpcisEvent shipped = f.object(
                Action.OBSERVE,
                "shipping",
                null,
                site,
                t0.plusSeconds(7200),
                List.of(TraceFixtures.kg(oxide, "30")),
                null);
        EpcisEvent lost = f.object(
                Action.DELETE,
                "destroying",
                null,
                site,
                t0.plusSeconds(7300),
                List.of(TraceFixtures.kg(oxide, "5")),
                null);
        f.capture(plant.id(), opening, received, shipped, lost);
        // expected closing: 100 + 50 - 30 - 5 = 115 kg oxide = 92 kg Dy; declared 80 kg oxide = 64 kg Dy.
        EpcisEvent closing = f.object(
                Action.OBSERVE,
                "inventorying",
                null,
                site,
                t0.plusSeconds(86_400),
                List.of(TraceFixtures.kg(oxide, "80")),
                null);
        f.capture(plant.id(), closing);

        assertThat(signalsAbout(SignalKind.IMBALANCE, site)).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("Dy at " + site);
            assertThat(s.summary()).contains("difference 28.000 kg");
            assertThat(s.evidence())
                    .extracting(Evidence::eventId)
                    .containsExactly(opening.eventId(), closing.eventId());
        });

        List<Balance> balances =
                massBalance.compute(plant.id(), site, "Dy", LocalDate.of(2031, 7, 1), LocalDate.of(2031, 7, 31), true);
        assertThat(balances).singleElement().satisfies(b -> {
            assertThat(b.opening()).isEqualByComparingTo("80");
            assertThat(b.received()).isEqualByComparingTo("40");
            assertThat(b.shipped()).isEqualByComparingTo("24");
            assertThat(b.loss()).isEqualByComparingTo("4");
            assertThat(b.closing()).isEqualByComparingTo("64");
            assertThat(b.expectedClosing()).isEqualByComparingTo("92");
            assertThat(b.difference()).isEqualByComparingTo("28");
            assertThat(b.withinTolerance()).isFalse();
            assertThat(b.events().get(MovementKind.RECEIVED)).containsExactly(received.eventId());
            assertThat(b.events().get(MovementKind.STOCK)).containsExactly(opening.eventId(), closing.eventId());
        });
    }

    @Test
    void aBalancedPeriodRaisesNothing() {
        String prefix = TraceFixtures.prefix();
        Enterprise plant = f.enterprise(prefix, SiteKind.WAREHOUSE, "CN-JX");
        String site = TraceFixtures.site(prefix);
        String oxide = TraceFixtures.lot(prefix);
        registerLot(oxide, "1");
        Instant t0 = Instant.parse("2031-08-01T00:00:00Z");
        f.capture(
                plant.id(),
                f.object(
                        Action.OBSERVE,
                        "cycle_counting",
                        null,
                        site,
                        t0,
                        List.of(TraceFixtures.kg(oxide, "100")),
                        null),
                f.object(
                        Action.OBSERVE,
                        "shipping",
                        null,
                        site,
                        t0.plusSeconds(60),
                        List.of(TraceFixtures.kg(oxide, "40")),
                        null));
        // 60 expected, 59.5 counted: within the 1 kg floor and 2 % of 100 kg.
        f.capture(
                plant.id(),
                f.object(
                        Action.OBSERVE,
                        "cycle_counting",
                        null,
                        site,
                        t0.plusSeconds(3600),
                        List.of(TraceFixtures.kg(oxide, "59.5")),
                        null));

        assertThat(signalsAbout(SignalKind.IMBALANCE, site)).isEmpty();
        List<Balance> balances = massBalance.compute(
                plant.id(),
                site,
                null,
                LocalDate.ofInstant(t0, ZoneOffset.UTC),
                LocalDate.ofInstant(t0, ZoneOffset.UTC),
                false);
        assertThat(balances).singleElement().satisfies(b -> {
            assertThat(b.withinTolerance()).isTrue();
            assertThat(b.difference()).isEqualByComparingTo("0.5");
        });
    }

    private void registerLot(String identifier, String dy) {
        var store = context.getBean(org.lodestone.traceability.chain.store.ChainStore.class);
        store.createLot(
                java.util.UUID.randomUUID(),
                new LotProfile(
                        identifier, ProductType.SEPARATED_OXIDE, java.util.Map.of("Dy", new BigDecimal(dy)), null),
                "REGISTRY",
                null,
                Instant.now());
    }
}
