package org.lodestone.traceability.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.chain.store.ChainStore;
import org.lodestone.traceability.chain.store.ChainStore.StoredSite;
import org.springframework.stereotype.Component;

/**
 * The {@link Chain} bean. {@link #ownersOf} runs for every captured event, so sites and company prefixes (few, rarely
 * changed) are held in memory and reloaded after every registry change ({@link #refresh}); lots (many) are looked up
 * by exact identifier through the unique index. Guarded by {@code ChainRegistryTests}.
 */
@Component
class CachedChain implements Chain {

    private record Snapshot(Map<String, Site> sites, Map<String, OrganisationId> prefixes) {}

    private final ChainStore store;
    private volatile Snapshot snapshot;

    CachedChain(ChainStore store) {
        this.store = store;
        this.snapshot = new Snapshot(Map.of(), Map.of());
        this.loaded = false;
    }

    private volatile boolean loaded;

    /** Reloads sites and prefixes; the registry calls it after each change it commits. */
    void refresh() {
        Map<String, Site> sites = new HashMap<>();
        for (StoredSite s : store.allSites()) {
            sites.put(s.site().identifier(), s.site());
        }
        snapshot = new Snapshot(Map.copyOf(sites), Map.copyOf(store.allPrefixes()));
        loaded = true;
    }

    private Snapshot current() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    refresh();
                }
            }
        }
        return snapshot;
    }

    @Override
    public Set<OrganisationId> ownersOf(Collection<String> identifiers) {
        Map<String, OrganisationId> lots = identifiers.isEmpty() ? Map.of() : store.lotOwners(identifiers);
        return owners(current(), identifiers, lots);
    }

    @Override
    public List<Set<OrganisationId>> ownersOfEach(List<? extends Collection<String>> identifierSets) {
        Snapshot s = current();
        Set<String> all = new LinkedHashSet<>();
        identifierSets.forEach(all::addAll);
        Map<String, OrganisationId> lots = all.isEmpty() ? Map.of() : store.lotOwners(all);
        List<Set<OrganisationId>> out = new ArrayList<>(identifierSets.size());
        for (Collection<String> ids : identifierSets) {
            out.add(owners(s, ids, lots));
        }
        return out;
    }

    private static Set<OrganisationId> owners(
            Snapshot s, Collection<String> identifiers, Map<String, OrganisationId> lotOwners) {
        Set<OrganisationId> owners = new LinkedHashSet<>();
        for (String id : identifiers) {
            Site site = s.sites().get(id);
            if (site != null) {
                owners.add(site.enterprise());
            }
            if (!s.prefixes().isEmpty()) {
                String prefix = Gs1.epcPrefix(id);
                if (prefix != null) {
                    OrganisationId o = s.prefixes().get(prefix);
                    if (o != null) {
                        owners.add(o);
                    }
                } else {
                    for (String candidate : Gs1.digitalLinkCandidates(id)) {
                        OrganisationId o = s.prefixes().get(candidate);
                        if (o != null) {
                            owners.add(o);
                        }
                    }
                }
            }
        }
        for (String id : identifiers) {
            OrganisationId lot = lotOwners.get(id);
            if (lot != null) {
                owners.add(lot);
            }
        }
        return owners;
    }

    @Override
    public Optional<Site> site(String identifier) {
        return Optional.ofNullable(current().sites().get(identifier));
    }

    @Override
    public List<Site> sites(OrganisationId enterprise) {
        return current().sites().values().stream()
                .filter(s -> s.enterprise().equals(enterprise))
                .sorted(java.util.Comparator.comparing(Site::identifier))
                .toList();
    }

    @Override
    public Optional<LotProfile> lot(String identifier) {
        return store.lot(identifier).map(ChainStore.StoredLot::lot);
    }

    @Override
    public List<Quota> quotas(OrganisationId enterprise, int year) {
        return store.quotas(enterprise, year).stream()
                .map(ChainStore.StoredQuota::quota)
                .toList();
    }

    @Override
    public Optional<TradingParty> party(String identifier) {
        return store.party(identifier).map(ChainStore.StoredParty::party);
    }
}
