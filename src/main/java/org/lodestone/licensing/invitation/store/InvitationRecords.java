package org.lodestone.licensing.invitation.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.invitation.Invitation;
import org.lodestone.protection.Protection;
import org.lodestone.protection.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code la_invitation} table. {@link #claim} is the one place an invitation is consumed: a single conditional
 * UPDATE, so of two concurrent acceptances exactly one changes the row. Guarded by {@code InvitationApiTests} and
 * {@code ConcurrentAcceptanceTests}. The invitee's email is the foreign party's contact, a customer identity: it is
 * sealed with the application's data key like the party's own contact data.
 */
@Component
public class InvitationRecords {

    private static final String COLUMNS = """
            id, application_id, party_id, email, invited_by_name, created_at, expires_at, accepted_at,
            accepted_organisation, revoked_at""";

    private static final String EMAIL = "la_invitation.email";

    private final JdbcClient jdbc;
    private final Protection protection;

    public InvitationRecords(JdbcClient jdbc, Protection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public void insert(Invitation invitation, String tokenHash, UserId invitedBy) {
        jdbc.sql("""
                INSERT INTO la_invitation (id, application_id, party_id, email, token_hash, invited_by,
                                           invited_by_name, created_at, expires_at)
                VALUES (:id, :application, :party, :email, :hash, :invitedBy, :invitedByName, :createdAt, :expiresAt)""")
                .param("id", invitation.id())
                .param("application", invitation.applicationId().value())
                .param("party", invitation.partyId())
                .param(
                        "email",
                        protection.seal(
                                Scope.application(invitation.applicationId().value()), invitation.email(), EMAIL))
                .param("hash", tokenHash)
                .param("invitedBy", invitedBy.value())
                .param("invitedByName", invitation.invitedByName())
                .param("createdAt", utc(invitation.createdAt()))
                .param("expiresAt", utc(invitation.expiresAt()))
                .update();
    }

    public Optional<Invitation> byTokenHash(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM la_invitation WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(this::map)
                .optional();
    }

    public Optional<Invitation> find(ApplicationId application, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM la_invitation WHERE id = :id AND application_id = :application")
                .param("id", id)
                .param("application", application.value())
                .query(this::map)
                .optional();
    }

    public List<Invitation> ofApplication(ApplicationId application) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM la_invitation WHERE application_id = :application ORDER BY created_at, id")
                .param("application", application.value())
                .query(this::map)
                .list();
    }

    /**
     * Consumes a pending, unexpired invitation: true for the one caller whose UPDATE changed the row. The acceptor is
     * filled in by {@link #acceptedBy} in the same transaction (a new account exists only after the claim).
     */
    public boolean claim(String tokenHash, Instant now) {
        return jdbc.sql("""
                        UPDATE la_invitation SET accepted_at = :now
                        WHERE token_hash = :hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now""").param("now", utc(now)).param("hash", tokenHash).update() == 1;
    }

    public void acceptedBy(UUID invitation, UserId user, OrganisationId organisation) {
        jdbc.sql("UPDATE la_invitation SET accepted_by = :user, accepted_organisation = :organisation WHERE id = :id")
                .param("user", user.value())
                .param("organisation", organisation.value())
                .param("id", invitation)
                .update();
    }

    /** Revokes an invitation (its link, or the contribution it opened); false when it was revoked meanwhile. */
    public boolean revoke(UUID invitation, UserId by, Instant now) {
        return jdbc.sql("""
                        UPDATE la_invitation SET revoked_at = :now, revoked_by = :by
                        WHERE id = :id AND revoked_at IS NULL""")
                        .param("now", utc(now))
                        .param("by", by.value())
                        .param("id", invitation)
                        .update()
                == 1;
    }

    private Invitation map(ResultSet rs, int row) throws SQLException {
        UUID application = rs.getObject("application_id", UUID.class);
        return new Invitation(
                rs.getObject("id", UUID.class),
                new ApplicationId(application),
                rs.getObject("party_id", UUID.class),
                java.util.Objects.requireNonNull(
                        protection.open(Scope.application(application), rs.getString("email"), EMAIL)),
                rs.getString("invited_by_name"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instantOrNull(rs, "accepted_at"),
                rs.getObject("accepted_organisation", UUID.class),
                instantOrNull(rs, "revoked_at"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant i = instantOrNull(rs, column);
        if (i == null) {
            throw new SQLException(column + " is null");
        }
        return i;
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
