package org.lodestone.traceability.export;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.shared.CountryCode;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.chain.Site;
import org.lodestone.traceability.chain.TradingParty;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.lodestone.traceability.epcis.SourceDestination;
import org.lodestone.traceability.export.store.ExportStore;
import org.lodestone.traceability.export.store.ExportStore.ExportRow;
import org.lodestone.traceability.genealogy.Vocabulary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the export shipments among newly captured events and queues their licence depletion in the capture
 * transaction (the depletion itself runs after commit, {@link LicenceDepletion}). The rule: a shipping event (business
 * step {@code shipping} or {@code departing}, not a transformation) is an export when it names a licence (business
 * transaction {@code urn:lodestone:btt:licence}, value the licence number, optionally {@code #line}), or when a
 * destination is abroad: an owning or possessing party the chain registry knows with a country other than
 * {@code lodestone.traceability.home-country}, or a location that is a registered site abroad. Destinations the
 * registry does not know are not taken as exports (a domestic warehouse need not be registered); without a chain
 * registry only events naming a licence are exports. Guarded by {@code ExportDepletionTests}.
 */
@Component
class ExportShipments {

    private final ExportStore store;
    private final ObjectProvider<Chain> chain;
    private final Identity identity;
    private final JsonMapper json;
    private final Clock clock;
    private final CountryCode home;

    ExportShipments(
            ExportStore store,
            ObjectProvider<Chain> chain,
            Identity identity,
            JsonMapper json,
            ObjectProvider<Clock> clock,
            @Value("${lodestone.traceability.home-country:CN}") String home) {
        this.store = store;
        this.chain = chain;
        this.identity = identity;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.home = new CountryCode(home);
    }

    @EventListener
    void on(EventsCaptured captured) {
        String region = null;
        boolean regionRead = false;
        Chain registry = chain.getIfAvailable();
        for (EventsCaptured.Stored s : captured.events()) {
            EpcisEvent e = s.event();
            if (e.type() == EventType.TRANSFORMATION || !Vocabulary.shipping(e)) {
                continue;
            }
            String named = e.licenceNumber();
            if (named == null && !abroad(e, registry)) {
                continue;
            }
            if (!regionRead) {
                region = captured.reporterRegion() != null
                        ? captured.reporterRegion()
                        : identity.organisation(captured.reporter())
                                .map(OrganisationProfile::region)
                                .orElse(null);
                regionRead = true;
            }
            String licence = null;
            Integer line = null;
            if (named != null) {
                int hash = named.indexOf('#');
                licence = (hash < 0 ? named : named.substring(0, hash)).strip();
                if (hash >= 0) {
                    try {
                        line = Integer.parseInt(named.substring(hash + 1).strip());
                    } catch (NumberFormatException notALine) {
                        line = -1; // named but unreadable: the depletion reports it
                    }
                }
                if (licence.length() > 60) {
                    licence = licence.substring(0, 60);
                }
            }
            List<Map<String, Object>> quantities = new ArrayList<>();
            for (QuantityElement q : e.quantityList()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("epcClass", q.epcClass());
                if (q.quantity() != null) {
                    m.put("quantity", q.quantity().toPlainString());
                }
                if (q.uom() != null) {
                    m.put("uom", q.uom());
                }
                quantities.add(m);
            }
            store.enqueue(new ExportRow(
                    s.seq(),
                    e.eventId(),
                    e.eventTime(),
                    captured.reporter().value(),
                    region,
                    licence == null || licence.isEmpty() ? null : licence,
                    line,
                    destination(e.destinationList(), false),
                    destination(e.destinationList(), true),
                    json.writeValueAsString(quantities),
                    ExportStore.State.PENDING,
                    null,
                    0,
                    clock.instant(),
                    clock.instant()));
        }
    }

    private boolean abroad(EpcisEvent e, @Nullable Chain registry) {
        if (registry == null) {
            return false;
        }
        for (SourceDestination d : e.destinationList()) {
            String type = Vocabulary.term(d.type());
            if ("owning_party".equals(type) || "possessing_party".equals(type)) {
                Optional<TradingParty> party = registry.party(d.value());
                if (party.isPresent() && !party.get().country().equals(home)) {
                    return true;
                }
            } else if ("location".equals(type)) {
                Optional<Site> site = registry.site(d.value());
                if (site.isPresent() && !site.get().country().equals(home)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The owning party (else the possessing party), or the location, of the destination list. */
    static @Nullable String destination(List<SourceDestination> list, boolean location) {
        String possessing = null;
        for (SourceDestination d : list) {
            String type = Vocabulary.term(d.type());
            if (location && "location".equals(type)) {
                return d.value();
            }
            if (!location && "owning_party".equals(type)) {
                return d.value();
            }
            if (!location && "possessing_party".equals(type) && possessing == null) {
                possessing = d.value();
            }
        }
        return possessing;
    }
}
