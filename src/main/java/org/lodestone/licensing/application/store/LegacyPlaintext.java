package org.lodestone.licensing.application.store;

import java.util.List;
import java.util.UUID;
import org.lodestone.protection.Protection;
import org.lodestone.protection.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Seals what a database created before encryption at rest (#6, migration V16) still holds in clear, once, at start-up,
 * before anything reads it: every protected column of the licensing tables whose value is not yet in the sealed form
 * is sealed with its application's data key, in the same context the stores use, one table at a time in batches.
 * Afterwards the stores read only sealed values (an unsealed one is an integrity error). Guarded by
 * {@code LegacyPlaintextTests}.
 */
public final class LegacyPlaintext {

    private static final Logger log = LoggerFactory.getLogger(LegacyPlaintext.class);
    private static final int BATCH = 500;

    /**
     * One protected column: {@code key} identifies a row of {@code table} ({@code ctid}-free, so a primary key
     * expression), {@code application} is the SQL expression of the row's application id.
     */
    record Column(String table, String column, String key, String application, String from) {}

    static final List<Column> COLUMNS = List.of(
            app("la_application", "end_use_final_product"),
            app("la_application", "end_use_statement"),
            app("la_application", "production_description"),
            app("la_application", "production_process"),
            app("la_application", "production_site"),
            app("la_application", "relationship_notes"),
            app("la_application", "decl_signatory"),
            child("la_party", "name_original"),
            child("la_party", "name_latin"),
            child("la_party", "address"),
            child("la_party", "contact_name"),
            child("la_party", "contact_email"),
            child("la_party", "contact_phone"),
            new Column(
                    "la_party_identifier",
                    "id_value",
                    "CAST(t.party_id AS VARCHAR) || '/' || CAST(t.position AS VARCHAR)",
                    "(SELECT p.application_id FROM la_party p WHERE p.id = t.party_id)",
                    "la_party_identifier t"),
            child("la_item", "specification"),
            new Column(
                    "la_revision",
                    "content",
                    "CAST(t.application_id AS VARCHAR) || '/' || CAST(t.revision_no AS VARCHAR)",
                    "t.application_id",
                    "la_revision t"),
            new Column(
                    "la_submission",
                    "body",
                    "CAST(t.application_id AS VARCHAR) || '/' || t.idempotency_key",
                    "t.application_id",
                    "la_submission t"),
            child("evidence_document", "filename"),
            child("evidence_document", "description"),
            child("lic_licence", "consignee_name"),
            child("lic_licence", "consignee_name_original"),
            child("lic_licence", "end_user_name"),
            child("lic_licence", "end_user_name_original"),
            child("lic_licence", "check_code"),
            new Column(
                    "lic_shipment",
                    "consignee",
                    "CAST(t.id AS VARCHAR)",
                    "(SELECT l.application_id FROM lic_licence l WHERE l.id = t.licence_id)",
                    "lic_shipment t"));

    private static Column app(String table, String column) {
        return new Column(table, column, "CAST(t.id AS VARCHAR)", "t.id", table + " t");
    }

    private static Column child(String table, String column) {
        return new Column(table, column, "CAST(t.id AS VARCHAR)", "t.application_id", table + " t");
    }

    private final JdbcClient jdbc;
    private final Protection protection;
    private final TransactionOperations transactions;

    public LegacyPlaintext(JdbcClient jdbc, Protection protection, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.transactions = transactions;
    }

    /** Seals every legacy value; returns how many were sealed. */
    public long sealAll() {
        long total = 0;
        for (Column c : COLUMNS) {
            total += seal(c);
        }
        if (total > 0) {
            log.warn("Sealed {} value(s) stored in clear by a version before encryption at rest (#6)", total);
        }
        return total;
    }

    private long seal(Column c) {
        long sealed = 0;
        while (true) {
            record Legacy(String key, UUID application, String value) {}
            List<Legacy> rows = jdbc.sql("SELECT " + c.key() + " AS k, " + c.application() + " AS a, t." + c.column()
                            + " AS v FROM " + c.from() + " WHERE t." + c.column() + " IS NOT NULL AND t."
                            + c.column() + " NOT LIKE 'lse1:%' FETCH FIRST " + BATCH + " ROWS ONLY")
                    .query((rs, n) -> new Legacy(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
                    .list();
            if (rows.isEmpty()) {
                return sealed;
            }
            transactions.executeWithoutResult(tx -> {
                for (Legacy row : rows) {
                    String value = protection.seal(
                            Scope.application(row.application()), row.value(), c.table() + "." + c.column());
                    jdbc.sql("UPDATE " + c.table() + " t SET " + c.column() + " = :v WHERE " + c.key() + " = :k")
                            .param("v", value)
                            .param("k", row.key())
                            .update();
                }
            });
            sealed += rows.size();
        }
    }
}
