package org.lodestone.licensing.application.http;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.BusinessRelationship;
import org.lodestone.licensing.application.Declarations;
import org.lodestone.licensing.application.EndUse;
import org.lodestone.licensing.application.Item;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.Production;

/** An application as the API shows it; {@code version} is what {@code If-Match} must quote on the next change. */
record ApplicationResponse(
        String id,
        String reference,
        String state,
        long version,
        int revision,
        Applicant applicant,
        @Nullable String competentAuthority,
        @Nullable String consigneeOrganisation,
        List<Party> parties,
        List<Item> items,
        EndUse endUse,
        Production production,
        BusinessRelationship relationship,
        Declarations declarations,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt) {

    record Applicant(
            String id,
            String name,
            String country,
            @Nullable String region) {}

    static ApplicationResponse of(Application a) {
        return new ApplicationResponse(
                a.id().toString(),
                a.reference(),
                a.state().name(),
                a.version(),
                a.revision(),
                new Applicant(a.applicant().toString(), a.applicantName(), a.applicantCountry(), a.applicantRegion()),
                a.competentAuthority() == null ? null : a.competentAuthority().toString(),
                a.content().consigneeOrganisation(),
                a.content().parties(),
                a.content().items(),
                a.content().endUse(),
                a.content().production(),
                a.content().relationship(),
                a.content().declarations(),
                a.createdBy(),
                a.createdAt(),
                a.updatedAt(),
                a.submittedAt());
    }
}
