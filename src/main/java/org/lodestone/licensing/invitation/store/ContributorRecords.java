package org.lodestone.licensing.invitation.store;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.Contributors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code la_contributor} table: which foreign organisation gives evidence about which party of an application. */
@Component
public class ContributorRecords implements Contributors {

    private final JdbcClient jdbc;

    public ContributorRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the organisation as contributor for the party, once (accepting a second invitation for it changes nothing). */
    public void add(ApplicationId application, OrganisationId organisation, UUID party, UUID invitation, Instant at) {
        if (parties(application, organisation).contains(party)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO la_contributor (application_id, organisation_id, party_id, invitation_id, joined_at)
                VALUES (:application, :organisation, :party, :invitation, :at)""")
                .param("application", application.value())
                .param("organisation", organisation.value())
                .param("party", party)
                .param("invitation", invitation)
                .param("at", InvitationRecords.utc(at))
                .update();
    }

    /** Ends the organisation's contribution for the party (its sealed documents stay on file, sealed). */
    public void remove(ApplicationId application, OrganisationId organisation, UUID party) {
        jdbc.sql("""
                DELETE FROM la_contributor
                WHERE application_id = :application AND organisation_id = :organisation AND party_id = :party""")
                .param("application", application.value())
                .param("organisation", organisation.value())
                .param("party", party)
                .update();
    }

    @Override
    public Set<UUID> parties(ApplicationId application, OrganisationId organisation) {
        return new LinkedHashSet<>(jdbc.sql("""
                        SELECT party_id FROM la_contributor
                        WHERE application_id = :application AND organisation_id = :organisation
                        ORDER BY joined_at""")
                .param("application", application.value())
                .param("organisation", organisation.value())
                .query(UUID.class)
                .list());
    }

    @Override
    public List<ApplicationId> applications(OrganisationId organisation) {
        return jdbc.sql("""
                        SELECT application_id, MAX(joined_at) AS joined FROM la_contributor
                        WHERE organisation_id = :organisation
                        GROUP BY application_id ORDER BY joined DESC""")
                .param("organisation", organisation.value())
                .query((rs, n) -> new ApplicationId(rs.getObject(1, UUID.class)))
                .list();
    }
}
