package org.lodestone.protection;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of encryption at rest ({@code lodestone.protection.*}).
 *
 * @param keyProvider {@code local} (the PKCS12 keystore below) or {@code external} (a {@link KeyProvider} bean the
 *     operator supplies; the keystore settings are then ignored)
 * @param keystore the local keystore
 * @param cacheSize how many unwrapped data keys are kept in memory
 * @param rotationBatch how many data keys one rotation transaction re-wraps
 */
@ConfigurationProperties("lodestone.protection")
public record ProtectionProperties(
        @DefaultValue("local") String keyProvider,
        @DefaultValue Keystore keystore,
        @DefaultValue("10000") int cacheSize,
        @DefaultValue("500") int rotationBatch) {

    /**
     * @param path the keystore file; {@code ${lodestone.data-dir}/keys/lodestone-keys.p12} when not set
     * @param password its password; in demo mode, when not set, a generated password file next to the keystore
     */
    public record Keystore(@Nullable Path path, @Nullable String password) {}
}
