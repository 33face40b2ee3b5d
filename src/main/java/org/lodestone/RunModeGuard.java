package org.lodestone;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Production mode refuses to run half-configured, before any bean (and so before Flyway) touches a database: with the
 * {@code prod} profile or {@code lodestone.demo=false}, an embedded H2 database, a missing datasource URL, demo
 * seeding and a local keystore without configured path and password are all fatal. Demo mode is the zero-setup default and needs nothing. Guarded by {@code RunModeGuardTests}.
 */
class RunModeGuard implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean prodProfile = env.acceptsProfiles(Profiles.of("prod"));
        boolean demo = env.getProperty("lodestone.demo", Boolean.class, !prodProfile);
        if (!prodProfile && demo) {
            return;
        }
        List<String> problems = problems(env, prodProfile, demo);
        if (!problems.isEmpty()) {
            throw new ProductionMisconfigured(problems);
        }
    }

    static List<String> problems(ConfigurableEnvironment env, boolean prodProfile, boolean demo) {
        List<String> problems = new ArrayList<>();
        if (prodProfile && demo) {
            problems.add("lodestone.demo=true is not allowed with the prod profile: demo users with known passwords"
                    + " would be created. Remove LODESTONE_DEMO.");
        }
        String url = env.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            problems.add("no database configured: set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db:5432/lodestone),"
                    + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
        } else if (url.startsWith("jdbc:h2:")) {
            problems.add("the embedded H2 database (" + url.replaceAll(";.*", "") + ") is for demo mode only:"
                    + " set SPRING_DATASOURCE_URL to a PostgreSQL database.");
        }
        // #6: the keys that decrypt everything confidential are never defaulted in production: a keystore created
        // silently under some working directory, with a generated password next to it, would be neither backed up
        // nor kept apart from the data.
        if (env.getProperty("lodestone.protection.key-provider", "local").equals("local")) {
            if (env.getProperty("lodestone.protection.keystore.path", "").isBlank()) {
                problems.add("no keystore configured: set LODESTONE_PROTECTION_KEYSTORE_PATH to the keystore file of"
                        + " the key-encryption keys (created on first start over an empty database; back it up apart"
                        + " from the database), or LODESTONE_PROTECTION_KEYPROVIDER=external with a KMS/HSM provider.");
            }
            if (env.getProperty("lodestone.protection.keystore.password", "").isBlank()) {
                problems.add("no keystore password configured: set LODESTONE_PROTECTION_KEYSTORE_PASSWORD from your"
                        + " secret store.");
            }
        }
        return problems;
    }

    @Override
    public int getOrder() {
        // After Boot has loaded application.yml and profile files.
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Thrown at start-up; its message lists every problem so an operator fixes them in one go. */
    static final class ProductionMisconfigured extends IllegalStateException {

        ProductionMisconfigured(List<String> problems) {
            super("Lodestone refuses to start in production mode:\n  - " + String.join("\n  - ", problems)
                    + "\nSee docs/operations.md. For a local trial run without the prod profile (demo mode).");
        }
    }
}
