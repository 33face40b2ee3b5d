package org.lodestone.licensing.application.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.ItemForm;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationContent;
import org.lodestone.licensing.application.ApplicationListing;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.application.BusinessRelationship;
import org.lodestone.licensing.application.Declarations;
import org.lodestone.licensing.application.EndUse;
import org.lodestone.licensing.application.EndUseSector;
import org.lodestone.licensing.application.Item;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.Production;
import org.lodestone.licensing.application.QuantityUnit;
import org.lodestone.licensing.application.Revision;
import org.lodestone.licensing.application.StateChange;
import org.lodestone.protection.Protection;
import org.lodestone.protection.ProtectionProblem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application tables. Callers own the transaction. Identities of customers and end users, production and business
 * history, contacts, identifiers, specifications and the revision snapshots are sealed with the application's data key
 * before they reach SQL and opened after ({@link Fields}, #6); no query filters or sorts on a sealed column (the
 * listing's consignee name is opened in Java). An application is saved as a whole: the root row is updated
 * only at the version it was read ({@code UPDATE … WHERE version = ?}), then its child rows are replaced, so a stale
 * writer changes nothing. Guarded by {@code ApplicationStoreContractTests} on H2 and PostgreSQL.
 */
public class ApplicationStore {

    private final JdbcClient jdbc;
    private final Protection protection;

    public ApplicationStore(JdbcClient jdbc, Protection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Column names double as the sealing context, so a sealed value moved to another column fails to open. */
    static final class Fields {
        static final String FINAL_PRODUCT = "la_application.end_use_final_product";
        static final String STATEMENT = "la_application.end_use_statement";
        static final String PROD_DESCRIPTION = "la_application.production_description";
        static final String PROD_PROCESS = "la_application.production_process";
        static final String PROD_SITE = "la_application.production_site";
        static final String REL_NOTES = "la_application.relationship_notes";
        static final String SIGNATORY = "la_application.decl_signatory";
        static final String NAME_ORIGINAL = "la_party.name_original";
        static final String NAME_LATIN = "la_party.name_latin";
        static final String ADDRESS = "la_party.address";
        static final String CONTACT_NAME = "la_party.contact_name";
        static final String CONTACT_EMAIL = "la_party.contact_email";
        static final String CONTACT_PHONE = "la_party.contact_phone";
        static final String ID_VALUE = "la_party_identifier.id_value";
        static final String SPECIFICATION = "la_item.specification";
        static final String REVISION = "la_revision.content";
        static final String SUBMISSION = "la_submission.body";

        private Fields() {}
    }

    private @Nullable String seal(ApplicationId id, @Nullable String value, String field) {
        return protection.seal(org.lodestone.protection.Scope.application(id.value()), value, field);
    }

    private @Nullable String open(ApplicationId id, @Nullable String value, String field) {
        return protection.open(org.lodestone.protection.Scope.application(id.value()), value, field);
    }

    /** Next number of the reference sequence; {@code nextval('…')} is understood by PostgreSQL and H2's PG mode. */
    public long nextReferenceNumber() {
        return jdbc.sql("SELECT nextval('la_reference_seq')").query(Long.class).single();
    }

    public void insert(Application a) {
        jdbc.sql("""
                INSERT INTO la_application (id, reference, state, applicant_org, applicant_name, applicant_country,
                    applicant_region, consignee_org, competent_authority, end_use_sector, end_use_final_product,
                    end_use_statement, production_description, production_process, production_site,
                    relationship_since, relationship_notes, decl_accuracy, decl_end_use, decl_no_reexport,
                    decl_signatory, decl_signed_on, revision, version, created_by, created_at, updated_at, submitted_at)
                VALUES (:id, :reference, :state, :applicant, :applicantName, :country, :region, :consignee, :authority,
                    :sector, :finalProduct, :statement, :prodDescription, :prodProcess, :prodSite, :since, :relNotes,
                    :accuracy, :endUse, :noReexport, :signatory, :signedOn, :revision, :version, :createdBy,
                    :createdAt, :updatedAt, :submittedAt)""")
                .param("id", a.id().value())
                .param("reference", a.reference())
                .param("applicant", a.applicant().value())
                .param("applicantName", a.applicantName())
                .param("country", a.applicantCountry())
                .param("region", a.applicantRegion())
                .param("createdBy", a.createdBy())
                .param("createdAt", ts(a.createdAt()))
                .params(rootParams(a, a.version()))
                .update();
        insertChildren(a);
    }

    /**
     * Saves the application if it is still at {@code expectedVersion}; returns the saved application (version + 1) or
     * empty when someone else changed it first.
     */
    public Optional<Application> save(Application a, long expectedVersion) {
        int rows = jdbc.sql("""
                UPDATE la_application SET state = :state, consignee_org = :consignee,
                    competent_authority = :authority, end_use_sector = :sector, end_use_final_product = :finalProduct,
                    end_use_statement = :statement, production_description = :prodDescription,
                    production_process = :prodProcess, production_site = :prodSite, relationship_since = :since,
                    relationship_notes = :relNotes, decl_accuracy = :accuracy, decl_end_use = :endUse,
                    decl_no_reexport = :noReexport, decl_signatory = :signatory, decl_signed_on = :signedOn,
                    revision = :revision, version = :version, updated_at = :updatedAt, submitted_at = :submittedAt
                WHERE id = :id AND version = :expected""")
                .param("id", a.id().value())
                .param("expected", expectedVersion)
                .params(rootParams(a, expectedVersion + 1))
                .update();
        if (rows != 1) {
            return Optional.empty();
        }
        deleteChildren(a.id());
        insertChildren(a);
        return Optional.of(withVersion(a, expectedVersion + 1));
    }

    /**
     * Saves a move of the application (state, routing, revision, timestamps) at the version it was read, leaving its
     * content alone: submission and the review workflow's moves do not change parties or items, so rewriting them
     * (what {@link #save} does) would only cost time inside the row lock.
     */
    public Optional<Application> saveMove(Application a, long expectedVersion) {
        int rows = jdbc.sql("""
                UPDATE la_application SET state = :state, competent_authority = :authority, revision = :revision,
                    version = :version, updated_at = :updatedAt, submitted_at = :submittedAt
                WHERE id = :id AND version = :expected""")
                .param("id", a.id().value())
                .param("expected", expectedVersion)
                .param("state", a.state().name())
                .param(
                        "authority",
                        a.competentAuthority() == null
                                ? null
                                : a.competentAuthority().value())
                .param("revision", a.revision())
                .param("version", expectedVersion + 1)
                .param("updatedAt", ts(a.updatedAt()))
                .param("submittedAt", a.submittedAt() == null ? null : ts(a.submittedAt()))
                .update();
        return rows == 1 ? Optional.of(withVersion(a, expectedVersion + 1)) : Optional.empty();
    }

    private Map<String, @Nullable Object> rootParams(Application a, long version) {
        ApplicationContent c = a.content();
        ApplicationId id = a.id();
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("state", a.state().name());
        p.put("consignee", c.consigneeOrganisation() == null ? null : UUID.fromString(c.consigneeOrganisation()));
        p.put(
                "authority",
                a.competentAuthority() == null ? null : a.competentAuthority().value());
        p.put("sector", c.endUse().sector() == null ? null : c.endUse().sector().name());
        p.put("finalProduct", seal(id, c.endUse().finalProduct(), Fields.FINAL_PRODUCT));
        p.put("statement", seal(id, c.endUse().statement(), Fields.STATEMENT));
        p.put("prodDescription", seal(id, c.production().description(), Fields.PROD_DESCRIPTION));
        p.put("prodProcess", seal(id, c.production().process(), Fields.PROD_PROCESS));
        p.put("prodSite", seal(id, c.production().site(), Fields.PROD_SITE));
        p.put("since", c.relationship().since());
        p.put("relNotes", seal(id, c.relationship().notes(), Fields.REL_NOTES));
        p.put("accuracy", c.declarations().accuracy());
        p.put("endUse", c.declarations().endUseUndertaking());
        p.put("noReexport", c.declarations().noReExportWithoutConsent());
        p.put("signatory", seal(id, c.declarations().signatoryName(), Fields.SIGNATORY));
        p.put("signedOn", c.declarations().signedOn());
        p.put("revision", a.revision());
        p.put("version", version);
        p.put("updatedAt", ts(a.updatedAt()));
        p.put("submittedAt", a.submittedAt() == null ? null : ts(a.submittedAt()));
        return p;
    }

    private void deleteChildren(ApplicationId id) {
        UUID app = id.value();
        jdbc.sql("DELETE FROM la_item_element WHERE item_id IN (SELECT id FROM la_item WHERE application_id = :id)")
                .param("id", app)
                .update();
        jdbc.sql("DELETE FROM la_item WHERE application_id = :id")
                .param("id", app)
                .update();
        jdbc.sql("""
                DELETE FROM la_party_identifier
                WHERE party_id IN (SELECT id FROM la_party WHERE application_id = :id)""").param("id", app).update();
        jdbc.sql("DELETE FROM la_party WHERE application_id = :id")
                .param("id", app)
                .update();
        jdbc.sql("DELETE FROM la_volume WHERE application_id = :id")
                .param("id", app)
                .update();
    }

    private void insertChildren(Application a) {
        UUID app = a.id().value();
        ApplicationContent c = a.content();
        int position = 0;
        for (Party p : c.parties()) {
            Party.Contact contact = p.contact();
            jdbc.sql("""
                    INSERT INTO la_party (id, application_id, position, role, name_original, name_latin, country,
                        address, contact_name, contact_email, contact_phone)
                    VALUES (:id, :app, :position, :role, :nameOriginal, :nameLatin, :country, :address, :contactName,
                        :contactEmail, :contactPhone)""")
                    .param("id", p.id())
                    .param("app", app)
                    .param("position", position++)
                    .param("role", p.role().name())
                    .param("nameOriginal", seal(a.id(), p.nameOriginal(), Fields.NAME_ORIGINAL))
                    .param("nameLatin", seal(a.id(), p.nameLatin(), Fields.NAME_LATIN))
                    .param("country", p.country())
                    .param("address", seal(a.id(), p.address(), Fields.ADDRESS))
                    .param("contactName", contact == null ? null : seal(a.id(), contact.name(), Fields.CONTACT_NAME))
                    .param("contactEmail", contact == null ? null : seal(a.id(), contact.email(), Fields.CONTACT_EMAIL))
                    .param("contactPhone", contact == null ? null : seal(a.id(), contact.phone(), Fields.CONTACT_PHONE))
                    .update();
            int idPosition = 0;
            for (Party.RegistrationIdentifier r : p.identifiers()) {
                jdbc.sql("""
                        INSERT INTO la_party_identifier (party_id, position, id_type, id_value)
                        VALUES (:party, :position, :type, :value)""")
                        .param("party", p.id())
                        .param("position", idPosition++)
                        .param("type", r.type())
                        .param("value", seal(a.id(), r.value(), Fields.ID_VALUE))
                        .update();
            }
        }
        position = 0;
        for (Item i : c.items()) {
            jdbc.sql("""
                    INSERT INTO la_item (id, application_id, position, control_entry, control_number, item_form,
                        description, quantity, unit, unit_value, currency, hs_code, specification)
                    VALUES (:id, :app, :position, :entry, :number, :form, :description, :quantity, :unit, :unitValue,
                        :currency, :hs, :spec)""")
                    .param("id", i.id())
                    .param("app", app)
                    .param("position", position++)
                    .param("entry", i.controlEntry())
                    .param("number", i.controlNumber())
                    .param("form", i.form().name())
                    .param("description", i.description())
                    .param("quantity", i.quantity())
                    .param("unit", i.unit().name())
                    .param("unitValue", i.unitValue())
                    .param("currency", i.currency())
                    .param("hs", i.hsCode())
                    .param("spec", seal(a.id(), i.specification(), Fields.SPECIFICATION))
                    .update();
            for (var e : i.elements().entrySet()) {
                jdbc.sql("INSERT INTO la_item_element (item_id, symbol, mass_percent) VALUES (:item, :symbol, :pct)")
                        .param("item", i.id())
                        .param("symbol", e.getKey())
                        .param("pct", e.getValue())
                        .update();
            }
        }
        for (BusinessRelationship.Volume v : c.relationship().volumes()) {
            jdbc.sql("""
                    INSERT INTO la_volume (application_id, volume_year, quantity, unit, amount, currency)
                    VALUES (:app, :year, :quantity, :unit, :amount, :currency)""")
                    .param("app", app)
                    .param("year", v.year())
                    .param("quantity", v.quantity())
                    .param("unit", v.unit() == null ? null : v.unit().name())
                    .param("amount", v.value())
                    .param("currency", v.currency())
                    .update();
        }
    }

    public Optional<Application> find(ApplicationId id) {
        Optional<Root> root = jdbc.sql("SELECT * FROM la_application WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> root(rs))
                .optional();
        return root.map(r -> r.toApplication(content(id, r)));
    }

    /**
     * Locks the application row until the transaction ends and returns its version; serialises submissions of one
     * application, so two racing requests with the same idempotency key see each other's outcome.
     */
    public Optional<Long> lock(ApplicationId id) {
        return jdbc.sql("SELECT version FROM la_application WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(Long.class)
                .optional();
    }

    /** Which applications a listing covers: one applicant's, one authority's, or those of one applicant country. */
    public record Scope(
            @Nullable OrganisationId applicant,
            @Nullable OrganisationId authority,
            @Nullable String nationalCountry) {

        public static Scope ofApplicant(OrganisationId id) {
            return new Scope(id, null, null);
        }

        public static Scope ofAuthority(OrganisationId id) {
            return new Scope(null, id, null);
        }

        public static Scope national(String country) {
            return new Scope(null, null, country);
        }
    }

    /** Exactly one of the scope's parts is set; national scope never shows drafts (they are not routed yet). */
    private static String where(Scope scope) {
        if (scope.applicant() != null) {
            return "a.applicant_org = :scope";
        }
        if (scope.authority() != null) {
            return "a.competent_authority = :scope";
        }
        return "a.applicant_country = :scope AND a.competent_authority IS NOT NULL";
    }

    private static Object scopeValue(Scope scope) {
        if (scope.applicant() != null) {
            return scope.applicant().value();
        }
        if (scope.authority() != null) {
            return scope.authority().value();
        }
        return java.util.Objects.requireNonNull(scope.nationalCountry());
    }

    public List<ApplicationListing> list(Scope scope, int offset, int limit) {
        return jdbc.sql(
                        """
                SELECT a.id, a.reference, a.state, a.applicant_name, a.created_at, a.updated_at, a.submitted_at,
                    (SELECT p.name_latin FROM la_party p WHERE p.application_id = a.id AND p.role = 'CONSIGNEE'
                        ORDER BY p.position FETCH FIRST 1 ROWS ONLY) AS consignee_name,
                    (SELECT p.country FROM la_party p WHERE p.application_id = a.id AND p.role = 'CONSIGNEE'
                        ORDER BY p.position FETCH FIRST 1 ROWS ONLY) AS consignee_country,
                    (SELECT COUNT(*) FROM la_item i WHERE i.application_id = a.id) AS item_count
                FROM la_application a WHERE """ + " " + where(scope)
                                + " ORDER BY a.created_at DESC, a.reference DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .param("scope", scopeValue(scope))
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new ApplicationListing(
                        new ApplicationId(rs.getObject("id", UUID.class)),
                        rs.getString("reference"),
                        ApplicationState.valueOf(rs.getString("state")),
                        rs.getString("applicant_name"),
                        listedName(new ApplicationId(rs.getObject("id", UUID.class)), rs.getString("consignee_name")),
                        rs.getString("consignee_country"),
                        rs.getInt("item_count"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at"),
                        nullableInstant(rs, "submitted_at")))
                .list();
    }

    public long count(Scope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM la_application a WHERE " + where(scope))
                .param("scope", scopeValue(scope))
                .query(Long.class)
                .single();
    }

    // ---- revisions, history, idempotency ------------------------------------------------------------------------

    public void insertRevision(ApplicationId id, Revision revision, String content) {
        jdbc.sql("""
                INSERT INTO la_revision (application_id, revision_no, state, created_by, created_at, content)
                VALUES (:id, :no, :state, :by, :at, :content)""")
                .param("id", id.value())
                .param("no", revision.number())
                .param("state", revision.state().name())
                .param("by", revision.createdBy())
                .param("at", ts(revision.createdAt()))
                .param("content", seal(id, content, Fields.REVISION))
                .update();
    }

    public List<Revision> revisions(ApplicationId id) {
        return jdbc.sql("""
                SELECT revision_no, state, created_by, created_at FROM la_revision
                WHERE application_id = :id ORDER BY revision_no""")
                .param("id", id.value())
                .query((rs, n) -> new Revision(
                        rs.getInt(1), ApplicationState.valueOf(rs.getString(2)), rs.getString(3), instant(rs, 4)))
                .list();
    }

    public Optional<String> revisionContent(ApplicationId id, int number) {
        return jdbc.sql("SELECT content FROM la_revision WHERE application_id = :id AND revision_no = :no")
                .param("id", id.value())
                .param("no", number)
                .query(String.class)
                .optional()
                .map(stored -> required(open(id, stored, Fields.REVISION)));
    }

    public void insertStateChange(ApplicationId id, StateChange change) {
        jdbc.sql("""
                INSERT INTO la_transition (application_id, from_state, to_state, actor, actor_org, at, reason, revision)
                VALUES (:id, :from, :to, :actor, :org, :at, :reason, :revision)""")
                .param("id", id.value())
                .param("from", change.from() == null ? null : change.from().name())
                .param("to", change.to().name())
                .param("actor", change.actor())
                .param("org", change.actorOrganisation() == null ? null : UUID.fromString(change.actorOrganisation()))
                .param("at", ts(change.at()))
                .param("reason", change.reason())
                .param("revision", change.revision())
                .update();
    }

    public List<StateChange> history(ApplicationId id) {
        return jdbc.sql("""
                SELECT from_state, to_state, actor, actor_org, at, reason, revision FROM la_transition
                WHERE application_id = :id ORDER BY id""")
                .param("id", id.value())
                .query((rs, n) -> new StateChange(
                        rs.getString(1) == null ? null : ApplicationState.valueOf(rs.getString(1)),
                        ApplicationState.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, UUID.class) == null
                                ? null
                                : rs.getObject(4, UUID.class).toString(),
                        instant(rs, 5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
    }

    /** A stored answer to a submission: HTTP status and body, replayed verbatim for the same idempotency key. */
    public record StoredSubmission(int status, String body) {}

    public Optional<StoredSubmission> submission(ApplicationId id, String key) {
        return jdbc.sql("""
                SELECT status, body FROM la_submission WHERE application_id = :id AND idempotency_key = :key""")
                .param("id", id.value())
                .param("key", key)
                .query((rs, n) ->
                        new StoredSubmission(rs.getInt(1), required(open(id, rs.getString(2), Fields.SUBMISSION))))
                .optional();
    }

    /** Fails with a duplicate-key error when the key was already used for this application. */
    public void insertSubmission(ApplicationId id, String key, StoredSubmission answer, Instant at) {
        jdbc.sql("""
                INSERT INTO la_submission (application_id, idempotency_key, status, body, created_at)
                VALUES (:id, :key, :status, :body, :at)""")
                .param("id", id.value())
                .param("key", key)
                .param("status", answer.status())
                .param("body", seal(id, answer.body(), Fields.SUBMISSION))
                .param("at", ts(at))
                .update();
    }

    // ---- mapping ------------------------------------------------------------------------------------------------

    private record Root(
            ApplicationId id,
            String reference,
            ApplicationState state,
            OrganisationId applicant,
            String applicantName,
            String country,
            @Nullable String region,
            @Nullable String consignee,
            @Nullable OrganisationId authority,
            EndUse endUse,
            Production production,
            @Nullable LocalDate since,
            @Nullable String relNotes,
            Declarations declarations,
            int revision,
            long version,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant submittedAt) {

        Application toApplication(ApplicationContent content) {
            return new Application(
                    id,
                    reference,
                    state,
                    applicant,
                    applicantName,
                    country,
                    region,
                    authority,
                    content,
                    revision,
                    version,
                    createdBy,
                    createdAt,
                    updatedAt,
                    submittedAt);
        }
    }

    private Root root(ResultSet rs) throws SQLException {
        UUID consignee = rs.getObject("consignee_org", UUID.class);
        UUID authority = rs.getObject("competent_authority", UUID.class);
        String sector = rs.getString("end_use_sector");
        ApplicationId id = new ApplicationId(rs.getObject("id", UUID.class));
        return new Root(
                id,
                rs.getString("reference"),
                ApplicationState.valueOf(rs.getString("state")),
                new OrganisationId(rs.getObject("applicant_org", UUID.class)),
                rs.getString("applicant_name"),
                rs.getString("applicant_country"),
                rs.getString("applicant_region"),
                consignee == null ? null : consignee.toString(),
                authority == null ? null : new OrganisationId(authority),
                new EndUse(
                        sector == null ? null : EndUseSector.valueOf(sector),
                        open(id, rs.getString("end_use_final_product"), Fields.FINAL_PRODUCT),
                        open(id, rs.getString("end_use_statement"), Fields.STATEMENT)),
                new Production(
                        open(id, rs.getString("production_description"), Fields.PROD_DESCRIPTION),
                        open(id, rs.getString("production_process"), Fields.PROD_PROCESS),
                        open(id, rs.getString("production_site"), Fields.PROD_SITE)),
                rs.getObject("relationship_since", LocalDate.class),
                open(id, rs.getString("relationship_notes"), Fields.REL_NOTES),
                new Declarations(
                        rs.getBoolean("decl_accuracy"),
                        rs.getBoolean("decl_end_use"),
                        rs.getBoolean("decl_no_reexport"),
                        open(id, rs.getString("decl_signatory"), Fields.SIGNATORY),
                        rs.getObject("decl_signed_on", LocalDate.class)),
                rs.getInt("revision"),
                rs.getLong("version"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                nullableInstant(rs, "submitted_at"));
    }

    private ApplicationContent content(ApplicationId id, Root root) {
        UUID app = id.value();
        Map<UUID, List<Party.RegistrationIdentifier>> identifiers = new HashMap<>();
        jdbc.sql("""
                SELECT i.party_id, i.id_type, i.id_value FROM la_party_identifier i
                JOIN la_party p ON p.id = i.party_id WHERE p.application_id = :id ORDER BY i.party_id, i.position""").param("id", app).query(rs -> {
            identifiers
                    .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new Party.RegistrationIdentifier(
                            rs.getString(2), required(open(id, rs.getString(3), Fields.ID_VALUE))));
        });
        List<Party> parties = jdbc.sql("SELECT * FROM la_party WHERE application_id = :id ORDER BY position")
                .param("id", app)
                .query((rs, n) -> {
                    UUID pid = rs.getObject("id", UUID.class);
                    String cn = open(id, rs.getString("contact_name"), Fields.CONTACT_NAME);
                    String ce = open(id, rs.getString("contact_email"), Fields.CONTACT_EMAIL);
                    String cp = open(id, rs.getString("contact_phone"), Fields.CONTACT_PHONE);
                    return new Party(
                            pid,
                            PartyRole.valueOf(rs.getString("role")),
                            open(id, rs.getString("name_original"), Fields.NAME_ORIGINAL),
                            required(open(id, rs.getString("name_latin"), Fields.NAME_LATIN)),
                            rs.getString("country"),
                            required(open(id, rs.getString("address"), Fields.ADDRESS)),
                            identifiers.getOrDefault(pid, List.of()),
                            cn == null && ce == null && cp == null ? null : new Party.Contact(cn, ce, cp));
                })
                .list();
        Map<UUID, Map<String, BigDecimal>> elements = new HashMap<>();
        jdbc.sql("""
                SELECT e.item_id, e.symbol, e.mass_percent FROM la_item_element e
                JOIN la_item i ON i.id = e.item_id WHERE i.application_id = :id""").param("id", app).query(rs -> {
            elements.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                    .put(rs.getString(2), normal(rs.getBigDecimal(3)));
        });
        List<Item> items = jdbc.sql("SELECT * FROM la_item WHERE application_id = :id ORDER BY position")
                .param("id", app)
                .query((rs, n) -> {
                    UUID iid = rs.getObject("id", UUID.class);
                    return new Item(
                            iid,
                            rs.getString("control_entry"),
                            rs.getString("control_number"),
                            ItemForm.valueOf(rs.getString("item_form")),
                            rs.getString("description"),
                            normal(rs.getBigDecimal("quantity")),
                            QuantityUnit.valueOf(rs.getString("unit")),
                            normal(rs.getBigDecimal("unit_value")),
                            rs.getString("currency"),
                            new LinkedHashMap<>(elements.getOrDefault(iid, Map.of())),
                            rs.getString("hs_code"),
                            open(id, rs.getString("specification"), Fields.SPECIFICATION));
                })
                .list();
        List<BusinessRelationship.Volume> volumes = jdbc.sql("""
                SELECT volume_year, quantity, unit, amount, currency FROM la_volume
                WHERE application_id = :id ORDER BY volume_year""")
                .param("id", app)
                .query((rs, n) -> new BusinessRelationship.Volume(
                        rs.getInt(1),
                        nullableNormal(rs.getBigDecimal(2)),
                        rs.getString(3) == null ? null : QuantityUnit.valueOf(rs.getString(3)),
                        nullableNormal(rs.getBigDecimal(4)),
                        rs.getString(5)))
                .list();
        return new ApplicationContent(
                root.consignee(),
                parties,
                items,
                root.endUse(),
                root.production(),
                new BusinessRelationship(root.since(), volumes, root.relNotes()),
                root.declarations());
    }

    /** A list stays usable when one application's content was destroyed (crypto-shredding): its name is absent. */
    private @Nullable String listedName(ApplicationId id, @Nullable String sealed) {
        try {
            return open(id, sealed, Fields.NAME_LATIN);
        } catch (ProtectionProblem p) {
            if (p.kind() == ProtectionProblem.Kind.DESTROYED) {
                return null;
            }
            throw p;
        }
    }

    private static String required(@Nullable String value) {
        return java.util.Objects.requireNonNull(value, "a NOT NULL column read as null");
    }

    private static Application withVersion(Application a, long version) {
        return new Application(
                a.id(),
                a.reference(),
                a.state(),
                a.applicant(),
                a.applicantName(),
                a.applicantCountry(),
                a.applicantRegion(),
                a.competentAuthority(),
                a.content(),
                a.revision(),
                version,
                a.createdBy(),
                a.createdAt(),
                a.updatedAt(),
                a.submittedAt());
    }

    /** Numeric columns come back with their column scale (12.500000); the domain keeps the plain value (12.5). */
    public static BigDecimal normal(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    private static @Nullable BigDecimal nullableNormal(@Nullable BigDecimal value) {
        return value == null ? null : normal(value);
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
