package org.lodestone.protection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.lodestone.audit.AuditTrail;
import org.lodestone.protection.keystore.LocalKeystore;
import org.lodestone.protection.keystore.Secrets;
import org.lodestone.protection.store.DataKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires encryption at rest. The local keystore is opened at start-up; it is created only when it is missing AND the
 * database holds no data key, so a lost keystore is never silently replaced (that would make every encrypted value
 * unreadable): Lodestone refuses to start instead, naming the path. Then every KEK that data keys reference must be in
 * the provider. Guarded by {@code KeyCustodyTests}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProtectionProperties.class)
class ProtectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProtectionConfiguration.class);

    static final String KEYSTORE_FILE = "lodestone-keys.p12";
    static final String PASSWORD_FILE = "lodestone-keys.password";

    @Bean
    DataKeyStore dataKeyStore(JdbcClient jdbc) {
        return new DataKeyStore(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean(KeyProvider.class)
    KeyProvider localKeystore(ProtectionProperties properties, Environment environment, DataKeyStore store) {
        Path file = keystorePath(properties, environment);
        String configured = properties.keystore().password();
        return openOrCreate(
                file,
                configured,
                store.liveKeysByKek().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    static Path keystorePath(ProtectionProperties properties, Environment environment) {
        Path path = properties.keystore().path() != null
                ? properties.keystore().path()
                : Path.of(environment.getProperty("lodestone.data-dir", "./data"), "keys", KEYSTORE_FILE);
        return path.toAbsolutePath().normalize();
    }

    /**
     * Opens the keystore, or creates it when it is missing and {@code dataKeys} is 0.
     *
     * @throws KeyCustodyFailure when it is missing or unreadable while data keys exist
     */
    static LocalKeystore openOrCreate(Path file, @org.jspecify.annotations.Nullable String password, long dataKeys) {
        boolean exists = Files.exists(file);
        if (!exists && dataKeys > 0) {
            throw new KeyCustodyFailure("the keystore " + file + " is missing, but the database holds " + dataKeys
                    + " data key(s) wrapped under its key-encryption keys. A new keystore is NOT created: it could"
                    + " not decrypt existing data.");
        }
        char[] pw;
        try {
            pw = password != null && !password.isBlank()
                    ? password.toCharArray()
                    : Secrets.demoPassword(file.resolveSibling(PASSWORD_FILE), exists);
        } catch (IOException e) {
            throw new KeyCustodyFailure(e.getMessage());
        }
        try {
            if (exists) {
                return LocalKeystore.open(file, pw);
            }
            LocalKeystore created = LocalKeystore.create(file, pw);
            log.warn(
                    "Created a new keystore {} (key-encryption key kek-1). Back it up together with, but stored apart"
                            + " from, the database: without it encrypted data cannot be read (docs/operations.md).",
                    file);
            return created;
        } catch (IOException e) {
            throw new KeyCustodyFailure(
                    "the keystore " + file + " cannot be " + (exists ? "read" : "created") + ": " + e.getMessage());
        }
    }

    @Bean
    DataKeys dataKeys(
            DataKeyStore store,
            KeyProvider provider,
            PlatformTransactionManager transactionManager,
            ProtectionProperties properties,
            ObjectProvider<Clock> clock) {
        var newTransaction = new TransactionTemplate(transactionManager);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var keys = new DataKeys(
                store, provider, newTransaction, clock.getIfAvailable(Clock::systemUTC), properties.cacheSize());
        keys.verifyCustody();
        return keys;
    }

    @Bean
    Protection protection(DataKeys keys, AuditTrail audit) {
        return new Protection(keys, audit);
    }

    @Bean
    KeyRotation keyRotation(
            DataKeyStore store,
            KeyProvider provider,
            AuditTrail audit,
            TransactionTemplate transactions,
            ProtectionProperties properties,
            ObjectProvider<Clock> clock) {
        return new KeyRotation(
                store,
                provider,
                audit,
                transactions,
                clock.getIfAvailable(Clock::systemUTC),
                properties.rotationBatch());
    }
}
