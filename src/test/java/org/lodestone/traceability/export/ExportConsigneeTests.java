package org.lodestone.traceability.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.traceability.genealogy.TraceEvents.kg;
import static org.lodestone.traceability.genealogy.TraceEvents.lot;
import static org.lodestone.traceability.genealogy.TraceEvents.ship;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.Licences;
import org.lodestone.shared.CountryCode;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.chain.LotProfile;
import org.lodestone.traceability.chain.Quota;
import org.lodestone.traceability.chain.Site;
import org.lodestone.traceability.chain.TradingParty;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.export.store.ExportStore;
import org.lodestone.traceability.genealogy.TraceEvents;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports detected by their destination and compared with the licensed consignee, with a chain registry that knows
 * the foreign parties (#5): a shipment to a foreign party naming no licence is an export without licence; to a party
 * other than the licensed consignee it depletes and raises EXPORT_TO_OTHER_CONSIGNEE; the consignee's name written
 * differently (case, punctuation, legal form) is the same party; a domestic party is no export.
 */
@SpringBootTest
@Import(ExportConsigneeTests.Registry.class)
class ExportConsigneeTests {

    static final String MOTORENWERK = "urn:epc:id:pgln:4012345.00001";
    static final String MOTORENWERK_AGAIN = "urn:epc:id:pgln:4012345.00002";
    static final String OTHER = "urn:epc:id:pgln:4012345.00003";
    static final String DOMESTIC = "urn:epc:id:pgln:6901234.00001";

    @TestConfiguration
    static class Registry {
        /** Only what export detection and the consignee comparison read: the parties. */
        @Bean
        @Primary
        Chain testChain() {
            OrganisationId registeredBy = new OrganisationId(java.util.UUID.randomUUID());
            Map<String, TradingParty> parties = Map.of(
                    MOTORENWERK,
                            new TradingParty(
                                    MOTORENWERK, "Motorenwerk GmbH", new CountryCode("DE"), null, registeredBy),
                    MOTORENWERK_AGAIN,
                            new TradingParty(
                                    MOTORENWERK_AGAIN,
                                    "MOTORENWERK g.m.b.h.",
                                    new CountryCode("DE"),
                                    null,
                                    registeredBy),
                    OTHER, new TradingParty(OTHER, "Ostwind Trading Ltd.", new CountryCode("AE"), null, registeredBy),
                    DOMESTIC, new TradingParty(DOMESTIC, "Ganzhou Alloys", new CountryCode("CN"), null, registeredBy));
            return new Chain() {
                @Override
                public Set<OrganisationId> ownersOf(Collection<String> identifiers) {
                    return Set.of();
                }

                @Override
                public Optional<Site> site(String identifier) {
                    return Optional.empty();
                }

                @Override
                public List<Site> sites(OrganisationId enterprise) {
                    return List.of();
                }

                @Override
                public Optional<LotProfile> lot(String identifier) {
                    return Optional.empty();
                }

                @Override
                public List<Quota> quotas(OrganisationId enterprise, int year) {
                    return List.of();
                }

                @Override
                public Optional<TradingParty> party(String identifier) {
                    return Optional.ofNullable(parties.get(identifier));
                }
            };
        }
    }

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Identity identity;

    @Autowired
    Licences licences;

    @Autowired
    Signals signals;

    @Autowired
    ExportStore store;

    @Test
    void exportsAreFoundByDestinationAndComparedWithTheConsignee() {
        var events = new TraceEvents(publisher, transactions);
        OrganisationId producer = ExportFixtures.organisation(
                identity, OrganisationKind.EXPORTER, "Demo Rare Earth Magnet Works Co., Ltd.");
        String t = TraceEvents.tag();
        String site = "urn:epc:id:sgln:6901234.00031." + t;
        String magnet = lot(t, "5555");
        Licence licence = ExportFixtures.issue(licences, identity, "500");
        String number = licence.number().value();

        EpcisEvent unlicensed = ship(site, null, OTHER, null, List.of(), kg(magnet, "10"));
        EpcisEvent elsewhere = ship(site, number, OTHER, null, List.of(), kg(magnet, "20"));
        EpcisEvent same = ship(site, number, MOTORENWERK_AGAIN, null, List.of(), kg(magnet, "30"));
        EpcisEvent domestic = ship(site, null, DOMESTIC, null, List.of(), kg(magnet, "40"));
        List<Long> seqs = events.capture(producer, unlicensed, elsewhere, same, domestic);

        assertThat(store.find(seqs.get(0)).orElseThrow().state()).isEqualTo(ExportStore.State.SIGNALLED);
        assertThat(has(SignalKind.EXPORT_WITHOUT_LICENCE, unlicensed)).isTrue();

        assertThat(store.find(seqs.get(1)).orElseThrow().state()).isEqualTo(ExportStore.State.RECORDED);
        assertThat(has(SignalKind.EXPORT_TO_OTHER_CONSIGNEE, elsewhere)).isTrue();

        assertThat(store.find(seqs.get(2)).orElseThrow().state()).isEqualTo(ExportStore.State.RECORDED);
        assertThat(has(SignalKind.EXPORT_TO_OTHER_CONSIGNEE, same))
                .as("same party, written differently")
                .isFalse();

        assertThat(store.find(seqs.get(3))).as("a domestic party").isEmpty();
        assertThat(licences.find(licence.number()).orElseThrow().line(1).remaining())
                .isEqualByComparingTo("450");
        assertThat(LicenceDepletion.sameName("Motorenwerk GmbH", "MOTORENWERK g.m.b.h."))
                .isTrue();
        assertThat(LicenceDepletion.sameName("Motorenwerk GmbH", "Motorenwerke GmbH"))
                .isFalse();
    }

    boolean has(SignalKind kind, EpcisEvent e) {
        return signals.list(kind, null, null, 1000).stream()
                .anyMatch(s -> s.key().equals("export|" + e.eventId()));
    }
}
