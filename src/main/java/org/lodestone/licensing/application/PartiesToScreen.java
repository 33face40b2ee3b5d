package org.lodestone.licensing.application;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.ScreenableParties;
import org.lodestone.licensing.ScreeningSubject;
import org.lodestone.licensing.ScreeningSubject.Identifier;
import org.lodestone.licensing.ScreeningSubject.Kind;
import org.lodestone.licensing.ScreeningSubject.PartyToScreen;
import org.lodestone.protection.Protection;
import org.lodestone.protection.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the parties to screen straight from the application and licence tables, page by page, so re-screening every
 * open case never loads whole aggregates. It reads the licence table too (licensing owns both): a licence's parties
 * are the frozen copies taken at issue.
 */
@Component
class PartiesToScreen implements ScreenableParties {

    private static final String OPEN = "'SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED', 'APPROVAL_PROPOSED'";

    private final JdbcClient jdbc;
    private final Protection protection;

    PartiesToScreen(JdbcClient jdbc, Protection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Names are sealed with the application's data key (#6); the contexts match the stores that sealed them. */
    private @Nullable String open(UUID application, @Nullable String sealed, String context) {
        return protection.open(Scope.application(application), sealed, context);
    }

    @Override
    public Optional<ScreeningSubject> application(ApplicationId id) {
        return applications("a.id = :id AND a.state <> 'DRAFT'", Map.of("id", id.value()), 1).stream()
                .findFirst();
    }

    @Override
    public Optional<ScreeningSubject> licence(LicenceNumber number) {
        return licences("licence_number = :n", Map.of("n", number.value()), 1).stream()
                .findFirst();
    }

    @Override
    public List<ScreeningSubject> openApplications(@Nullable UUID after, int limit) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = "a.state IN (" + OPEN + ")";
        if (after != null) {
            where += " AND a.id > :after";
            p.put("after", after);
        }
        return applications(where, p, limit);
    }

    @Override
    public List<ScreeningSubject> liveLicences(@Nullable UUID after, int limit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("today", LocalDate.now(ZoneOffset.UTC));
        String where = "status IN ('ISSUED', 'SUSPENDED') AND valid_to >= :today";
        if (after != null) {
            where += " AND id > :after";
            p.put("after", after);
        }
        return licences(where, p, limit);
    }

    private List<ScreeningSubject> applications(String where, Map<String, Object> params, int limit) {
        record Root(UUID id, String reference, @Nullable UUID authority) {}
        List<Root> roots = jdbc.sql("SELECT a.id, a.reference, a.competent_authority FROM la_application a WHERE "
                        + where + " ORDER BY a.id LIMIT " + Math.max(1, limit))
                .params(params)
                .query((rs, n) -> new Root(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
        List<ScreeningSubject> out = new ArrayList<>(roots.size());
        for (Root r : roots) {
            List<PartyToScreen> parties = jdbc.sql("""
                            SELECT id, role, name_latin, name_original, country FROM la_party
                            WHERE application_id = :id ORDER BY position""")
                    .param("id", r.id())
                    .query((rs, n) -> new PartyToScreen(
                            rs.getObject(1, UUID.class).toString(),
                            rs.getString(2),
                            java.util.Objects.requireNonNull(open(r.id(), rs.getString(3), "la_party.name_latin")),
                            open(r.id(), rs.getString(4), "la_party.name_original"),
                            rs.getString(5),
                            List.of()))
                    .list();
            List<PartyToScreen> withIds = new ArrayList<>(parties.size());
            for (PartyToScreen p : parties) {
                List<Identifier> ids = jdbc.sql("""
                                SELECT id_type, id_value FROM la_party_identifier
                                WHERE party_id = :id ORDER BY position""")
                        .param("id", UUID.fromString(p.key()))
                        .query((rs, n) -> new Identifier(
                                rs.getString(1),
                                java.util.Objects.requireNonNull(
                                        open(r.id(), rs.getString(2), "la_party_identifier.id_value"))))
                        .list();
                withIds.add(new PartyToScreen(p.key(), p.role(), p.name(), p.nameOriginal(), p.country(), ids));
            }
            out.add(new ScreeningSubject(
                    Kind.APPLICATION,
                    r.id(),
                    r.reference(),
                    r.authority() == null ? null : new OrganisationId(r.authority()),
                    withIds));
        }
        return out;
    }

    private List<ScreeningSubject> licences(String where, Map<String, Object> params, int limit) {
        return jdbc.sql("""
                        SELECT id, licence_number, authority_org_id, consignee_name, consignee_name_original,
                            consignee_country, end_user_name, end_user_name_original, end_user_country, application_id
                        FROM lic_licence WHERE """ + " " + where + " ORDER BY id LIMIT " + Math.max(1, limit))
                .params(params)
                .query((rs, n) -> new ScreeningSubject(
                        Kind.LICENCE,
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        new OrganisationId(rs.getObject(3, UUID.class)),
                        List.of(
                                new PartyToScreen(
                                        "CONSIGNEE",
                                        "CONSIGNEE",
                                        java.util.Objects.requireNonNull(open(
                                                rs.getObject(10, UUID.class),
                                                rs.getString(4),
                                                "lic_licence.consignee_name")),
                                        open(
                                                rs.getObject(10, UUID.class),
                                                rs.getString(5),
                                                "lic_licence.consignee_name_original"),
                                        rs.getString(6),
                                        List.of()),
                                new PartyToScreen(
                                        "END_USER",
                                        "END_USER",
                                        java.util.Objects.requireNonNull(open(
                                                rs.getObject(10, UUID.class),
                                                rs.getString(7),
                                                "lic_licence.end_user_name")),
                                        open(
                                                rs.getObject(10, UUID.class),
                                                rs.getString(8),
                                                "lic_licence.end_user_name_original"),
                                        rs.getString(9),
                                        List.of()))))
                .list();
    }
}
