package org.lodestone.traceability.chain;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.shared.CountryCode;

/**
 * A reporting enterprise's profile in the chain registry. Its id is the identity organisation's id; a
 * {@code registryOnly} enterprise (an upstream mine registered by the authority before anyone of it logs in) has an id
 * of its own in the same space, which no identity organisation has.
 *
 * @param region ISO 3166-2 subdivision, which decides the competent authority
 * @param companyPrefixes GS1 company prefixes: EPCs, classes and locations under them belong to this enterprise
 */
public record Enterprise(
        OrganisationId id,
        String name,
        CountryCode country,
        @Nullable String region,
        Set<Activity> activities,
        List<String> companyPrefixes,
        boolean registryOnly,
        long version) {

    public Enterprise {
        activities = Set.copyOf(activities);
        companyPrefixes = List.copyOf(companyPrefixes);
    }
}
