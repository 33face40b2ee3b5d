package org.lodestone.licensing.evidence.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.Seal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code evidence_sealed} table: which documents a contributor sealed (#6). Guarded by {@code SealedEvidenceApiTests}. */
@Component
public class SealedRecords {

    private final JdbcClient jdbc;

    public SealedRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserted in the transaction that inserts the document row. */
    public void insert(DocumentId document, ApplicationId application, UUID party, OrganisationId contributor) {
        jdbc.sql("""
                INSERT INTO evidence_sealed (document_id, application_id, party_id, organisation_id)
                VALUES (:document, :application, :party, :organisation)""")
                .param("document", document.value())
                .param("application", application.value())
                .param("party", party)
                .param("organisation", contributor.value())
                .update();
    }

    public Optional<Seal> find(DocumentId document) {
        return jdbc.sql("SELECT document_id, party_id, organisation_id FROM evidence_sealed WHERE document_id = :id")
                .param("id", document.value())
                .query((rs, n) -> new Seal(
                        new DocumentId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class),
                        new OrganisationId(rs.getObject(3, UUID.class)),
                        false))
                .optional();
    }

    /** Every seal on the application's documents (removed ones included), by document. */
    public Map<DocumentId, Seal> ofApplication(ApplicationId application) {
        Map<DocumentId, Seal> seals = new LinkedHashMap<>();
        jdbc.sql("SELECT document_id, party_id, organisation_id FROM evidence_sealed WHERE application_id = :id")
                .param("id", application.value())
                .query((rs, n) -> new Seal(
                        new DocumentId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class),
                        new OrganisationId(rs.getObject(3, UUID.class)),
                        false))
                .list()
                .forEach(s -> seals.put(s.document(), s));
        return seals;
    }
}
