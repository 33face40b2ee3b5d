package org.lodestone.identity.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.shared.CountryCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organisations Lodestone knows: exporters, foreign parties and authorities. */
@Component
public class Organisations {

    private static final String COLUMNS =
            "id, name, name_original, kind, country, region, jurisdiction, version, created_at";

    private final JdbcClient jdbc;

    public Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Organisation create(NewOrganisation org) {
        var id = new OrganisationId(UUID.randomUUID());
        Instant now = Instant.now();
        try {
            jdbc.sql("""
                    INSERT INTO organisation (id, name, name_original, kind, country, region, jurisdiction, version, created_at)
                    VALUES (:id, :name, :nameOriginal, :kind, :country, :region, :jurisdiction, 0, :createdAt)
                    """)
                    .param("id", id.value())
                    .param("name", org.name())
                    .param("nameOriginal", org.nameOriginal())
                    .param("kind", org.kind().name())
                    .param("country", org.country().value())
                    .param("region", org.region())
                    .param("jurisdiction", org.jurisdiction())
                    .param("createdAt", Sql.ts(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw IdentityProblem.duplicate(
                    "name", "an organisation of kind " + org.kind() + " named '" + org.name() + "' already exists");
        }
        return find(id).orElseThrow();
    }

    public Optional<Organisation> find(OrganisationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = :id")
                .param("id", id.value())
                .query(Organisations::map)
                .optional();
    }

    public Optional<Organisation> findByNameAndKind(String name, OrganisationKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE name = :name AND kind = :kind")
                .param("name", name)
                .param("kind", kind.name())
                .query(Organisations::map)
                .optional();
    }

    public List<Organisation> ofKind(OrganisationKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE kind = :kind ORDER BY name")
                .param("kind", kind.name())
                .query(Organisations::map)
                .list();
    }

    public List<Organisation> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation ORDER BY kind, name")
                .query(Organisations::map)
                .list();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                new OrganisationId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("name_original"),
                OrganisationKind.valueOf(rs.getString("kind")),
                new CountryCode(rs.getString("country")),
                rs.getString("region"),
                rs.getString("jurisdiction"),
                rs.getLong("version"),
                Sql.requiredInstant(rs, "created_at"));
    }
}
