package org.lodestone.traceability.chain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.shared.CountryCode;
import org.lodestone.traceability.chain.ChainRegistry.QuotaRequest;
import org.lodestone.traceability.chain.ChainRegistry.SiteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo chain registry ({@code lodestone.demo=true}, idempotent): the demo magnet maker (user {@code producer}) with its
 * company prefix and two sites, and a fictional upstream chain registered without users, since identity offers other
 * modules no way to create organisations: a mine and a separation plant in Jiangxi with this year's quotas.
 */
@Component
class DemoChain {

    private static final Logger log = LoggerFactory.getLogger(DemoChain.class);

    static final String MAGNET_MAKER = "Demo Rare Earth Magnet Works Co., Ltd.";
    static final String MINE = "Demo Ganzhou Mining Co., Ltd.";
    static final String SEPARATOR = "Demo Jiangxi Rare Earth Separation Co., Ltd.";
    static final String EXPORTER = "Demo Magnetics Co., Ltd.";

    private final boolean demo;
    private final ChainRegistry registry;
    private final Identity identity;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoChain(
            @Value("${lodestone.demo:true}") boolean demo,
            ChainRegistry registry,
            Identity identity,
            TransactionTemplate transactions,
            ObjectProvider<Clock> clock) {
        this.demo = demo;
        this.registry = registry;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationStartedEvent.class)
    void seed() {
        if (!demo) {
            return;
        }
        OrganisationProfile maker = identity.organisations(OrganisationKind.EXPORTER).stream()
                .filter(o -> o.name().equals(MAGNET_MAKER))
                .findFirst()
                .orElse(null);
        if (maker == null) {
            log.warn("Demo chain not seeded: demo organisation '{}' is missing", MAGNET_MAKER);
            return;
        }
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        CountryCode cn = new CountryCode("CN");
        transactions.executeWithoutResult(status -> {
            var m = registry.registerOrganisation(
                    maker.id(), Set.of(Activity.MAGNET_MAKING, Activity.EXPORT), List.of("6901234"));
            registry.seedSite(
                    m.id(),
                    new SiteRequest(
                            "urn:epc:id:sgln:6901234.00001.0",
                            "MAGNET_PLANT",
                            "Ganzhou magnet plant",
                            "CN",
                            "CN-JX",
                            null));
            registry.seedSite(
                    m.id(),
                    new SiteRequest(
                            "urn:epc:id:sgln:6901234.00002.0",
                            "WAREHOUSE",
                            "Ganzhou finished goods warehouse",
                            "CN",
                            "CN-JX",
                            null));

            var mine = registry.registerUpstream(MINE, cn, "CN-JX", Set.of(Activity.MINING), List.of("6901111"));
            registry.seedSite(
                    mine.id(),
                    new SiteRequest(
                            "urn:epc:id:sgln:6901111.00001.0",
                            "MINE",
                            "Demo Ganzhou ionic clay mine",
                            "CN",
                            "CN-JX",
                            null));
            registry.seedQuota(mine.id(), new QuotaRequest(year, "MINING", new BigDecimal("2000"), null));

            var sep =
                    registry.registerUpstream(SEPARATOR, cn, "CN-JX", Set.of(Activity.SEPARATION), List.of("6901222"));
            registry.seedSite(
                    sep.id(),
                    new SiteRequest(
                            "urn:epc:id:sgln:6901222.00001.0",
                            "SEPARATION_PLANT",
                            "Demo Longnan separation plant",
                            "CN",
                            "CN-JX",
                            null));
            registry.seedQuota(sep.id(), new QuotaRequest(year, "SMELTING_SEPARATION", new BigDecimal("1500"), null));
            // The separated oxides of the demo chain: pure oxides, so their element content is stoichiometric.
            registry.seedLot(
                    sep.id(),
                    "urn:epc:class:lgtin:6901222.000002.DYOX-2026-0412",
                    ProductType.SEPARATED_OXIDE,
                    java.util.Map.of("Dy", new BigDecimal("0.8713")));
            registry.seedLot(
                    sep.id(),
                    "urn:epc:class:lgtin:6901222.000003.NDOX-2026-0413",
                    ProductType.SEPARATED_OXIDE,
                    java.util.Map.of("Nd", new BigDecimal("0.8574")));

            // The demo exporter (holder of the demo licence) buys the magnets and exports them to its German customer.
            identity.organisations(OrganisationKind.EXPORTER).stream()
                    .filter(o -> o.name().equals(EXPORTER))
                    .findFirst()
                    .ifPresent(exporter -> {
                        var x = registry.registerOrganisation(
                                exporter.id(), Set.of(Activity.TRADING, Activity.EXPORT), List.of("6905555"));
                        registry.seedSite(
                                x.id(),
                                new SiteRequest(
                                        "urn:epc:id:sgln:6905555.00001.0",
                                        "WAREHOUSE",
                                        "Ganzhou export warehouse",
                                        "CN",
                                        "CN-JX",
                                        null));
                        registry.seedParty(
                                x.id(),
                                "urn:epc:id:pgln:4012345.00000",
                                "Demo Motorenwerk GmbH",
                                new CountryCode("DE"));
                    });
        });
    }
}
