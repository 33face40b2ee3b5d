package org.lodestone.traceability.chain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lodestone.identity.OrganisationId;

/**
 * Facade of the chain registry for the rest of the traceability module: who owns which identifiers, what a lot is,
 * what an enterprise may produce. The EPCIS repository asks {@link #ownersOf} to decide which enterprises may read an
 * event; mass balance and signals read sites, lots and quotas.
 */
public interface Chain {

    /**
     * The enterprises that own any of these identifiers: sites (exact identifier), lots and product classes (their
     * registered or first-creating owner), and EPCs or classes under an enterprise's registered GS1 company prefix.
     */
    Set<OrganisationId> ownersOf(Collection<String> identifiers);

    /**
     * {@link #ownersOf} for each of several identifier sets, in order: capture asks once per chunk of events, so the
     * registry can look lots up in one query rather than one per event.
     */
    default List<Set<OrganisationId>> ownersOfEach(List<? extends Collection<String>> identifierSets) {
        return identifierSets.stream().map(this::ownersOf).toList();
    }

    Optional<Site> site(String identifier);

    List<Site> sites(OrganisationId enterprise);

    Optional<LotProfile> lot(String identifier);

    List<Quota> quotas(OrganisationId enterprise, int year);

    /** The trading party EPCIS names by this identifier (source or destination of type owning/possessing party). */
    Optional<TradingParty> party(String identifier);
}
