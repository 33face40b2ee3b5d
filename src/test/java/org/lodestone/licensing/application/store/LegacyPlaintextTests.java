package org.lodestone.licensing.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.application.Revision;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * #6: a database from before encryption at rest (values in clear) is sealed once at start-up, in the contexts the
 * stores use, so it reads back unchanged; a second run finds nothing to do.
 */
class LegacyPlaintextTests {

    @TempDir
    Path keys;

    @Test
    void sealsLegacyValuesSoTheStoreReadsThemBack() {
        var ds = TestDatabases.h2();
        var sql = JdbcClient.create(ds);
        var protection = ProtectionFixtures.protection(ds, keys);
        var store = new ApplicationStore(sql, protection);
        Application app = ApplicationStoreContractTests.Contract.sample();
        store.insert(app);
        store.insertRevision(
                app.id(), new Revision(1, ApplicationState.SUBMITTED, "applicant", Instant.now()), "{\"x\": \"克\"}");
        // As an old version wrote them: in clear.
        var party = app.content().parties().getFirst();
        sql.sql("UPDATE la_party SET name_latin = :n, name_original = :o, address = :a WHERE id = :id")
                .param("n", party.nameLatin())
                .param("o", party.nameOriginal())
                .param("a", party.address())
                .param("id", party.id())
                .update();
        sql.sql("UPDATE la_application SET end_use_statement = :s WHERE id = :id")
                .param("s", app.content().endUse().statement())
                .param("id", app.id().value())
                .update();
        sql.sql("UPDATE la_revision SET content = '{\"x\": \"克\"}'").update();
        sql.sql("UPDATE la_party_identifier SET id_value = 'HRB 1'").update();

        var legacy =
                new LegacyPlaintext(sql, protection, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        assertThat(legacy.sealAll()).isGreaterThanOrEqualTo(5);
        assertThat(legacy.sealAll()).isZero();

        assertThat(sql.sql("SELECT name_latin FROM la_party WHERE id = :id")
                        .param("id", party.id())
                        .query(String.class)
                        .single())
                .startsWith("lse1:");
        Application read = store.find(app.id()).orElseThrow();
        assertThat(read.content().parties().getFirst().nameLatin()).isEqualTo(party.nameLatin());
        assertThat(read.content().parties().getFirst().nameOriginal()).isEqualTo(party.nameOriginal());
        assertThat(read.content().endUse().statement())
                .isEqualTo(app.content().endUse().statement());
        assertThat(store.revisionContent(app.id(), 1)).contains("{\"x\": \"克\"}");
    }
}
