package org.lodestone.protection;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.store.TestTrails;
import org.lodestone.protection.keystore.LocalKeystore;
import org.lodestone.protection.store.DataKeyStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The real protection module over a migrated database and a keystore in a temp directory, without Spring. */
public final class ProtectionFixtures {

    public record Setup(
            Protection protection,
            KeyRotation rotation,
            DataKeyStore store,
            LocalKeystore keystore,
            DataKeys keys,
            JdbcClient jdbc,
            AuditTrail audit) {}

    private ProtectionFixtures() {}

    /** Over a keystore in a new temp directory (removed when the JVM ends). */
    public static Protection protection(DataSource dataSource) {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("lodestone-keys");
            dir.toFile().deleteOnExit();
            return protection(dataSource, dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Protection protection(DataSource dataSource, Path keysDir) {
        return setup(dataSource, keysDir).protection();
    }

    public static Setup setup(DataSource dataSource, Path keysDir) {
        var jdbc = JdbcClient.create(dataSource);
        var store = new DataKeyStore(jdbc);
        LocalKeystore keystore =
                ProtectionConfiguration.openOrCreate(keysDir.resolve("lodestone-keys.p12"), "test-password", 0);
        return setup(dataSource, store, keystore);
    }

    /**
     * Inserts {@code n} data keys of fresh application scopes straight with JDBC batches (wrapped under the current KEK,
     * exactly as {@link DataKeys} stores them), for benchmarks that need many applications quickly.
     */
    public static void insertDataKeys(DataSource dataSource, Setup setup, int n) throws Exception {
        var random = new java.security.SecureRandom();
        String kek = setup.keystore().currentKek();
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("INSERT INTO pr_data_key (scope, generation, kek_id,"
                        + " wrapped_key, created_at, version) VALUES (?, ?, ?, ?, ?, 0)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                String scope = Scope.application(java.util.UUID.randomUUID()).value();
                byte[] key = new byte[32];
                random.nextBytes(key);
                byte[] wrapped = setup.keystore().wrap(kek, key, DataKeys.wrapContext(scope, DataKeys.GENERATION));
                insert.setString(1, scope);
                insert.setInt(2, DataKeys.GENERATION);
                insert.setString(3, kek);
                insert.setString(4, java.util.Base64.getEncoder().encodeToString(wrapped));
                insert.setObject(5, now);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    static Setup setup(DataSource dataSource, DataKeyStore store, LocalKeystore keystore) {
        var jdbc = JdbcClient.create(dataSource);
        var tm = new DataSourceTransactionManager(dataSource);
        var requiresNew = new TransactionTemplate(tm);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AuditTrail audit = TestTrails.over(dataSource);
        var keys = new DataKeys(store, keystore, requiresNew, Clock.systemUTC(), 1000);
        keys.verifyCustody();
        var protection = new Protection(keys, audit);
        var rotation = new KeyRotation(store, keystore, audit, new TransactionTemplate(tm), Clock.systemUTC(), 100);
        return new Setup(protection, rotation, store, keystore, keys, jdbc, audit);
    }
}
